package org.jaildesk.ui.pools;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/** Activate and deactivate a pool; preview and confirm a clean by a typed word. */
public final class HostAdminDialogs {

    private final HostAdminViewModel vm;
    private final Messages msg;

    public HostAdminDialogs(HostAdminViewModel vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
    }

    public Dialog<ButtonType> activate(Window owner) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "activateDialog", msg.get("pool.activateTitle"));
        TextField name = new TextField();
        name.setId("poolName");
        name.setPromptText("tank");
        Label error = Dialogs.errorLabel("poolError");
        error.textProperty().bind(Bindings.createStringBinding(() -> name.getText().isEmpty() ? ""
                : HostAdminViewModel.checkPoolName(name.getText()).orElse(""), name.textProperty()));
        Label explain = new Label(msg.get("pool.activateExplain"));
        explain.setWrapText(true);
        d.getDialogPane().setContent(box(explain, name, error));
        d.setOnShown(e -> name.requestFocus());
        ButtonType ok = Dialogs.confirmButton(d, msg.get("pool.activateOk"), "poolOk", false);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(
                name.textProperty().isEmpty().or(error.textProperty().isNotEmpty()));
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.activate(name.getText());
            }
            return b;
        });
        return d;
    }

    /** Fetch a release: its name, checked as you type; the download then runs as a job. */
    public Dialog<ButtonType> fetch(Window owner) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "fetchDialog", msg.get("release.fetchTitle"));
        TextField name = new TextField();
        name.setId("fetchReleaseName");
        name.setPromptText("14.2-RELEASE");
        Label error = Dialogs.errorLabel("fetchError");
        error.textProperty().bind(Bindings.createStringBinding(() -> name.getText().isEmpty()
                || org.jaildesk.domain.ReleaseNames.isValid(name.getText()) ? "" : msg.get("release.invalid"), name.textProperty()));
        Label explain = new Label(msg.get("release.fetchExplain"));
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        d.getDialogPane().setContent(box(explain, name, error));
        d.setOnShown(e -> name.requestFocus());
        ButtonType ok = Dialogs.confirmButton(d, msg.get("release.fetchOk"), "fetchOk", false);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(
                name.textProperty().isEmpty().or(error.textProperty().isNotEmpty()));
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.fetch(name.getText());
            }
            return b;
        });
        return d;
    }

    public Dialog<ButtonType> deactivate(Window owner, String pool) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "deactivateDialog", msg.get("pool.deactivateTitle", pool));
        Label explain = new Label(msg.get("pool.deactivateExplain", pool));
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        d.getDialogPane().setContent(box(explain));
        ButtonType ok = Dialogs.confirmButton(d, msg.get("pool.deactivateOk"), "deactivateOk", true);
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.deactivate(pool);
            }
            return b;
        });
        return d;
    }

    /** Shows what will be destroyed, then asks for the confirmation word. */
    public void clean(Window owner, HostAdminViewModel.Clean kind) {
        vm.preview(kind).thenAcceptAsync(p -> cleanDialog(owner, p).show(), javafx.application.Platform::runLater);
    }

    Dialog<ButtonType> cleanDialog(Window owner, HostAdminViewModel.Preview p) {
        String action = msg.get("clean." + p.kind().name().toLowerCase(java.util.Locale.ROOT) + ".action");
        Dialog<ButtonType> d = Dialogs.titled(owner, "cleanDialog", action);
        Label warning = new Label(msg.get("clean.warning"));
        warning.setWrapText(true);
        warning.getStyleClass().add("danger-text");
        TextArea list = new TextArea(String.join("\n", p.lines()));
        list.setId("cleanPreview");
        list.setEditable(false);
        list.setPrefRowCount(Math.min(12, p.lines().size() + 1));
        TextField typed = new TextField();
        typed.setId("cleanConfirm");
        typed.setPromptText(p.word());
        d.getDialogPane().setContent(box(warning, list, new Label(msg.get("clean.typeWord", p.word())), typed));
        ButtonType ok = Dialogs.confirmButton(d, action, "cleanOk", true);
        d.getDialogPane().lookupButton(ok).getStyleClass().add("danger");
        d.getDialogPane().lookupButton(ok).disableProperty().bind(typed.textProperty().isNotEqualTo(p.word()));
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.clean(p.kind(), typed.getText());
            }
            return b;
        });
        return d;
    }

    private static VBox box(javafx.scene.Node... nodes) {
        VBox b = new VBox(10, nodes);
        b.setPadding(new Insets(10));
        b.setPrefWidth(480);
        return b;
    }
}
