package org.jaildesk.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

/**
 * One user action, defined once and shown as a menu item (with its shortcut), a toolbar button and a context-menu
 * item, all enabled by the same binding: why the action cannot run now, empty when it can. Greyed out, each says
 * why: the button in its tooltip, the menu item beside it when it has the focus ({@link GreyedMenuItems}).
 */
record UiAction(String id, String text, KeyCombination shortcut, ObservableStringValue whyNot, Runnable run) {

    boolean enabled() {
        return whyNot.get().isEmpty();
    }

    MenuItem menuItem() {
        MenuItem m = new MenuItem(text);
        m.setId("menu-" + id);
        if (shortcut != null) {
            m.setAccelerator(shortcut);
        }
        m.disableProperty().bind(Bindings.isNotEmpty(whyNot));
        m.setOnAction(e -> run.run());
        GreyedMenuItems.explain(m, whyNot);
        return m;
    }

    /**
     * The toolbar button (id {@code tb-<id>}) in a box (id {@code tbox-<id>}) that, while the button is greyed out,
     * shows why in its tooltip: a disabled control gets no mouse events, so its own tooltip never shows then
     * (JDK-8090379), but the box around it still does.
     */
    Node button() {
        String named = shortcut == null ? text : text + " (" + shortcut.getDisplayText() + ")";
        Button b = new Button(text);
        b.setId("tb-" + id);
        b.setTooltip(new Tooltip(named));
        b.setAccessibleText(text);
        b.setFocusTraversable(false);
        BooleanBinding off = Bindings.isNotEmpty(whyNot);
        b.disableProperty().bind(off);
        b.accessibleHelpProperty().bind(whyNot);
        b.setOnAction(e -> run.run());
        StackPane box = new StackPane(b);
        box.setId("tbox-" + id);
        Tooltip why = new Tooltip();
        why.setId("why-" + id);
        why.setWrapText(true);
        why.setMaxWidth(420);
        why.textProperty().bind(Bindings.concat(named, "\n", whyNot));
        off.addListener((o, was, now) -> explain(box, why, now));
        explain(box, why, off.get());
        return box;
    }

    private static void explain(Node box, Tooltip why, boolean disabled) {
        if (disabled) {
            Tooltip.install(box, why);
        } else {
            Tooltip.uninstall(box, why);
        }
    }
}
