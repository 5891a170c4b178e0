package org.jaildesk.ui.common;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** What every JailDesk dialog shares: an owner, the title as header, and an id tests and CSS can find. */
public final class Dialogs {

    private Dialogs() {
    }

    public static Dialog<ButtonType> titled(Window owner, String id, String title) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().setId(id);
        return d;
    }
}
