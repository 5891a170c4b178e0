package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The command console (Run command…) over the demo host: output, long output, a failed command, closing it. */
class ExecConsoleTest extends WindowTest {

    /** Opens the window, selects {@code jail} and opens its command console from the toolbar. */
    private void openConsole(FxRobot robot, String jail) throws Exception {
        open(robot);
        page.select(jail);
        robot.clickOn("#tb-exec");
        page.waitFor(() -> robot.lookup("#execCommand").tryQuery().isPresent());
    }

    @Test
    void aLongOutputArrivesInOnePieceAndTheConsoleKeepsItsLastLines(FxRobot robot) throws Exception {
        openConsole(robot, "db01");
        // Appended line by line, 20,000 lines held the FX thread for minutes (each append lays out the text again):
        // the output must arrive as a few changes of the text, whatever its length.
        TextArea output = robot.lookup("#execOutput").queryAs(TextArea.class);
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> output.textProperty().addListener((o, a, b) -> changes.incrementAndGet()));
        robot.clickOn("#execCommand").write("jot 20000");
        robot.clickOn("#execRun");
        page.waitFor(() -> robot.lookup("#execResult").queryAs(Label.class).getText()
                .equals("Done, 20,000 lines of output; the console keeps the last 2,000"));
        String shown = output.getText();
        assertEquals(2_000, shown.lines().count());
        assertEquals("18001", shown.lines().findFirst().orElseThrow(), "the command line and the first lines made way");
        assertTrue(shown.endsWith("\n19999\n20000\n"));
        assertTrue(changes.get() <= 3, changes.get() + " changes: the command line, the output, the oldest lines dropped");
        // It shows the end, as a terminal does.
        javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) output.lookup(".scroll-pane");
        page.waitFor(() -> pane.getVvalue() == pane.getVmax());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#execCommand").tryQuery().isEmpty());
    }

    @Test
    void runsACommandInAJailAndShowsTheOutput(FxRobot robot) throws Exception {
        openConsole(robot, "db01");
        robot.clickOn("#execCommand").write("echo hello from db01");
        robot.clickOn("#execRun");
        page.waitFor(() -> robot.lookup("#execOutput").queryAs(TextArea.class).getText().contains("hello from db01"));
        page.waitFor(() -> robot.lookup("#execResult").queryAs(Label.class).getText().startsWith("Done"));
        robot.clickOn("#execClear");
        page.waitFor(() -> robot.lookup("#execOutput").queryAs(TextArea.class).getText().isEmpty());
        // Esc closes the console; the main window stays.
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#execCommand").tryQuery().isEmpty());
        assertTrue(stage.isShowing());
    }

    /** A command that fails shows what it printed (its own reason) before the host's error, not the error alone. */
    @Test
    void aFailedCommandShowsWhatItPrinted(FxRobot robot) throws Exception {
        openConsole(robot, "db01");
        robot.clickOn("#execCommand").write("nosuchcommand -x");
        robot.clickOn("#execRun");
        page.waitFor(() -> robot.lookup("#execResult").queryAs(Label.class).getText().equals("The command failed"));
        assertEquals(List.of("$ nosuchcommand -x", "sh: nosuchcommand: not found", "Command: nosuchcommand -x failed!"),
                robot.lookup("#execOutput").queryAs(TextArea.class).getText().lines().toList());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#execCommand").tryQuery().isEmpty());
    }

    /** The field keeps the command just run, and the history offers the earlier ones, the last first. */
    @Test
    void theFieldKeepsTheCommandJustRun(FxRobot robot) throws Exception {
        openConsole(robot, "db01");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> command = robot.lookup("#execCommand").queryAs(javafx.scene.control.ComboBox.class);
        TextArea output = robot.lookup("#execOutput").queryAs(TextArea.class);
        for (String cmd : List.of("echo one", "echo two", "echo three")) {
            robot.clickOn("#execCommand").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                    .write(cmd).push(javafx.scene.input.KeyCode.ENTER);
            page.waitFor(() -> output.getText().endsWith("$ " + cmd + "\n" + cmd.substring(5) + "\n"));
            assertEquals(cmd, command.getEditor().getText());
        }
        assertEquals(List.of("echo three", "echo two", "echo one"), command.getItems());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }

    /** A command or user the host would refuse is refused in the console, and the host is not asked. */
    @Test
    void aCommandTheHostWouldRefuseIsNotSent(FxRobot robot) throws Exception {
        openConsole(robot, "db01");
        robot.interact(() -> robot.lookup("#execCommand").queryAs(javafx.scene.control.ComboBox.class).getEditor()
                .setText("y".repeat(9_000)));
        robot.clickOn("#execRun");
        Label result = robot.lookup("#execResult").queryAs(Label.class);
        page.waitFor(() -> result.getText().equals("command is too long (9000 characters, at most 8192)"));
        robot.interact(() -> robot.lookup("#execUser").queryAs(javafx.scene.control.TextField.class).setText("a;b"));
        robot.interact(() -> robot.lookup("#execCommand").queryAs(javafx.scene.control.ComboBox.class).getEditor()
                .setText("id"));
        robot.clickOn("#execRun");
        page.waitFor(() -> result.getText().equals("invalid user name 'a;b'"));
        assertTrue(page.log.entries().stream().noneMatch(e -> e.text().contains("execjail")), "nothing sent");
        assertEquals("", robot.lookup("#execOutput").queryAs(TextArea.class).getText());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }

    /** Several jails selected: the command runs in each running one, a row each, the stopped one named as left out. */
    @Test
    void runsOneCommandInEachRunningJailOfSeveral(FxRobot robot) throws Exception {
        open(robot);
        page.select("db01", "mail", "plex");
        robot.clickOn("#tb-exec");
        page.waitFor(() -> robot.lookup("#batchCommand").tryQuery().isPresent());
        assertEquals("Runs in 2 running jails: db01, plex. Not running, left out: mail.",
                robot.lookup("#batchJails").queryAs(Label.class).getText());
        robot.clickOn("#batchCommand").write("freebsd-version").push(javafx.scene.input.KeyCode.ENTER);
        Label status = robot.lookup("#batchStatus").queryAs(Label.class);
        page.waitFor(() -> status.getText().equals("Ended: 2 done, 0 failed"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<org.jaildesk.ui.jails.ExecBatch.Row> table =
                robot.lookup("#batchTable").queryAs(javafx.scene.control.TableView.class);
        assertEquals(List.of("db01 13.2-RELEASE-p4", "plex 14.1-RELEASE-p2"),
                table.getItems().stream().map(r -> r.jail().displayName() + " " + r.firstLine()).toList());
        TextArea output = robot.lookup("#batchOutput").queryAs(TextArea.class);
        page.waitFor(() -> output.getText().equals("13.2-RELEASE-p4\n"));
        robot.interact(() -> table.getSelectionModel().select(1));
        page.waitFor(() -> output.getText().equals("14.1-RELEASE-p2\n"));

        // A command that fails everywhere: each row says so, and it can run again there.
        robot.interact(() -> robot.lookup("#batchCommand").queryAs(javafx.scene.control.ComboBox.class).getEditor()
                .setText("nosuchcommand -x"));
        robot.clickOn("#batchRun");
        page.waitFor(() -> status.getText().equals("Ended: 0 done, 2 failed"));
        page.waitFor(() -> !robot.lookup("#batchRetry").queryButton().isDisabled());
        robot.clickOn("#batchCopy");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals("$ nosuchcommand -x\n== db01: The command failed\nsh: nosuchcommand: not found\n"
                + "Command: nosuchcommand -x failed!\n== plex: The command failed\nsh: nosuchcommand: not found\n"
                + "Command: nosuchcommand -x failed!\n", copied[0]);

        // A command the host would refuse is refused here, and no jail is asked.
        java.util.function.LongSupplier execs = () -> page.log.entries().stream()
                .filter(e -> e.kind() == org.jaildesk.client.ProtocolLog.Entry.Kind.REQUEST && e.text().contains("execjail"))
                .count();
        long sent = execs.getAsLong();
        assertEquals(4, sent, "two runs in two jails");
        robot.interact(() -> robot.lookup("#batchCommand").queryAs(javafx.scene.control.ComboBox.class).getEditor()
                .setText("x".repeat(10_000)));
        robot.clickOn("#batchRun");
        page.waitFor(() -> status.getText().equals("command is too long (10000 characters, at most 8192)"));
        assertEquals(sent, execs.getAsLong());

        // A snapshot of each jail first, where ticked: named above the table, and on the host before the command ran.
        javafx.scene.control.CheckBox first = robot.lookup("#batchSnapshotFirst").queryAs(javafx.scene.control.CheckBox.class);
        assertFalse(robot.lookup("#batchSnapshot").query().isVisible());
        robot.clickOn(first);
        robot.interact(() -> robot.lookup("#batchCommand").queryAs(javafx.scene.control.ComboBox.class).getEditor()
                .setText("freebsd-version"));
        robot.clickOn("#batchRun");
        page.waitFor(() -> status.getText().equals("Ended: 2 done, 0 failed"));
        Label taken = robot.lookup("#batchSnapshot").queryAs(Label.class);
        assertTrue(taken.isVisible() && taken.getText().startsWith("Snapshot before each run: before_command_"), taken.getText());
        String name = taken.getText().substring("Snapshot before each run: ".length(), taken.getText().indexOf(" (to undo"));
        org.jaildesk.client.IocageClient client = new org.jaildesk.client.IocageClient(new org.jaildesk.client.InProcessTransport(page.host));
        for (String jail : List.of("db01", "plex")) {
            assertTrue(client.listSnapshots(jail).join().stream().anyMatch(x -> x.name().equals(name)), jail);
        }
        assertTrue(client.listSnapshots("mail").join().stream().noneMatch(x -> x.name().equals(name)), "mail was left out");
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#batchCommand").tryQuery().isEmpty());
    }

    /** Alt and a letter reaches the user and command fields, runs, and clears, as in a dialog. */
    @Test
    void theConsoleIsUsedFromTheKeyboard(FxRobot robot) throws Exception {
        openConsole(robot, "db01");
        javafx.scene.Scene console = robot.lookup("#execCommand").query().getScene();
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.U)
                .release(javafx.scene.input.KeyCode.U, javafx.scene.input.KeyCode.ALT);
        page.waitFor(() -> console.getFocusOwner() != null && "execUser".equals(console.getFocusOwner().getId()));
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.C)
                .release(javafx.scene.input.KeyCode.C, javafx.scene.input.KeyCode.ALT);
        page.waitFor(() -> console.getFocusOwner() != null && "execCommand".equals(console.getFocusOwner().getId()));
        robot.interact(() -> robot.lookup("#execCommand").queryAs(javafx.scene.control.ComboBox.class).getEditor()
                .setText("echo keys"));
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.R)
                .release(javafx.scene.input.KeyCode.R, javafx.scene.input.KeyCode.ALT);
        page.waitFor(() -> robot.lookup("#execOutput").queryAs(TextArea.class).getText().contains("keys"));
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.L)
                .release(javafx.scene.input.KeyCode.L, javafx.scene.input.KeyCode.ALT);
        page.waitFor(() -> robot.lookup("#execOutput").queryAs(TextArea.class).getText().isEmpty());
        assertEquals(List.of(), AccessibleNames.mnemonicProblems(console.getRoot()));
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }
}
