package org.jaildesk.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jails.JailTableView;

/**
 * The jail table's context menu, one for every host's table: each jail action, then copying the selected rows and
 * exporting those listed.
 */
final class TableMenu {

    private TableMenu() {
    }

    /** {@code shown} is the table of the host shown now, or null; {@code export} writes the rows it lists to a file. */
    static ContextMenu of(List<UiAction> actions, Messages msg, Supplier<JailTableView> shown, MenuItem export) {
        ContextMenu menu = new ContextMenu();
        actions.forEach(a -> menu.getItems().add(a.menuItem()));
        // The rows as text (Ctrl+C in the table does the same): names and addresses into a terminal or a ticket.
        MenuItem copy = new MenuItem(msg.get("action.copyRows"));
        copy.setId("ctx-copy");
        copy.setOnAction(e -> {
            JailTableView table = shown.get();
            if (table != null) {
                table.copySelection();
            }
        });
        menu.setOnShowing(e -> {
            copy.setDisable(shown.get() == null || shown.get().getSelectionModel().isEmpty());
            export.setDisable(shown.get() == null || shown.get().getItems().isEmpty());
        });
        menu.getItems().addAll(new SeparatorMenuItem(), copy, export);
        return menu;
    }
}
