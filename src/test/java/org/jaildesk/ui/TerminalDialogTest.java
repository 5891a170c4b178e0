package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jails.ConsoleOpener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The terminal dialog: the SSH command suggested for a remote host's consoles names the host of its address, and a
 * typed command is checked off the FX thread (looking along PATH may hang on a dead mount), Save off until the check of
 * the latest text has answered.
 */
@ExtendWith(ApplicationExtension.class)
class TerminalDialogTest {

    @TempDir
    Path config;

    @Test
    void theSuggestionNamesTheHostOfTheServersAddress() {
        assertEquals("nas.lan", TerminalDialog.hostOf("wss://nas.lan:12150"));
        assertEquals("192.0.2.7", TerminalDialog.hostOf("wss://192.0.2.7"));
        assertEquals("2001:db8::5", TerminalDialog.hostOf("wss://[2001:db8::5]:12150"));
        assertEquals("host", TerminalDialog.hostOf("not a url"));
        assertEquals("host", TerminalDialog.hostOf(""));
    }

    /** Checks that wait for {@code slow} to open when asked about "slow": a PATH folder on a mount that hangs. */
    private static final class SlowOpener implements ConsoleOpener {
        final CountDownLatch slow = new CountDownLatch(1);
        final List<String> askedOnFxThread = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<String> open(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<String> openOver(String ssh, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String found() {
            return "xterm";
        }

        @Override
        public Optional<String> whyNot(String command) {
            if (Platform.isFxApplicationThread()) {
                askedOnFxThread.add(command);
            }
            if (command.startsWith("slow")) {
                try {
                    slow.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(command.split(" ")[0] + " is not on PATH");
            }
            return Optional.empty();
        }
    }

    @Test
    void aCommandIsCheckedOffTheFxThreadAndSaveWaitsForTheLatestAnswer(FxRobot robot) throws Exception {
        SlowOpener consoles = new SlowOpener();
        UiState state = new UiState(config.resolve("ui-state.json"));
        Dialog<ButtonType> d = WaitForAsyncUtils.asyncFx(() -> {
            Dialog<ButtonType> dialog = TerminalDialog.of(null, new Messages(java.util.Locale.ENGLISH), state, consoles);
            dialog.show();
            return dialog;
        }).get(10, TimeUnit.SECONDS);
        try {
            TextField command = robot.lookup("#terminalCommand").queryAs(TextField.class);
            Label error = robot.lookup("#terminalError").queryAs(Label.class);
            javafx.scene.Node save = robot.lookup("#terminalSave").query();
            waitFor(() -> !save.isDisable());

            List<String> shown = new CopyOnWriteArrayList<>();
            error.textProperty().addListener((o, was, now) -> shown.add(now));

            // The check hangs: the window does not (this returns), and Save waits for the answer.
            robot.interact(() -> command.setText("slow -e"));
            assertTrue(save.isDisable(), "Save waits for the check");
            // Typed on meanwhile: the answer for the latest text counts.
            robot.interact(() -> command.setText("xterm -e"));
            waitFor(() -> !save.isDisable());
            assertEquals("", error.getText());
            // The hung check answers late, then another command is refused: the late answer (for an earlier text) is
            // never shown.
            consoles.slow.countDown();
            robot.interact(() -> command.setText("slow2 -e"));
            waitFor(() -> "slow2 is not on PATH".equals(error.getText()));
            assertTrue(save.isDisable());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of("slow2 is not on PATH"), shown, "only the latest text's answer shown");
            assertEquals(List.of(), consoles.askedOnFxThread, "never asked on the FX thread");
        } finally {
            consoles.slow.countDown();
            robot.interact(d::close);
        }
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, c);
    }
}
