package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;

/** The inspector, disk usage, pools and maintenance against the demo host. */
class InspectorAndHostTest extends WindowTest {

    private boolean labelled(FxRobot robot, String text) {
        return labels(robot, text).tryQuery().isPresent();
    }

    private Label label(FxRobot robot, String text) {
        return labels(robot, text).queryAs(Label.class);
    }

    private static NodeQuery labels(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Label l && text.equals(l.getText()) && n.isVisible());
    }

    private void openSettingsOf(FxRobot robot, String jail) {
        page.select(jail);
        robot.clickOn("Settings");
        page.waitFor(() -> robot.lookup("#setting-priority").tryQuery().isPresent());
    }

    /** Types into the sheet's own search box, so that only matching properties are shown (and in view). */
    private void search(FxRobot robot, String text) {
        // Worded by JailDesk, so in the window's language (ControlsFX's own box said "Search" in German too).
        assertEquals("Find a setting", robot.lookup("#inspector-search").queryAs(TextField.class).getPromptText());
        robot.clickOn("#inspector-search").write(text);
        page.waitFor(() -> robot.lookup("#setting-" + text).tryQuery().isPresent());
    }

    private boolean category(FxRobot robot, String title) {
        return robot.lookup((Node n) -> n instanceof javafx.scene.control.TitledPane p && title.equals(p.getText())).tryQuery().isPresent();
    }

    @Test
    void theInspectorShowsCategoriesOverridesAndReadOnlyProperties(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.PYTHON);
        openSettingsOf(robot, "db01");
        for (String category : List.of("Identity", "Network", "Resources and limits", "Jail parameters", "ZFS", "Other")) {
            assertTrue(category(robot, category), "category " + category);
        }
        assertTrue(labelled(robot, "priority \u2022"), "priority 10 differs from the default 99");
        assertTrue(robot.lookup("#setting-priority").query().getStyleClass().contains("override"));
        assertTrue(labelled(robot, "securelevel"), "securelevel is the default");
        search(robot, "vnet");
        assertTrue(labelled(robot, "vnet (restart)"));
        robot.eraseText(4);
        search(robot, "release");
        assertTrue(labelled(robot, "release (read-only)"));
        assertFalse(robot.lookup("#setting-release").queryAs(TextField.class).isEditable());
        // Where the narrow inspector cuts the name's "(read-only)" short, its tooltip still says so.
        String tip = label(robot, "release (read-only)").getTooltip().getText();
        assertTrue(tip.startsWith("release") && tip.endsWith("release cannot be changed"), tip);
        // The field may be too narrow for the value: its tooltip shows it whole.
        TextField release = robot.lookup("#setting-release").queryAs(TextField.class);
        assertEquals(release.getText(), release.getTooltip().getText());
        robot.eraseText(7);
        search(robot, "vnet");
        assertFalse(label(robot, "vnet (restart)").getTooltip().getText().contains("cannot be changed"));
        robot.eraseText(4);
        // What cannot be changed takes no effect at a restart either: one mark, one line of the tooltip.
        search(robot, "nat_backend");
        assertTrue(labelled(robot, "nat_backend (read-only)"));
        assertFalse(label(robot, "nat_backend (read-only)").getTooltip().getText().contains("next start"));
        robot.eraseText(11);
        // A name too long for one line beside its field has its mark on a second line, not cut to "…".
        search(robot, "vnet_default_interface");
        assertTrue(labelled(robot, "vnet_default_interface\n(restart)"));
    }

    @Test
    void anInvalidValueIsRefusedInTheEditor(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.PYTHON);
        openSettingsOf(robot, "db01");
        search(robot, "priority");
        TextField priority = robot.lookup("#setting-priority").queryAs(TextField.class);
        robot.doubleClickOn(priority).write("500");
        page.waitFor(() -> priority.getStyleClass().contains("invalid"));
        assertTrue(priority.getTooltip().getText().contains("not a valid value for priority"), priority.getTooltip().getText());
        assertTrue(robot.lookup("#inspector-review").queryAs(Button.class).isDisabled());
        // Said beside the buttons too, not only in the tooltip; gone once the value is fixed.
        Label problem = robot.lookup("#inspector-problem").queryAs(Label.class);
        assertEquals(priority.getTooltip().getText(), problem.getText());
        assertTrue(problem.isVisible() && problem.getStyleClass().contains("danger-text"));
        robot.interact(() -> priority.setText("42"));
        page.waitFor(() -> !problem.isVisible()
                && robot.lookup("#inspector-pending").queryAs(Label.class).getText().equals("1 change pending"));
    }

    @Test
    void anEditIsReviewedAppliedThroughSetjailsettingsAndShowsAfterRefresh(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.PYTHON);
        openSettingsOf(robot, "db01");
        search(robot, "priority");
        TextField priority = robot.lookup("#setting-priority").queryAs(TextField.class);
        robot.doubleClickOn(priority).write("42");
        page.waitFor(() -> !robot.lookup("#inspector-review").queryAs(Button.class).isDisabled());
        // In the narrow inspector nothing ends in "…": the buttons keep their words, the legend wraps.
        for (String id : java.util.List.of("#inspector-review", "#inspector-discard")) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, id + " is " + b.getWidth() + " of " + b.prefWidth(-1));
        }
        Label legend = robot.lookup("#inspector-legend").queryAs(Label.class);
        assertTrue(legend.getHeight() >= legend.prefHeight(legend.getWidth()) - 0.5, "legend " + legend.getHeight());
        robot.clickOn("#inspector-review");
        page.waitFor(() -> robot.lookup("#settingsDiffText").tryQuery().isPresent());
        assertEquals("db01: priority  10 \u2192 42", robot.lookup("#settingsDiffText").queryAs(TextArea.class).getText().trim());
        // The demo host takes snapshots: a snapshot first is offered, not chosen until ticked.
        javafx.scene.control.CheckBox first = robot.lookup("#settingsSnapshotFirst").queryAs(javafx.scene.control.CheckBox.class);
        page.waitFor(first::isVisible);
        assertFalse(first.isSelected());
        robot.clickOn(first);
        robot.clickOn("#settingsApply");
        page.waitFor(() -> "42".equals(robot.lookup("#setting-priority").queryAs(TextField.class).getText())
                && robot.lookup("#inspector-pending").queryAs(Label.class).getText().isEmpty());
        org.jaildesk.client.IocageClient client = new org.jaildesk.client.IocageClient(new org.jaildesk.client.InProcessTransport(page.host));
        assertEquals("42", client.getJailSetting("db01", "priority").join(), "the host has the new value");
        assertTrue(client.listSnapshots("db01").join().stream().anyMatch(x -> x.name().startsWith("before_settings_")),
                "and a snapshot from before it");
        // The next review starts with the box as it was left.
        robot.interact(() -> priority.setText("43"));
        page.waitFor(() -> !robot.lookup("#inspector-review").queryAs(Button.class).isDisabled());
        robot.clickOn("#inspector-review");
        page.waitFor(() -> robot.lookup("#settingsSnapshotFirst").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertTrue(robot.lookup("#settingsSnapshotFirst").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#settingsDiffText").tryQuery().isEmpty());
    }

    /**
     * The Settings tab opened with no jail selected says how to get a sheet; opened with two selected, it shows one of
     * them (the first), and a change reviewed there is for both. (It was empty without a word.)
     */
    @Test
    void theSettingsOfSeveralSelectedJailsShowOneAndApplyToEach(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.PYTHON);
        robot.interact(() -> page.table().getSelectionModel().clearSelection());
        robot.clickOn("Settings");
        Label none = robot.lookup("#inspector-none").queryAs(Label.class);
        page.waitFor(none::isVisible);
        assertTrue(none.getText().startsWith("Select a jail to see and change its settings."), none.getText());
        robot.clickOn("Details");
        page.select("db01", "plex");
        robot.clickOn("Settings");
        page.waitFor(() -> robot.lookup("#setting-priority").tryQuery().isPresent());
        assertFalse(none.isVisible());
        TextField priority = robot.lookup("#setting-priority").queryAs(TextField.class);
        assertEquals("10", priority.getText(), "db01's value");
        robot.interact(() -> priority.setText("42"));
        page.waitFor(() -> !robot.lookup("#inspector-review").queryAs(Button.class).isDisabled());
        robot.clickOn("#inspector-review");
        page.waitFor(() -> robot.lookup("#settingsDiffText").tryQuery().isPresent());
        assertEquals("db01: priority  10 \u2192 42\nplex: priority  10 \u2192 42",
                robot.lookup("#settingsDiffText").queryAs(TextArea.class).getText().trim());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#settingsDiffText").tryQuery().isEmpty());
    }

    /**
     * In German, in a window 1,024 pixels wide, the count of pending changes keeps its words on one line: beside the
     * buttons in a row it was squeezed to a letter a line, a column as high as the sheet above it.
     */
    @Test
    void theCountOfPendingChangesStaysOneLineInANarrowGermanInspector(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.PYTHON);
        double width = stage.getWidth();
        robot.interact(() -> stage.setWidth(1024));
        try {
            robot.interact(MenuItems.byId(robot, "menu-lang-de")::fire);
            page.waitFor(() -> "_Datei".equals(robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0).getText()));
            page.waitFor(() -> page.rows().size() == 12);
            page.select("mail");
            robot.clickOn("Einstellungen");
            page.waitFor(() -> robot.lookup("#setting-priority").tryQuery().isPresent());
            TextField priority = robot.lookup("#setting-priority").queryAs(TextField.class);
            robot.interact(() -> priority.setText("42"));
            Label pending = robot.lookup("#inspector-pending").queryAs(Label.class);
            page.waitFor(() -> pending.getText().equals("1 \u00c4nderung offen"));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertTrue(pending.getHeight() < 2 * pending.getFont().getSize() + 4, "one line: " + pending.getHeight());
            assertTrue(pending.getWidth() >= pending.prefWidth(-1) - 0.5, "whole: " + pending.getWidth());
            Button review = robot.lookup("#inspector-review").queryAs(Button.class);
            assertTrue(review.getWidth() >= review.prefWidth(-1) - 0.5, "the button keeps its words");
        } finally {
            robot.interact(() -> stage.setWidth(width));
        }
    }

    /** The review says which jail already has an address the edit gives: a warning; Apply stays on. */
    @Test
    void theReviewSaysWhoHasTheAddressAlready(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.PYTHON);
        openSettingsOf(robot, "web02");
        search(robot, "ip4_addr");
        TextField ip4 = robot.lookup("#setting-ip4_addr").queryAs(TextField.class);
        robot.interact(() -> ip4.setText("em0|192.168.1.21/24"));
        page.waitFor(() -> !robot.lookup("#inspector-review").queryAs(Button.class).isDisabled());
        robot.clickOn("#inspector-review");
        page.waitFor(() -> robot.lookup("#settingsDiffWarning").queryAs(Label.class).getText().equals(
                "192.168.1.21 is already the address of db01: two jails with one address do not run at the same time."));
        assertFalse(robot.lookup("#settingsApply").queryAs(Button.class).isDisabled());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#settingsDiffText").tryQuery().isEmpty());
        // The jail's own address (with another prefix length) is no clash; a jail iocage did not make has one (ns1).
        robot.interact(() -> ip4.setText("vnet0|192.168.1.31/16"));
        long asked = page.log.entries().stream().filter(e -> e.summary().contains("jls")).count();
        robot.clickOn("#inspector-review");
        page.waitFor(() -> robot.lookup("#settingsDiffText").tryQuery().isPresent());
        // Once the host has said which jails are not iocage's, and the answer has reached the dialog:
        page.waitFor(() -> page.log.entries().stream().filter(e -> e.summary().contains("jls")).count() > asked);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#settingsDiffWarning").queryAs(Label.class).getText());
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#settingsDiffText").tryQuery().isEmpty());
        robot.interact(() -> ip4.setText("em0|192.168.1.153/24"));
        robot.clickOn("#inspector-review");
        page.waitFor(() -> robot.lookup("#settingsDiffWarning").queryAs(Label.class).getText().startsWith(
                "192.168.1.153 is already the address of ns1 (a jail iocage did not make)"));
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#settingsDiffText").tryQuery().isEmpty());
        // One address given to several jails at once.
        robot.interact(() -> ip4.setText("em0|192.168.1.99/24"));
        robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn(page.cell("mail")).release(javafx.scene.input.KeyCode.CONTROL);
        page.waitFor(() -> page.table().getSelectionModel().getSelectedItems().size() == 2);
        robot.clickOn("#inspector-review");
        page.waitFor(() -> robot.lookup("#settingsDiffWarning").queryAs(Label.class).getText().equals("192.168.1.99 would be "
                + "the address of each of the 2 jails selected: two jails with one address do not run at the same time."));
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void diskUsageSortsByRealSizeWithTotalsAndQuotaPressure(FxRobot robot) throws Exception {
        // With iocage's pauses, as the app's demo host: the answer comes after the empty table has been drawn.
        open(robot, SimulatedIocage.Config.demo());
        robot.clickOn("Disk usage");
        @SuppressWarnings("unchecked")
        TableView<DiskUsage> table = (TableView<DiskUsage>) robot.lookup("#usageTable").query();
        page.waitFor(() -> table.getItems().size() == 12);
        // The rows are on the screen too: with the chart drawn in the same frame, JavaFX 21 left the table's
        // placeholder showing over them until the window was next redrawn there (AppContext.oneRedrawArea).
        OnScreen.afterFrames(10);
        double differs = OnScreen.differs(robot, table);
        assertTrue(differs < 0.01, "the screen shows what the table holds: " + Math.round(differs * 100) + "% of its pixels differ");
        List<DiskUsage> rows = List.copyOf(table.getItems());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).used().bytes() >= rows.get(i).used().bytes(), rows.get(i - 1).used() + " above " + rows.get(i).used());
        }
        int db01 = indexOf(rows, "db01");
        int monitoring = indexOf(rows, "monitoring");
        assertEquals("1.12G", rows.get(db01).used().text());
        assertEquals("930M", rows.get(monitoring).used().text());
        assertTrue(db01 < monitoring, "1.12G sorts above 930M");
        String totals = robot.lookup("#usageTotals").queryAs(Label.class).getText();
        assertTrue(totals.contains("used by 12 jails"), totals);
        assertTrue(totals.endsWith("1 jail near the quota"), "git uses 5.27G of its 6G quota: " + totals);
        @SuppressWarnings("unchecked")
        javafx.scene.chart.BarChart<String, Number> chart = (javafx.scene.chart.BarChart<String, Number>) robot.lookup("#usageChart").query();
        page.waitFor(() -> !chart.getData().isEmpty() && chart.getData().get(0).getData().size() == 12);
        assertEquals("ci-runner", chart.getData().get(0).getData().get(0).getXValue());
        // Sorted by name in the table, the chart still shows the largest first (the table sorts its view of the rows).
        robot.clickOn(robot.from(table).lookup(".column-header").match((Node n) -> "usage-name".equals(n.getId())).queryAs(Node.class));
        page.waitFor(() -> table.getItems().get(0).tag().equals("cache"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ci-runner", chart.getData().get(0).getData().get(0).getXValue(), "the largest jail first in the chart");
    }

    /** Double-clicking a jail in the disk usage shows it among the jails, selected, even when the search hid it. */
    @Test
    void aJailDoubleClickedInTheDiskUsageIsShownAmongTheJails(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.PYTHON);
        robot.clickOn("#search").write("state:up");
        page.waitFor(() -> page.rows().size() == 6);
        robot.clickOn("Disk usage");
        page.waitFor(() -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "git".equals(c.getText())).tryQuery().isPresent());
        robot.doubleClickOn(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "git".equals(c.getText())).queryAs(javafx.scene.Node.class));
        page.waitFor(() -> page.table().isVisible() && page.table().getSelectionModel().getSelectedItems().stream()
                .map(org.jaildesk.domain.Jail::tag).toList().equals(List.of("git")));
        assertEquals("", robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).getText(),
                "git is down: the search for running jails hid it, and was cleared");
    }

    private static int indexOf(List<DiskUsage> rows, String tag) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).tag().equals(tag)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void activatesAPoolAndShowsItInTheStatusBar(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.PYTHON);
        page.waitFor(() -> robot.lookup("#poolLabel").queryAs(Label.class).getText().equals("Pool: tank"));
        robot.clickOn("Host").clickOn("Activate pool\u2026");
        page.waitFor(() -> robot.lookup("#poolName").tryQuery().isPresent());
        robot.clickOn("#poolName").write("bad pool");
        assertTrue(robot.lookup("#poolOk").queryAs(Button.class).isDisabled(), "an invalid name is refused");
        robot.eraseText(8).write("backup");
        robot.clickOn("#poolOk");
        page.waitFor(() -> robot.lookup("#poolLabel").queryAs(Label.class).getText().equals("Pool: backup"));
    }

    /** The dialog lists the host's pools with their sizes, the active one marked; a double click activates one. */
    @Test
    void aPoolIsChosenFromTheHostsPools(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.PYTHON);
        page.waitFor(() -> robot.lookup("#poolLabel").queryAs(Label.class).getText().equals("Pool: tank"));
        robot.clickOn("Host").clickOn("Activate pool\u2026");
        page.waitFor(() -> robot.lookup("#poolsOnHost").tryQuery().isPresent());
        javafx.scene.control.ListView<?> pools = robot.lookup("#poolsOnHost").queryAs(javafx.scene.control.ListView.class);
        page.waitFor(() -> pools.getItems().size() == 2);
        page.waitFor(() -> robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> c.getText() != null && c.getText().matches("tank   900G, [0-9.]+G free, ONLINE \\(active\\)")));
        javafx.scene.control.ListCell<?> backup = robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> "backup   900G, 900G free, ONLINE".equals(c.getText())).findFirst().orElseThrow();
        robot.doubleClickOn(backup);
        page.waitFor(() -> robot.lookup("#poolLabel").queryAs(Label.class).getText().equals("Pool: backup"));
        assertTrue(robot.lookup("#activateDialog").tryQuery().isEmpty(), "the double click activated it");
    }

    @Test
    void deactivatingExplainsThatNothingIsDeleted(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.LEGACY);
        page.waitFor(() -> robot.lookup("#poolLabel").queryAs(Label.class).getText().equals("Pool: tank"));
        assertFalse(MenuItems.byId(robot, "menu-deactivatePool").isDisable());
        robot.clickOn("Host").clickOn("Deactivate pool\u2026");
        page.waitFor(() -> robot.lookup("#deactivateDialog").tryQuery().isPresent());
        assertTrue(robot.lookup((Node n) -> n instanceof Label l && l.getText() != null && l.getText().startsWith("Nothing is deleted"))
                .tryQuery().isPresent());
        assertFalse(robot.lookup("#deactivateOk").queryButton().isDefaultButton(), "Enter does not deactivate the pool");
        robot.clickOn("#deactivateOk");
        page.waitFor(() -> robot.lookup("#poolLabel").queryAs(Label.class).getText().equals("Pool: none active"));
        // With no pool active there is nothing to deactivate: the item is off rather than offering "none active".
        page.waitFor(() -> MenuItems.byId(robot, "menu-deactivatePool").isDisable());
    }

    @Test
    void eachCleanShowsWhatGoesAndWantsItsWord(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.PYTHON);
        robot.clickOn("Host").clickOn("Clean templates\u2026");
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isPresent());
        assertEquals("template tmpl-web, used by: web02", robot.lookup("#cleanPreview").queryAs(TextArea.class).getText());
        Button ok = robot.lookup("#cleanOk").queryAs(Button.class);
        page.waitFor(() -> robot.lookup("#cleanConfirm").query().isFocused());
        robot.clickOn("#cleanConfirm").write("template");
        assertTrue(ok.isDisabled());
        robot.write("s");
        assertFalse(ok.isDisabled());
        robot.clickOn(ok);
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isEmpty());

        robot.clickOn("Host").clickOn("Clean releases\u2026");
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isPresent());
        String releases = robot.lookup("#cleanPreview").queryAs(TextArea.class).getText();
        assertTrue(releases.contains("release 13.2-RELEASE, used by: db01, mail, web02, ci-runner"), releases);
        assertTrue(releases.contains("jail db01 (1.12G) \u2014 running, will be stopped"), releases);
        robot.clickOn("Cancel");
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isEmpty());
        assertEquals(12, page.rows().size(), "cancel destroys nothing");

        robot.clickOn("Host").clickOn("Clean jails\u2026");
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isPresent());
        assertEquals(12, robot.lookup("#cleanPreview").queryAs(TextArea.class).getText().split("\n").length);
        robot.clickOn("#cleanConfirm").write("jails");
        robot.clickOn("#cleanOk");
        page.waitFor(() -> page.rows().isEmpty());

        // The whole of iocage's dataset holds the images folder: its files are listed too.
        robot.clickOn("Host").clickOn("Clean everything\u2026");
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isPresent());
        String everything = robot.lookup("#cleanPreview").queryAs(TextArea.class).getText();
        assertTrue(everything.contains("release 14.1-RELEASE, used by: no jail"), everything);
        assertTrue(everything.contains("image file wiki_2026-09-14.zip (552M)"), everything);
        robot.clickOn("Cancel");
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isEmpty());

        robot.clickOn("Host").clickOn("Clean images\u2026");
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isPresent());
        assertEquals("image file git_2026-10-30.zip (2.11G)\nimage file wiki_2026-09-14.zip (552M)",
                robot.lookup("#cleanPreview").queryAs(TextArea.class).getText());
        robot.clickOn("#cleanConfirm").write("images");
        robot.clickOn("#cleanOk");
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isEmpty());
        page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.result().get().equals("All images have been cleaned.")));
        assertEquals(List.of(), new IocageClient(new InProcessTransport(page.host)).listImages().get(10, TimeUnit.SECONDS));

        robot.clickOn("Host").clickOn("Clean everything\u2026");
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isPresent());
        assertFalse(robot.lookup("#cleanPreview").queryAs(TextArea.class).getText().contains("image file"));
        robot.clickOn("#cleanConfirm").write("everything");
        robot.clickOn("#cleanOk");
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isEmpty());
        page.waitFor(() -> robot.lookup("#status").queryAs(Label.class).getText().contains("Clean everything: done")
                || robot.lookup("#status").queryAs(Label.class).getText().contains("0 jails"));
    }
}
