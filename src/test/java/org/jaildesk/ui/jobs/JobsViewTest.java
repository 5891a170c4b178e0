package org.jaildesk.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.jaildesk.client.JobSink;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The jobs panel showing a job that prints much more, and much faster, than anyone reads. */
@ExtendWith(ApplicationExtension.class)
class JobsViewTest {

    private JobsViewModel vm;

    @Start
    void start(Stage stage) {
        Messages msg = new Messages(Locale.ENGLISH);
        vm = new JobsViewModel(Platform::runLater, msg, (Path) null, m -> { });
        stage.setScene(new Scene(new JobsView(vm, msg), 1000, 600));
        stage.show();
    }

    /**
     * A burst of output (a freebsd-update run lists thousands of files) reaches the shown job's text area as a few
     * changes, not one per line: line by line, each change laid the whole text out again and 6,000 lines held the FX
     * thread 19 s. The area keeps the newest lines and shows the end.
     */
    @Test
    void aBurstOfOutputReachesTheShownJobInAFewChanges(FxRobot robot) throws Exception {
        JobSink.Job job = vm.sinkFor("nas").started("updatejail", "web01", null);
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#jobsTable").queryAs(TableView.class).getSelectionModel().select(0))
                .get(15, TimeUnit.SECONDS);
        TextArea output = robot.lookup("#jobOutput").queryAs(TextArea.class);
        AtomicInteger changes = new AtomicInteger();
        robot.interact(() -> output.textProperty().addListener((o, a, b) -> changes.incrementAndGet()));
        // The FX thread is busy (here: held) while the lines come, as it is while it lays out the previous ones.
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        Platform.runLater(() -> {
            held.countDown();
            try {
                busy.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(held.await(15, TimeUnit.SECONDS));
        for (int i = 1; i <= 6_000; i++) {
            job.line("/usr/src/sys/file" + i, -1);
        }
        busy.countDown();
        job.finished(true, "updated", List.of());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm.jobs().get(0).state().get() == JobRow.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        String shown = output.getText();
        assertEquals(JobRow.MAX_LINES, shown.lines().count());
        assertEquals("/usr/src/sys/file4001", shown.lines().findFirst().orElseThrow());
        assertTrue(shown.endsWith("\n/usr/src/sys/file6000"), shown.substring(shown.length() - 40));
        assertTrue(changes.get() <= 3, changes.get() + " changes of the text for 6,000 lines");
        assertEquals(output.getLength() - "/usr/src/sys/file6000".length(), output.getCaretPosition(),
                "it shows the end: the caret at the last line's start");
    }

    /** A long last line (a URL, a path) does not scroll the pane sideways: the start of every line stays in view. */
    @Test
    void aLongLastLineKeepsTheLinesStartsInView(FxRobot robot) throws Exception {
        JobSink.Job job = vm.sinkFor("nas").started("updatejail", "web01", null);
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#jobsTable").queryAs(TableView.class).getSelectionModel().select(0))
                .get(15, TimeUnit.SECONDS);
        TextArea output = robot.lookup("#jobOutput").queryAs(TextArea.class);
        job.line("Looking up update.FreeBSD.org mirrors... 2 mirrors found.", -1);
        job.line("Fetching metadata signature for 13.2-RELEASE from update1.freebsd.org"
                + "/a/very/long/path/that/is/wider/than/the/pane".repeat(8) + "... done.", -1);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> output.getText().contains("... done."));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, output.getScrollLeft(), "not scrolled sideways");
    }

    /** The output pane says why it is empty: nothing selected, nothing printed yet, or a job that printed nothing. */
    @Test
    void anEmptyOutputPaneSaysWhy(FxRobot robot) throws Exception {
        TextArea output = robot.lookup("#jobOutput").queryAs(TextArea.class);
        assertEquals("Select a job to see what it printed.", output.getPromptText());
        JobSink.Job job = vm.sinkFor("nas").started("setjailsettings", "default", null);
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#jobsTable").queryAs(TableView.class).getSelectionModel().select(0))
                .get(15, TimeUnit.SECONDS);
        assertEquals("Nothing printed yet.", output.getPromptText());
        job.finished(true, "notes: hello world", List.of());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm.jobs().get(0).state().get() == JobRow.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("This job printed nothing.", output.getPromptText());
        assertEquals("", output.getText());
    }

    /** The columns fit the panel, the result taking what the others leave, and a result cut short is whole on hover. */
    @Test
    void theResultIsWholeInItsTooltipAndTheColumnsFit(FxRobot robot) throws Exception {
        String said = "release 14.2-RELEASE fetched; its checksums matched and it was updated to the latest patch level.";
        vm.sinkFor("Demo host (simulated)").started("fetchrelease", "14.2-RELEASE", null).finished(true, said, List.of());
        // Looked up and read on the FX thread in one go: between two lookups from here the table may lay its cells
        // out again (a run of the suite found the cell by the first lookup and not by the second).
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup(".table-cell")
                .queryAll().stream().map(c -> (javafx.scene.control.TableCell<?, ?>) c)
                .anyMatch(c -> said.equals(c.getText()) && c.getTooltip() != null && said.equals(c.getTooltip().getText())))
                .get());
        TableView<?> table = robot.lookup("#jobsTable").queryAs(TableView.class);
        double columns = table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
        assertTrue(columns <= table.getWidth(), columns + " px of columns in a table " + table.getWidth() + " px wide");
    }

    /**
     * A host's error of a megabyte is a line in the table and a page in the tooltip, not a megabyte laid out (or kept,
     * or saved in the history).
     */
    @Test
    void aHugeResultIsShownCut(FxRobot robot) throws Exception {
        String huge = "Traceback (most recent call last):" + "\n  File \"iocage\", line 1".repeat(40_000);
        vm.sinkFor("nas").started("startjail", "web01", null).finished(false, huge, List.of());
        // The cell's text and tooltip taken on the FX thread in one go (see theResultIsWholeInItsTooltipAndTheColumnsFit).
        java.util.concurrent.atomic.AtomicReference<String[]> shown = new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup(".table-cell")
                .queryAll().stream().map(c -> (javafx.scene.control.TableCell<?, ?>) c)
                .filter(c -> c.getText() != null && c.getText().startsWith("Traceback") && c.getTooltip() != null).findFirst()
                .map(c -> {
                    shown.set(new String[] {c.getText(), c.getTooltip().getText()});
                    return true;
                }).orElse(false)).get());
        assertTrue(shown.get()[0].length() <= 301, shown.get()[0].length() + " characters in the cell");
        assertTrue(shown.get()[1].length() <= JobsViewModel.RESULT + 1);
        assertTrue(shown.get()[1].startsWith("Traceback (most recent call last):\n  File"));
        assertTrue(vm.jobs().get(0).result().get().length() <= JobsViewModel.RESULT + 1, "kept and saved cut too");
    }

    /** *Export…*: the jobs listed, newest first, to a CSV file written off the FX thread; the line beside it says how it went. */
    @Test
    void theListedJobsAreExportedAsCsv(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Messages msg = new Messages(Locale.ENGLISH);
        JobSink.Job start = vm.sinkFor("nas1").started("startjail", "mail", null);
        start.finished(true, "started", List.of());
        JobSink.Job update = vm.sinkFor("nas1").started("updatejail", "web01", null);
        update.finished(false, "=cmd|' /C calc'!A0", List.of());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm.jobs().size() == 2
                && vm.jobs().stream().noneMatch(j -> j.state().get().live()));
        javafx.scene.control.Label said = new javafx.scene.control.Label();
        Path file = dir.resolve("jobs.csv");
        WaitForAsyncUtils.asyncFx(() -> JobsView.export(vm, msg, file, said)).get().get(15, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2 jobs saved to " + file, said.getText());
        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertEquals("Started,Host,Action,Target,State,Duration (s),Result", lines.get(0));
        assertTrue(lines.get(1).contains(",nas1,Update,web01,failed,") && lines.get(1).endsWith(",'=cmd|' /C calc'!A0"), lines.get(1));
        assertTrue(lines.get(2).contains(",nas1,Start,mail,done,") && lines.get(2).endsWith(",started"), lines.get(2));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)),
                "a job's result may name what a host printed: readable by its owner only");
        // Where it cannot be written, the line says why and nothing else changes.
        Path nowhere = dir.resolve("no-such-folder").resolve("jobs.csv");
        WaitForAsyncUtils.asyncFx(() -> JobsView.export(vm, msg, nowhere, said)).get();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> said.getText().startsWith("Not saved: "));
        assertTrue(said.getText().contains("no such file or folder"), said.getText());
        assertFalse(java.nio.file.Files.exists(nowhere.getParent()), "a mistyped folder is not made");
        assertEquals(2, vm.jobs().size());
    }

    /** The state column shows its longest word whole ("left running" was "left run…" in a column made for "cancelled"). */
    @Test
    void theLongestStateShowsWhole(FxRobot robot) throws Exception {
        vm.sinkFor("nas").started("fetchrelease", "14.2-RELEASE", null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.windowClosing(host -> false));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#jobsTable .table-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && "left running".equals(c.getText()))
                .flatMap(n -> ((javafx.scene.Parent) n).getChildrenUnmodifiable().stream())
                .filter(n -> n instanceof javafx.scene.text.Text).map(n -> ((javafx.scene.text.Text) n).getText()).toList())
                .get(15, TimeUnit.SECONDS);
        assertEquals(List.of("left running"), shown);
    }
}
