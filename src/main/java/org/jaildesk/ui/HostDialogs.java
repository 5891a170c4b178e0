package org.jaildesk.ui;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jaildesk.client.UntrustedCertificateException;
import org.jaildesk.ui.connect.HostConnector;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.connect.HostsViewModel;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/** Add or edit a remote host; ask for its password; show a new or changed certificate for acceptance. */
final class HostDialogs {

    private final Messages msg;

    HostDialogs(Messages msg) {
        this.msg = msg;
    }

    /**
     * Whether the user confirms taking {@code host} off the list: its connection closes, and what becomes of the login
     * key this desktop keeps for it ({@code key}, as things stand) is said: revoked there and out of the keyring, out of
     * the keyring only, or nothing where none is kept.
     */
    boolean removeHost(Window owner, HostEntry host, HostConnector.KeyGone key) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "removeHostDialog", msg.get("host.removeTitle"));
        d.setHeaderText(msg.get("host.removeHeader", host.name()));
        String keySaid = switch (key) {
            case REVOKED -> " " + msg.get("host.removeKeyRevoked");
            case FROM_KEYRING -> " " + msg.get("host.removeKeyDropped", host.user());
            case NONE -> "";
        };
        d.getDialogPane().setContent(Dialogs.explanation(msg.get("host.removeExplain", host.user(), host.url())
                + keySaid + " " + msg.get("host.removeAgain")));
        ButtonType ok = Dialogs.dangerButton(d, msg.get("host.removeConfirm"), "removeHostConfirm");
        return d.showAndWait().filter(b -> b == ok).isPresent();
    }

    /**
     * name, URL, user of a remote host; the password is asked when connecting, never stored. {@code problem} says what
     * is wrong with them as typed ({@link HostsViewModel#problem}).
     */
    Optional<String[]> editHost(Window owner, HostEntry existing,
                                HostsViewModel.Check problem) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(msg.get("host.title"));
        d.setHeaderText(msg.get("host.header"));
        d.getDialogPane().setId("hostDialog");
        TextField name = new TextField(existing == null ? "" : existing.name());
        name.setId("hostName");
        TextField url = new TextField(existing == null ? "wss://" : existing.url());
        url.setId("hostUrl");
        TextField user = new TextField(existing == null ? "" : existing.user());
        user.setId("hostUser");
        Label error = Dialogs.errorLabel("hostError");
        GridPane g = Dialogs.form();
        g.addRow(0, Dialogs.label(msg.get("host.name"), name), name);
        g.addRow(1, Dialogs.label(msg.get("host.url"), url), url);
        g.addRow(2, Dialogs.label(msg.get("host.user"), user), user);
        g.add(error, 0, 3, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType save = Dialogs.confirmButton(d, msg.get("host.save"), "hostSave", false);
        error.textProperty().bind(Bindings.createStringBinding(() -> problem.of(name.getText(), url.getText(), user.getText())
                .orElse(""), name.textProperty(), url.textProperty(), user.textProperty()));
        d.getDialogPane().lookupButton(save).disableProperty().bind(error.textProperty().isNotEmpty());
        Dialogs.focusWhenShown(d, name);
        return d.showAndWait().filter(b -> b == save).map(b -> new String[] {name.getText().trim(), url.getText().trim(), user.getText().trim()});
    }

    /**
     * The password of {@code host}, or null when cancelled; with {@code keyOffered}, a choice to log in with a key
     * kept in this desktop's keyring from now on (off unless ticked: it leaves a key on the host); {@code ended}: the
     * host ended the session, which the dialog says.
     */
    HostConnector.Password password(Window owner, HostEntry host, boolean keyOffered, boolean ended) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(msg.get("password.title"));
        d.setHeaderText(msg.get("password.header", host.user(), host.name()));
        d.getDialogPane().setId("passwordDialog");
        PasswordField field = new PasswordField();
        field.setId("passwordField");
        field.setAccessibleText(d.getHeaderText());
        VBox content = new VBox(8);
        if (ended) {
            Label why = Dialogs.explanation(msg.get("password.ended", host.name()));
            why.setId("passwordEnded");
            content.getChildren().add(why);
        }
        content.getChildren().add(field);
        CheckBox key = new CheckBox(msg.get("password.key"));
        key.setId("passwordKey");
        if (keyOffered) {
            Label why = Dialogs.explanation(msg.get("password.keyExplain"));
            why.setLabelFor(key);
            content.getChildren().addAll(key, why);
        }
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Dialogs.focusWhenShown(d, field);
        Optional<ButtonType> b = d.showAndWait();
        char[] pw = b.filter(x -> x == ButtonType.OK).map(x -> field.getText().toCharArray()).orElse(null);
        field.clear();
        return pw == null ? null : new HostConnector.Password(pw, keyOffered && key.isSelected());
    }

    /**
     * The one-time code of the user's authenticator app for {@code host} (six digits; OK waits for them), or null when
     * cancelled. {@code again}: the one given before did not hold.
     */
    String oneTimeCode(Window owner, HostEntry host, boolean again) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(msg.get("code.title"));
        d.setHeaderText(msg.get("code.header", host.user(), host.name()));
        d.getDialogPane().setId("codeDialog");
        TextField field = new TextField();
        field.setId("codeField");
        field.setPromptText("123456");
        field.setPrefColumnCount(8);
        field.setAccessibleText(d.getHeaderText());
        Label why = Dialogs.explanation(msg.get(again ? "code.again" : "code.explain"));
        why.setLabelFor(field);
        if (again) {
            why.getStyleClass().add("field-error");
        }
        d.getDialogPane().setContent(new VBox(8, why, field));
        ButtonType ok = Dialogs.confirmButton(d, msg.get("code.ok"), "codeOk", false);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(Bindings.createBooleanBinding(
                () -> !field.getText().strip().matches("[0-9]{6}"), field.textProperty()));
        Dialogs.focusWhenShown(d, field);
        return d.showAndWait().filter(b -> b == ok).map(b -> field.getText().strip()).orElse(null);
    }

    boolean acceptCertificate(Window owner, HostEntry host, UntrustedCertificateException e) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(msg.get(e.changed() ? "cert.changedTitle" : "cert.title"));
        d.setHeaderText(msg.get(e.changed() ? "cert.changedHeader" : "cert.header", host.name()));
        d.getDialogPane().setId("certificateDialog");
        TextArea fp = new TextArea(e.fingerprint());
        fp.setId("certificateFingerprint");
        fp.setEditable(false);
        fp.setWrapText(true);
        fp.setPrefRowCount(3);
        Label explain = Dialogs.explanation(msg.get(e.changed() ? "cert.changedExplain" : "cert.explain"));
        explain.setLabelFor(fp);
        d.getDialogPane().setContent(new VBox(10, explain, fp));
        ButtonType accept = Dialogs.confirmButton(d, msg.get("cert.accept"), "certAccept", true);
        // Trusting a certificate takes a click after comparing, never a reflexive Enter.
        Dialogs.cancelByDefault(d, accept);
        return d.showAndWait().filter(b -> b == accept).isPresent();
    }
}
