package org.jaildesk.ui;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.jaildesk.ui.common.Messages;

/**
 * The File menu (add a host, export and import the host list through {@link HostFiles}, quit) and the Jail menu
 * (each jail action, in the toolbar's order).
 */
final class FileAndJailMenus {

    private FileAndJailMenus() {
    }

    /** Each action with its shortcut; lines after Refresh and after Destroy and its protection. */
    static Menu jail(Messages msg, List<UiAction> actions) {
        Menu jail = new Menu(msg.get("menu.jail"));
        jail.setId("menu-jail");
        for (UiAction a : actions) {
            jail.getItems().add(a.menuItem());
            if (a.id().equals("refresh") || a.id().equals("unprotect")) {
                jail.getItems().add(new SeparatorMenuItem());
            }
        }
        return jail;
    }

    /** {@code quit} asks first while jobs run, and closes the window if the user goes on. */
    static Menu file(Messages msg, Runnable addHost, List<MenuItem> hostFiles, Runnable quit) {
        Menu file = new Menu(msg.get("menu.file"));
        MenuItem add = new MenuItem(msg.get("host.add"));
        add.setId("menu-addHost");
        add.setOnAction(e -> addHost.run());
        MenuItem quitItem = new MenuItem(msg.get("menu.quit"));
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quitItem.setId("menu-quit");
        quitItem.setOnAction(e -> quit.run());
        file.getItems().add(add);
        file.getItems().addAll(hostFiles);
        file.getItems().addAll(new SeparatorMenuItem(), quitItem);
        return file;
    }
}
