package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jobs.JobRow;
import org.jaildesk.ui.jobs.JobsViewModel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** "Show your work": a job's request copied as a {@code jaildesk call} line or as JSON, kept with the job history. */
class JobRequestTest extends WindowTest {

    private MenuItem item(ContextMenu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void aJobsRequestCopiesAsACommandLineAndAsJson(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail");
        robot.clickOn("#tb-start");
        page.waitFor(() -> page.jobs.jobs().size() == 1 && !page.jobs.jobs().get(0).state().get().live());
        @SuppressWarnings("unchecked")
        TableView<JobRow> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        robot.interact(() -> jobs.getSelectionModel().select(0));
        // The panel shows the request above the output, as the command line that repeats it.
        javafx.scene.control.TextField request = robot.lookup("#jobRequest").queryAs(javafx.scene.control.TextField.class);
        assertEquals("jaildesk call --demo startjail jail=mail", request.getText());
        assertTrue(request.isVisible() && !request.isEditable());
        ContextMenu menu = jobs.getContextMenu();
        robot.interact(() -> menu.show(jobs, 0, 0));
        assertTrue(!item(menu, "jobCopyCall").isDisable() && !item(menu, "jobCopyRequest").isDisable());
        robot.interact(() -> item(menu, "jobCopyCall").fire());
        assertEquals("jaildesk call --demo startjail jail=mail",
                WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
        robot.interact(() -> item(menu, "jobCopyRequest").fire());
        assertEquals("{\"action\":\"startjail\",\"jail\":\"mail\"}",
                WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
        robot.interact(menu::hide);

        // Kept with the history: a window started later offers the same.
        page.waitFor(() -> {
            try {
                return java.nio.file.Files.readString(config.resolve("jobs.json")).contains("\"request\"");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        JobsViewModel later = WaitForAsyncUtils.asyncFx(() -> new JobsViewModel(Platform::runLater, new Messages(Locale.ENGLISH),
                config.resolve("jobs.json"), m -> { })).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("{\"action\":\"startjail\",\"jail\":\"mail\"}"),
                later.jobs().stream().map(JobRow::request).toList());
    }

    /** A job without a known request (from a history written before, or waiting its turn) offers neither, nor shows one. */
    @Test
    void aJobWithoutItsRequestOffersNeither(FxRobot robot) throws Exception {
        open(robot);
        WaitForAsyncUtils.asyncFx(() -> page.jobs.sinkFor(org.jaildesk.sim.SimulatedIocage.DISPLAY_NAME)
                .started("startjail", "mail", null).finished(true, "ok", List.of())).get();
        page.waitFor(() -> page.jobs.jobs().size() == 1);
        @SuppressWarnings("unchecked")
        TableView<JobRow> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        assertFalse(robot.lookup("#jobRequest").query().isVisible(), "no job selected: no empty request line");
        robot.interact(() -> jobs.getSelectionModel().select(0));
        ContextMenu menu = jobs.getContextMenu();
        robot.interact(() -> menu.show(jobs, 0, 0));
        assertTrue(item(menu, "jobCopyCall").isDisable() && item(menu, "jobCopyRequest").isDisable());
        robot.interact(menu::hide);
        // Nor does the panel show an empty request line above its output.
        assertFalse(robot.lookup("#jobRequest").query().isVisible());
    }

    /** A line break or a tab in a value shows as a mark in the request line (a text field would drop it), copied whole. */
    @Test
    void aLineBreakInTheRequestShowsAsAMarkAndCopiesWhole(FxRobot robot) throws Exception {
        open(robot);
        String sent = "{\"action\":\"execjail\",\"jail\":\"db01\",\"user\":\"root\",\"command\":\"echo a\\necho\\tb\"}";
        WaitForAsyncUtils.asyncFx(() -> page.jobs.sinkFor(org.jaildesk.sim.SimulatedIocage.DISPLAY_NAME)
                .started("execjail", "db01", sent, null).finished(true, "ok", List.of())).get();
        page.waitFor(() -> page.jobs.jobs().size() == 1);
        @SuppressWarnings("unchecked")
        TableView<JobRow> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        robot.interact(() -> jobs.getSelectionModel().select(0));
        assertEquals("jaildesk call --demo execjail jail=db01 user=root 'command=echo a\u23ceecho\u2192b'",
                robot.lookup("#jobRequest").queryAs(javafx.scene.control.TextField.class).getText());
        ContextMenu menu = jobs.getContextMenu();
        robot.interact(() -> menu.show(jobs, 0, 0));
        robot.interact(() -> item(menu, "jobCopyCall").fire());
        robot.interact(menu::hide);
        assertEquals("jaildesk call --demo execjail jail=db01 user=root 'command=echo a\necho\tb'",
                WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
    }

    /**
     * A job of the history finds its host by the host's id, not by a name that changed since (a host renamed, or the demo
     * host named in the language of the window that ran it): its request is offered as the command line that reaches
     * it. A job of a history kept before ids were (by name only) whose name is no host's offers the JSON sent.
     */
    @Test
    void aJobFindsItsHostByIdWhateverItWasCalledThen(FxRobot robot) throws Exception {
        String request = "{\\\"action\\\":\\\"startjail\\\",\\\"jail\\\":\\\"mail\\\"}";
        java.nio.file.Files.writeString(config.resolve("jobs.json"), "["
                + "{\"host\":\"Demo-Host (simuliert)\",\"hostId\":\"demo\",\"action\":\"startjail\",\"target\":\"mail\","
                + "\"started\":\"2026-11-30T10:00:00Z\",\"millis\":10,\"state\":\"DONE\",\"result\":\"\",\"output\":[],"
                + "\"request\":\"" + request + "\"},"
                + "{\"host\":\"Demo-Host (simuliert)\",\"action\":\"startjail\",\"target\":\"mail\","
                + "\"started\":\"2026-11-30T09:00:00Z\",\"millis\":10,\"state\":\"DONE\",\"result\":\"\",\"output\":[],"
                + "\"request\":\"" + request + "\"}]");
        open(robot);
        @SuppressWarnings("unchecked")
        TableView<JobRow> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        page.waitFor(() -> jobs.getItems().size() == 2);
        javafx.scene.control.TextField line = robot.lookup("#jobRequest").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> jobs.getSelectionModel().select(0));
        assertEquals("jaildesk call --demo startjail jail=mail", line.getText());
        robot.interact(() -> jobs.getSelectionModel().select(1));
        assertEquals("{\"action\":\"startjail\",\"jail\":\"mail\"}", line.getText());
    }
}
