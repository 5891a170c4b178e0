package org.jaildesk.ui;

import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * One user action, defined once and shown as a menu item (with its shortcut), a toolbar button and a context-menu
 * item, all enabled by the same binding.
 */
record UiAction(String id, String text, KeyCombination shortcut, BooleanExpression enabled, Runnable run) {

    MenuItem menuItem() {
        MenuItem m = new MenuItem(text);
        m.setId("menu-" + id);
        if (shortcut != null) {
            m.setAccelerator(shortcut);
        }
        m.disableProperty().bind(enabled.not());
        m.setOnAction(e -> run.run());
        return m;
    }

    Button button() {
        Button b = new Button(text);
        b.setId("tb-" + id);
        b.setTooltip(new Tooltip(shortcut == null ? text : text + " (" + shortcut.getDisplayText() + ")"));
        b.setAccessibleText(text);
        b.setFocusTraversable(false);
        b.disableProperty().bind(enabled.not());
        b.setOnAction(e -> run.run());
        return b;
    }
}
