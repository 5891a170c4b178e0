package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
