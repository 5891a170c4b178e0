package org.jaildesk.ui.jails;

import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/**
 * The top row of the command consoles, for one jail and for several: the user (root unless changed), the command
 * with this session's history (Enter runs it), and Run. Ids {@code <prefix>User}, {@code <prefix>Command},
 * {@code <prefix>Run}.
 */
record CommandRow(TextField user, ComboBox<String> command, Button run, HBox row) {

    static CommandRow of(Messages msg, ObservableList<String> history, String prefix) {
        TextField user = new TextField("root");
        user.setId(prefix + "User");
        user.setPrefColumnCount(8);
        ComboBox<String> command = new ComboBox<>(history);
        command.setId(prefix + "Command");
        command.setEditable(true);
        command.setPromptText(msg.get("exec.commandPrompt"));
        command.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(command, Priority.ALWAYS);
        Button run = new Button(msg.get("exec.run"));
        run.setId(prefix + "Run");
        run.setDefaultButton(true);
        command.getEditor().setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ENTER) {
                run.fire();
            }
        });
        HBox row = new HBox(8, Dialogs.label(msg.get("exec.user"), user), user, Dialogs.label(msg.get("exec.command"), command), command, run);
        row.setAlignment(Pos.CENTER_LEFT);
        return new CommandRow(user, command, run, row);
    }

    /** The command typed, or null when there is none to run. */
    String typed() {
        String cmd = command.getEditor().getText();
        return cmd == null || cmd.isBlank() ? null : cmd;
    }

    /**
     * Puts {@code cmd} first in the history the field offers, and keeps it in the field: changing the list the field
     * offers puts the field's last chosen value back into it otherwise (a command run before this one).
     */
    void remember(String cmd) {
        command.getItems().remove(cmd);
        command.getItems().add(0, cmd);
        command.setValue(cmd);
        command.getEditor().setText(cmd);
    }

    /** A console's scene styled as its owner's (the theme, dark or light). */
    static void styledAs(Scene scene, Window owner) {
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
    }
}
