package org.jaildesk.ui.mounts;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailMount;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/** Add a mount (both paths checked as they are typed; read-only unless unticked) and remove one (Cancel the default). */
final class MountDialogs {

    private final MountsViewModel vm;
    private final Messages msg;

    MountDialogs(MountsViewModel vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
    }

    Dialog<ButtonType> add(Window owner, Jail jail) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "mountAddDialog", msg.get("mounts.add.title", jail.displayName()));
        TextField source = Dialogs.field("mountSource", msg.get("mounts.add.sourcePrompt"));
        TextField destination = Dialogs.field("mountDestination", msg.get("mounts.add.destinationPrompt"));
        CheckBox readOnly = new CheckBox(msg.get("mounts.add.readOnly"));
        readOnly.setId("mountReadOnly");
        readOnly.setSelected(true);
        Label error = Dialogs.errorLabel("mountError");
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            String s = source.getText();
            String t = destination.getText();
            String why = s.isEmpty() ? "" : vm.whyNotSource(s).orElse("");
            return !why.isEmpty() || t.isEmpty() ? why : vm.whyNotDestination(t).orElse("");
        }, source.textProperty(), destination.textProperty(), vm.rows()));
        GridPane g = Dialogs.form();
        g.add(Dialogs.explanation(msg.get("mounts.add.explain", jail.displayName())), 0, 0, 2, 1);
        g.addRow(1, Dialogs.label(msg.get("mounts.add.source"), source), source);
        g.addRow(2, Dialogs.label(msg.get("mounts.add.destination"), destination), destination);
        g.add(readOnly, 1, 3);
        g.add(error, 0, 4, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("mounts.add.ok"), "mountAddOk", false);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(error.textProperty().isNotEmpty()
                .or(source.textProperty().isEmpty()).or(destination.textProperty().isEmpty()));
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.add(jail.id(), source.getText(), destination.getText(), readOnly.isSelected());
            }
            return b;
        });
        Dialogs.focusWhenShown(d, source);
        return d;
    }

    Dialog<ButtonType> remove(Window owner, Jail jail, JailMount m) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "mountRemoveDialog", msg.get("mounts.remove.title", m.destination(), jail.displayName()));
        VBox box = new VBox(10, Dialogs.explanation(msg.get(jail.isRunning() ? "mounts.remove.running" : "mounts.remove.stopped",
                m.source(), m.destination(), jail.displayName())));
        box.setPadding(new Insets(10));
        d.getDialogPane().setContent(box);
        ButtonType ok = Dialogs.dangerButton(d, msg.get("mounts.remove.ok"), "mountRemoveOk");
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.remove(jail.id(), m);
            }
            return b;
        });
        return d;
    }
}
