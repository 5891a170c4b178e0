package org.jaildesk.ui;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jails.ConsoleOpener;

/**
 * <i>Host ▸ Terminal for consoles…</i>: the terminal command a jail's console opens in on this machine, kept in the
 * window's settings; empty for the default ({@code TERMINAL}, or the first usual terminal found), which the field shows
 * greyed once it is known. Checked as typed, off the FX thread: a name that is not on PATH, a path that is no executable file.
 */
final class TerminalDialog {

    /** Where commands are looked up: a thread each while one hangs (a dead mount on PATH), none kept idle for long. */
    private static final java.util.concurrent.Executor CHECKS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "terminal-check");
        t.setDaemon(true);
        return t;
    });

    private TerminalDialog() {
    }

    static Dialog<ButtonType> of(Window owner, Messages msg, UiState uiState, ConsoleOpener consoles) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "terminalDialog", msg.get("terminal.title"));
        TextField command = Dialogs.field("terminalCommand", "");
        command.setPrefColumnCount(32);
        command.setText(uiState.setting(UiState.TERMINAL, ""));
        Label error = Dialogs.errorLabel("terminalError");
        Label found = Dialogs.explanation(msg.get("terminal.looking"));
        found.setId("terminalFound");
        GridPane g = Dialogs.form();
        g.add(Dialogs.explanation(msg.get("terminal.explain")), 0, 0, 2, 1);
        Dialogs.addRow(g, 1, Dialogs.label(msg.get("terminal.command"), command), command);
        g.add(found, 0, 2, 2, 1);
        g.add(error, 0, 3, 2, 1);
        d.getDialogPane().setContent(g);
        // Looking along PATH for the usual terminals: off the FX thread.
        CompletableFuture.supplyAsync(consoles::found, CHECKS).thenAcceptAsync(f -> {
            found.setText(f.isEmpty() ? msg.get("terminal.noneFound") : msg.get("terminal.found", f));
            command.setPromptText(f);
        }, Platform::runLater);
        return checkedAndKept(d, msg, consoles, command, error, "terminalSave", typed -> {
            uiState.putSetting(UiState.TERMINAL, typed);
            uiState.save();
        });
    }

    /**
     * The command checked as typed ({@code error} says why it cannot run, and Save is off meanwhile) and given to
     * {@code keep}, stripped, on Save; the field focused as the dialog shows.
     */
    private static Dialog<ButtonType> checkedAndKept(Dialog<ButtonType> d, Messages msg, ConsoleOpener consoles, TextField command,
                                                     Label error, String saveId, java.util.function.Consumer<String> keep) {
        ButtonType save = Dialogs.confirmButton(d, msg.get("terminal.save"), saveId, false);
        // Checking looks at files along PATH (a slow or hung mount would stall the window): off the FX thread, the
        // answer for the latest text only, Save off until it has come.
        BooleanProperty checked = new SimpleBooleanProperty(false);
        long[] asked = {0};
        Runnable check = () -> {
            String typed = command.getText();
            long n = ++asked[0];
            checked.set(false);
            CompletableFuture.supplyAsync(() -> consoles.whyNot(typed).orElse(""), CHECKS)
                    .exceptionally(e -> e.getMessage() == null ? e.toString() : e.getMessage())
                    .thenAcceptAsync(why -> {
                        if (n == asked[0]) {
                            error.setText(why);
                            checked.set(true);
                        }
                    }, Platform::runLater);
        };
        command.textProperty().addListener((o, was, now) -> check.run());
        check.run();
        d.getDialogPane().lookupButton(save).disableProperty().bind(checked.not().or(error.textProperty().isNotEmpty()));
        d.setResultConverter(b -> {
            if (b == save) {
                keep.accept(command.getText().strip());
            }
            return b;
        });
        Dialogs.focusWhenShown(d, command);
        return d;
    }

    /**
     * <i>Host ▸ Console over SSH…</i>: the words that reach {@code host} with ssh for its jails' consoles, kept with the
     * host's layout; empty for none. Suggested from the host's address; checked as typed as a terminal command is.
     * {@code saved} runs once a change is kept.
     */
    static Dialog<ButtonType> ssh(Window owner, Messages msg, UiState uiState, ConsoleOpener consoles,
                                  org.jaildesk.ui.connect.HostEntry host, Runnable saved) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "sshDialog", msg.get("ssh.title", host.name()));
        String suggested = "ssh -t " + hostOf(host.url());
        TextField command = Dialogs.field("sshCommand", suggested + " doas");
        command.setPrefColumnCount(32);
        command.setText(uiState.layout(host.id()).consoleSsh);
        Label error = Dialogs.errorLabel("sshError");
        GridPane g = Dialogs.form();
        g.add(Dialogs.explanation(msg.get("ssh.explain", host.name(), suggested + " doas")), 0, 0, 2, 1);
        Dialogs.addRow(g, 1, Dialogs.label(msg.get("ssh.command"), command), command);
        g.add(error, 0, 2, 2, 1);
        d.getDialogPane().setContent(g);
        return checkedAndKept(d, msg, consoles, command, error, "sshSave", typed -> {
            uiState.layout(host.id()).consoleSsh = typed;
            uiState.save();
            saved.run();
        });
    }

    /** The host name of a server's address ({@code wss://nas.lan:12150} → {@code nas.lan}), or "host" if it has none. */
    static String hostOf(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null || h.isBlank() ? "host" : h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
        } catch (IllegalArgumentException e) {
            return "host";
        }
    }
}
