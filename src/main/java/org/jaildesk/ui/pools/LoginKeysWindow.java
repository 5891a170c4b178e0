package org.jaildesk.ui.pools;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jaildesk.domain.LoginKey;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.FileThreads;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.TextColumn;
import org.jaildesk.ui.connect.HostSession;

/**
 * Host ▸ Login keys…: the keys the user registered with a server (one per desktop that logs in with a key), this
 * desktop's marked; a selected key is revoked after a confirmation.
 */
public final class LoginKeysWindow {

    /** Where the keyring is asked: it may take its time, and never on the FX thread. */
    private static final Executor KEYRING = FileThreads.named("keyring");

    private LoginKeysWindow() {
    }

    /** Opens the login keys of {@code session}'s host. */
    public static Stage open(Window owner, Messages msg, HostSession session) {
        LoginKeysViewModel vm = new LoginKeysViewModel(session.jails().client(), Platform::runLater, msg,
                session::ownLoginKey, session::forgetOwnLoginKey, KEYRING);
        String hostName = session.host().name();
        TableView<LoginKey> table = new TableView<>(vm.rows());
        table.setId("loginKeysTable");
        table.setAccessibleText(msg.get("loginKeys.title", hostName));
        javafx.scene.control.TableColumn<LoginKey, String> mine = TextColumn.of("loginKeys-own", msg.get("loginKeys.own"),
                k -> vm.isOwn(k) ? msg.get("loginKeys.thisDesktop") : "", 130);
        // Which key is this desktop's is known after the list may be: the column follows it.
        vm.own().addListener((o, was, now) -> table.refresh());
        table.getColumns().add(mine);
        table.getColumns().add(TextColumn.<LoginKey>of("loginKeys-nickname", msg.get("loginKeys.nickname"), LoginKey::nickname, 200));
        table.getColumns().add(TextColumn.<LoginKey>of("loginKeys-email", msg.get("loginKeys.email"), LoginKey::email, 120));
        table.getColumns().add(TextColumn.<LoginKey>of("loginKeys-registered", msg.get("loginKeys.registered"),
                k -> shownTime(k.registered()), 140));
        table.getColumns().add(TextColumn.<LoginKey>of("loginKeys-fingerprint", msg.get("loginKeys.fingerprint"), LoginKey::fingerprint, 400));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(vm.status());
        table.setPlaceholder(placeholder);
        Label said = new Label();
        said.setId("loginKeysSaid");
        said.textProperty().bind(vm.status());
        Button refresh = new Button(msg.get("loginKeys.refresh"));
        refresh.setId("loginKeysRefresh");
        refresh.setOnAction(e -> vm.refresh());
        Button revoke = new Button(msg.get("loginKeys.revoke"));
        revoke.setId("loginKeysRevoke");
        revoke.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()).or(vm.revoking()));
        revoke.setOnAction(e -> {
            LoginKey k = table.getSelectionModel().getSelectedItem();
            if (k != null && confirm(revoke.getScene().getWindow(), msg, hostName, k, vm.isOwn(k))) {
                vm.revoke(k);
            }
        });
        Label explain = new Label(msg.get("loginKeys.explain"));
        explain.setWrapText(true);
        // The buttons keep their words; a long status ("This host offers no login keys: …") wraps beside them.
        refresh.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        revoke.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        said.setWrapText(true);
        said.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(said, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(10, refresh, revoke, said);
        top.setAlignment(Pos.CENTER_LEFT);
        BorderPane root = org.jaildesk.ui.common.ListWindow.layout("loginKeys", explain, top, table);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(msg.get("loginKeys.title", hostName));
        stage.setScene(new Scene(root, 1020, 380));
        stage.show();
        vm.refresh();
        return stage;
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    /** When a key was registered, in this desktop's time zone; as the host wrote it where that is no ISO time. */
    static String shownTime(String registered) {
        try {
            return TIME.format(java.time.Instant.parse(registered));
        } catch (java.time.format.DateTimeParseException e) {
            return registered;
        }
    }

    private static boolean confirm(Window owner, Messages msg, String hostName, LoginKey k, boolean own) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "revokeKeyDialog", msg.get("loginKeys.revokeTitle"));
        d.setHeaderText(msg.get("loginKeys.revokeHeader", k.nickname().isEmpty() ? k.fingerprint() : k.nickname(), hostName));
        d.getDialogPane().setContent(Dialogs.explanation(msg.get(own ? "loginKeys.revokeOwn" : "loginKeys.revokeOther")));
        ButtonType ok = Dialogs.dangerButton(d, msg.get("loginKeys.revokeConfirm"), "revokeKeyConfirm");
        return d.showAndWait().filter(b -> b == ok).isPresent();
    }
}
