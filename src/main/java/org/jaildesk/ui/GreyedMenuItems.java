package org.jaildesk.ui;

import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.stage.WindowEvent;
import org.jaildesk.ui.common.Messages;

/**
 * A greyed-out menu item says why, as its toolbar button does. JavaFX greys the item's row in the open menu without
 * disabling the row's node, which still takes the pointer and the keyboard's focus (the mouse focuses the row it is
 * over; the arrow keys move the focus onto greyed rows too). So when a greyed row takes the focus, its reason shows
 * beside it, and screen readers find it in the row's help text. Items of the Jail menu and of the table's context
 * menu alike: their rows are made when their menu first shows, so each is looked at whenever its menu has shown.
 */
final class GreyedMenuItems {

    private static final String WHY = "jaildesk.whyNot";
    private static final String WATCHED = "jaildesk.greyedWatched";

    private GreyedMenuItems() {
    }

    /** {@code item} is greyed out while {@code whyNot} is not empty, and then says it. */
    static void explain(MenuItem item, ObservableStringValue whyNot) {
        Tooltip why = new Tooltip();
        why.setId("why-" + item.getId());
        why.setWrapText(true);
        why.setMaxWidth(420);
        why.textProperty().bind(whyNot);
        item.getProperties().put(WHY, why);
        item.parentPopupProperty().addListener((o, was, popup) -> watch(popup));
        watch(item.getParentPopup());
    }

    /** The tooltip that says why {@code item} is greyed out, or null for an item that never is. For tests. */
    static Tooltip reason(MenuItem item) {
        return item.getProperties().get(WHY) instanceof Tooltip t ? t : null;
    }

    /**
     * What the status line says when {@code key} is the shortcut of one of {@code items} that is greyed out: a greyed
     * item's shortcut does nothing, which reads as a key the window did not take. Empty for any other key.
     */
    static Optional<String> whyOff(List<MenuItem> items, KeyEvent key, Messages msg) {
        for (MenuItem i : items) {
            Tooltip why = reason(i);
            if (why != null && i.isDisable() && !why.getText().isEmpty() && i.getAccelerator() != null
                    && i.getAccelerator().match(key)) {
                return Optional.of(msg.get("status.shortcutOff", i.getText().replace("\u2026", "").strip(),
                        i.getAccelerator().getDisplayText(), why.getText()));
            }
        }
        return Optional.empty();
    }

    private static void watch(ContextMenu popup) {
        if (popup == null || popup.getProperties().putIfAbsent(WATCHED, Boolean.TRUE) != null) {
            return;
        }
        popup.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> popup.getItems().forEach(GreyedMenuItems::follow));
        popup.addEventHandler(WindowEvent.WINDOW_HIDING, e -> popup.getItems().forEach(GreyedMenuItems::hide));
    }

    /** The item's row, made by the menu's skin, says why while it has the focus and the item is greyed out. */
    private static void follow(MenuItem item) {
        Tooltip why = reason(item);
        Node row = item.getStyleableNode();
        if (why == null || row == null) {
            return;
        }
        row.accessibleHelpProperty().bind(why.textProperty());
        if (row.getProperties().putIfAbsent(WHY, why) == null) {
            row.focusedProperty().addListener((o, was, now) -> {
                if (now && item.isDisable() && !why.getText().isEmpty()) {
                    Bounds b = row.localToScreen(row.getBoundsInLocal());
                    if (b != null) {
                        why.show(row, b.getMaxX() + 4, b.getMinY());
                    }
                } else {
                    why.hide();
                }
            });
        }
    }

    private static void hide(MenuItem item) {
        Tooltip why = reason(item);
        if (why != null) {
            why.hide();
        }
    }
}
