package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.jaildesk.ui.connect.HostEntry;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** All hosts: the jails of every host opened in the window in one table, found by host too, and shown where they are. */
class AllHostsTest extends WindowTest {

    @SuppressWarnings("unchecked")
    private TableView<AllHosts.Row> table(FxRobot robot) {
        return robot.lookup("#allHostsTable").queryAs(TableView.class);
    }

    /** Selects the demo host's jails {@code onDemo} and {@code nas}'s jails {@code onNas}, and no others. */
    private void select(FxRobot robot, HostEntry nas, List<String> onDemo, List<String> onNas) {
        robot.interact(() -> {
            TableView<AllHosts.Row> t = table(robot);
            t.getSelectionModel().clearSelection();
            for (int i = 0; i < t.getItems().size(); i++) {
                AllHosts.Row r = t.getItems().get(i);
                if ((r.host().equals(nas) ? onNas : onDemo).contains(r.jail().tag())) {
                    t.getSelectionModel().select(i);
                }
            }
        });
    }

    private String count(FxRobot robot) {
        return robot.lookup("#allHostsCount").queryAs(Label.class).getText();
    }

    /**
     * While All hosts is shown, the window's Start, Stop, Restart and Run command (toolbar, Jail menu, shortcuts, the
     * palette) act on its selection, off with the reason its table gives; a host shown again has them follow its own.
     */
    @Test
    void theWindowsJailActionsActOnTheAllHostsSelection(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#allHostsButton");
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent() && table(robot).getItems().size() == 12);
        javafx.scene.control.Button start = robot.lookup("#tb-start").queryButton();
        javafx.scene.control.Button stop = robot.lookup("#tb-stop").queryButton();
        javafx.scene.control.Button exec = robot.lookup("#tb-exec").queryButton();
        assertTrue(start.isDisabled() && stop.isDisabled() && exec.isDisabled(), "nothing selected");
        assertEquals("Select a jail in the table first.", whyOff(robot, "start"));
        select(robot, null, List.of("mail"), List.of());
        page.waitFor(() -> !start.isDisabled());
        assertTrue(stop.isDisabled() && exec.isDisabled());
        assertEquals("mail is not running.", whyOff(robot, "stop"));
        robot.interact(() -> table(robot).requestFocus()); // a click would select the row under it
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT,
                javafx.scene.input.KeyCode.S).release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.SHIFT,
                javafx.scene.input.KeyCode.CONTROL);
        page.waitFor(() -> table(robot).getItems().stream().anyMatch(r -> r.jail().tag().equals("mail") && r.jail().isRunning()));
        select(robot, null, List.of("mail"), List.of());
        page.waitFor(() -> !stop.isDisabled() && !exec.isDisabled() && start.isDisabled());
        // Stopped from the palette: Enter runs its first entry, once the key is done with, and closes it.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.K)
                .release(javafx.scene.input.KeyCode.K, javafx.scene.input.KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup("#paletteQuery").tryQuery().isPresent());
        robot.clickOn("#paletteQuery").write("stop").push(javafx.scene.input.KeyCode.ENTER);
        page.waitFor(() -> robot.lookup("#paletteQuery").tryQuery().isEmpty());
        page.waitFor(() -> table(robot).getItems().stream().anyMatch(r -> r.jail().tag().equals("mail") && !r.jail().isRunning()));
        assertEquals(List.of("Demo host (simulated) startjail mail", "Demo host (simulated) stopjail mail"), page.jobs.jobs().stream()
                .map(j -> j.host() + " " + j.action() + " " + j.target()).sorted().toList());
        // A host's own view again: the actions follow its selection (none there).
        robot.interact(() -> page.hosts.selected().set(page.hosts.hosts().get(0)));
        page.waitFor(() -> "Select a jail in the table first.".equals(whyOff(robot, "stop")));
    }

    /** Why the window's action {@code id} is off now, as its menus and palette say ("" when it is on). */
    private String whyOff(FxRobot robot, String id) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> page.window.actions().stream().filter(a -> a.id().equals(id))
                    .findFirst().orElseThrow().whyNot().get()).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theJailsOfEveryOpenedHostInOneTable(FxRobot robot) throws Exception {
        open(robot);
        // A second host (here the same demo host behind another name): not opened yet in this window.
        HostEntry nas = WaitForAsyncUtils.asyncFx(() -> page.hosts.addRemote("nas1", "wss://nas1:12150", "admin")).get();
        robot.clickOn("#allHostsButton");
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent() && table(robot).getItems().size() == 12);
        assertEquals("Showing 12 of 12 jails on 1 host", count(robot));
        assertEquals("Not opened in this window yet, so not listed here: nas1.",
                robot.lookup("#allHostsNotOpened").queryAs(Label.class).getText());
        assertTrue(page.hosts.selected().get() == null, "no host's own view: its actions are off");

        robot.clickOn("#allHostsOpen");
        page.waitFor(() -> table(robot).getItems().size() == 24);
        assertEquals("Showing 24 of 24 jails on 2 hosts", count(robot));
        // While it is shown, the background refresh keeps every host it takes in fresh, not only a host shown alone.
        assertEquals(java.util.Set.of(page.hosts.session(nas).jails(), page.hosts.session(page.hosts.hosts().get(0)).jails()),
                java.util.Set.copyOf(WaitForAsyncUtils.asyncFx(() -> page.window.backgroundHosts()).get()));
        page.waitFor(() -> robot.lookup("#allHostsNotOpened").queryAs(Label.class).getText().isEmpty()
                && !robot.lookup("#allHostsOpen").queryButton().getParent().isVisible());

        // One command in jails of both hosts: each through its own host, a row each, the stopped one named.
        select(robot, nas, List.of("db01"), List.of("plex", "mail"));
        robot.clickOn("#allHostsExec");
        page.waitFor(() -> robot.lookup("#batchCommand").tryQuery().isPresent());
        assertEquals("Runs in 2 running jails: Demo host (simulated): db01, nas1: plex. Not running, left out: nas1: mail.",
                robot.lookup("#batchJails").queryAs(Label.class).getText());
        robot.clickOn("#batchCommand").write("hostname").push(javafx.scene.input.KeyCode.ENTER);
        page.waitFor(() -> robot.lookup("#batchStatus").queryAs(Label.class).getText().equals("Ended: 2 done, 0 failed"));
        TableView<?> batch = robot.lookup("#batchTable").queryAs(TableView.class);
        assertEquals(List.of("Demo host (simulated): db01 db01", "nas1: plex plex"), batch.getItems().stream()
                .map(r -> ((org.jaildesk.ui.jails.ExecBatch.Row) r).name() + " " + ((org.jaildesk.ui.jails.ExecBatch.Row) r).firstLine())
                .toList());
        assertEquals(List.of("Demo host (simulated)", "nas1"), page.jobs.jobs().stream().filter(j -> j.action().equals("execjail"))
                .map(j -> j.host()).sorted().toList(), "each ran on its own host");
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        page.waitFor(() -> robot.lookup("#batchCommand").tryQuery().isEmpty());

        // Start and Stop act on the selected jails they apply to, each through its own host.
        select(robot, nas, List.of("web02", "db01"), List.of("mail"));
        assertTrue(!robot.lookup("#allHostsStart").queryButton().isDisabled() && !robot.lookup("#allHostsStop").queryButton().isDisabled());
        robot.clickOn("#allHostsStart");
        // Each start went through its own host's connection (here both reach one demo host, so both hosts' rows follow).
        page.waitFor(() -> page.jobs.jobs().stream().filter(j -> j.action().equals("startjail")
                && j.state().get() == org.jaildesk.ui.jobs.JobRow.State.DONE).count() == 2);
        assertEquals(List.of("Demo host (simulated) web02", "nas1 mail"), page.jobs.jobs().stream()
                .filter(j -> j.action().equals("startjail")).map(j -> j.host() + " " + j.target()).sorted().toList(),
                "the two stopped ones started, each through its host; db01 was running");
        page.waitFor(() -> table(robot).getItems().stream().filter(r -> List.of("web02", "mail").contains(r.jail().tag()))
                .allMatch(r -> r.jail().isRunning()));
        // The rows were listed again, and the three stay selected: Stop takes them at once.
        assertEquals(List.of("Demo host (simulated)/db01", "Demo host (simulated)/web02", "nas1/mail"),
                table(robot).getSelectionModel().getSelectedItems().stream().map(r -> r.host().name() + "/" + r.jail().tag())
                        .sorted().toList());
        robot.clickOn("#allHostsStop");
        page.waitFor(() -> page.jobs.jobs().stream().filter(j -> j.action().equals("stopjail")
                && j.state().get() == org.jaildesk.ui.jobs.JobRow.State.DONE).count() == 3);
        // Start is on once the rows show them stopped (a job is done before its host's table has listed again).
        page.waitFor(() -> table(robot).getItems().stream().filter(r -> List.of("web02", "mail", "db01").contains(r.jail().tag()))
                .noneMatch(r -> r.jail().isRunning()));
        robot.clickOn("#allHostsStart");
        page.waitFor(() -> page.jobs.jobs().stream().filter(j -> j.action().equals("startjail")
                && j.state().get() == org.jaildesk.ui.jobs.JobRow.State.DONE).count() == 5);
        page.waitFor(() -> table(robot).getItems().stream().filter(r -> List.of("web02", "mail", "db01").contains(r.jail().tag()))
                .allMatch(r -> r.jail().isRunning()));

        // The search takes host: beside the table's fields; a pattern it cannot read finds nothing and runs nothing.
        robot.clickOn("#search").write("host:nas* state:up");
        page.waitFor(() -> table(robot).getItems().size() == 8);
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.host().equals(nas) && r.jail().isRunning()));
        assertEquals("Showing 8 of 24 jails on 2 hosts", count(robot), "six running, and mail and web02 started above");
        robot.interact(() -> robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).setText("!host:nas1 name:web0?"));
        page.waitFor(() -> table(robot).getItems().size() == 2);
        assertEquals(List.of("Demo host (simulated)"), table(robot).getItems().stream().map(r -> r.host().name()).distinct().toList());
        // What File ▸ Export jail table… writes here: All hosts' rows as listed, the host first.
        List<List<String>> listed = WaitForAsyncUtils.asyncFx(() -> page.window.tableListed()).get();
        assertEquals(List.of("Host", "State", "Name"), listed.get(0).subList(0, 3));
        assertEquals(3, listed.size(), listed.toString());
        assertTrue(listed.subList(1, 3).stream().allMatch(r -> r.get(0).equals("Demo host (simulated)") && r.get(2).startsWith("web0")),
                listed.toString());
        robot.interact(() -> robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).setText("host:$(x);-f"));
        page.waitFor(() -> table(robot).getItems().isEmpty());

        // A double click shows the jail among its host's jails, selected, whatever that host's search was.
        robot.interact(() -> robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).setText("host:nas1 web01"));
        page.waitFor(() -> table(robot).getItems().size() == 1);
        robot.doubleClickOn(robot.from(table(robot)).lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "web01".equals(c.getText())).queryAs(javafx.scene.Node.class));
        page.waitFor(() -> nas.equals(page.hosts.selected().get()));
        page.waitFor(() -> page.table().getSelectionModel().getSelectedItems().size() == 1
                && page.table().getSelectionModel().getSelectedItem().tag().equals("web01"));
        assertEquals("JailDesk \u2014 nas1", stage.getTitle());
    }

    /**
     * A host opened from All hosts, never shown on its own, follows changes made elsewhere (another window, another
     * desktop, a script) as soon as its host says so, as a host shown alone does: not at the next background refresh.
     */
    @Test
    void aHostOpenedOnlyHereFollowsChangesMadeElsewhere(FxRobot robot) throws Exception {
        open(robot);
        HostEntry nas = WaitForAsyncUtils.asyncFx(() -> page.hosts.addRemote("nas1", "wss://nas1:12150", "admin")).get();
        robot.clickOn("#allHostsButton");
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent() && table(robot).getItems().size() == 12);
        robot.clickOn("#allHostsOpen");
        page.waitFor(() -> table(robot).getItems().size() == 24);
        org.jaildesk.ui.jails.JailsViewModel demo = page.hosts.session(page.hosts.hosts().get(0)).jails();
        org.jaildesk.ui.jails.JailsViewModel nas1 = page.hosts.session(nas).jails();
        page.waitFor(() -> !demo.refreshing().get() && !nas1.refreshing().get());
        long demoListed = listings(page.hosts.hosts().get(0).name());
        long nasListed = listings("nas1");
        // Another client of the same host (here both hosts reach one demo host) stops db01.
        org.jaildesk.client.IocageClient elsewhere = new org.jaildesk.client.IocageClient(
                new org.jaildesk.client.InProcessTransport(page.host));
        elsewhere.stopJail("db01").get(15, java.util.concurrent.TimeUnit.SECONDS);
        page.waitFor(() -> table(robot).getItems().stream().filter(r -> r.jail().tag().equals("db01")).count() == 2
                && table(robot).getItems().stream().filter(r -> r.jail().tag().equals("db01")).noneMatch(r -> r.jail().isRunning()));
        page.waitFor(() -> !demo.refreshing().get() && !nas1.refreshing().get());
        // One listing each for the change: the host that was shown alone before does not list it twice.
        assertEquals(List.of(demoListed + 1, nasListed + 1), List.of(listings(page.hosts.hosts().get(0).name()), listings("nas1")));
    }

    /** How many listings the window asked of {@code host} so far. */
    private long listings(String host) {
        return page.log.entries().stream().filter(e -> e.host().equals(host)
                && e.kind() == org.jaildesk.client.ProtocolLog.Entry.Kind.REQUEST && e.text().contains("listjails")).count();
    }

    /** Each running jail's CPU and memory, as its host's own table has them; none for a stopped one. */
    @Test
    void theRunningJailsFiguresAreShownAsInTheirHostsTable(FxRobot robot) throws Exception {
        open(robot);
        org.jaildesk.ui.jails.JailUsages usages = page.hosts.session(page.hosts.hosts().get(0)).jails().usages();
        page.waitFor(() -> usages.of(page.row("db01")) != null);
        robot.clickOn("#allHostsButton");
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent() && table(robot).getItems().size() == 12);
        String[] shown = WaitForAsyncUtils.asyncFx(() -> {
            TableView<AllHosts.Row> t = table(robot);
            javafx.scene.control.TableColumn<AllHosts.Row, ?> cpu = t.getColumns().stream()
                    .filter(c -> "all-col-cpu".equals(c.getId())).findFirst().orElseThrow();
            javafx.scene.control.TableColumn<AllHosts.Row, ?> memory = t.getColumns().stream()
                    .filter(c -> "all-col-memory".equals(c.getId())).findFirst().orElseThrow();
            AllHosts.Row db01 = t.getItems().stream().filter(r -> r.jail().tag().equals("db01")).findFirst().orElseThrow();
            AllHosts.Row mail = t.getItems().stream().filter(r -> r.jail().tag().equals("mail")).findFirst().orElseThrow();
            org.jaildesk.domain.JailUsage u = usages.of(db01.jail());
            return new String[] {String.valueOf(cpu.getCellData(db01)), String.valueOf(memory.getCellData(db01)),
                new org.jaildesk.ui.jails.JailTableView.CpuShare(u.cpuPercent()).toString(),
                org.jaildesk.domain.Size.ofBytes(u.memoryBytes()).toString(), String.valueOf(cpu.getCellData(mail))};
        }).get();
        assertEquals(shown[2], shown[0]);
        assertEquals(shown[3], shown[1]);
        assertEquals("null", shown[4], "a stopped jail has no figures");
    }

    /** The status line speaks of no host while All hosts is shown, even as its hosts list again; back on one, of it. */
    @Test
    void theStatusLineSaysNoHostsCountWhileAllHostsIsShown(FxRobot robot) throws Exception {
        open(robot);
        Label status = robot.lookup("#status").queryAs(Label.class);
        robot.clickOn("#allHostsButton");
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent() && table(robot).getItems().size() == 12);
        page.waitFor(() -> status.getText().isEmpty());
        java.time.Instant before = page.hosts.session(page.hosts.hosts().get(0)).jails().listedAt().get();
        robot.clickOn("#allHostsRefresh");
        page.waitFor(() -> !before.equals(page.hosts.session(page.hosts.hosts().get(0)).jails().listedAt().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", status.getText(), "a listing behind All hosts is not said as if its host were shown");
        robot.interact(() -> page.hosts.selected().set(page.hosts.hosts().get(0)));
        page.waitFor(() -> status.getText().equals("12 jails"));
        robot.clickOn("#tb-refresh");
        page.waitFor(() -> status.getText().equals("12 jails"));
    }

    /** The keyboard reaches it too: Ctrl+Shift+A, and the command palette. */
    @Test
    void theKeyboardReachesIt(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn(page.cell("mail"));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent() && table(robot).getItems().size() == 12);
        robot.interact(() -> page.hosts.selected().set(page.hosts.hosts().get(0)));
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isEmpty());
        // A host shown alone: the background refresh keeps that one fresh, and only it.
        assertEquals(List.of(page.hosts.session(page.hosts.hosts().get(0)).jails()),
                WaitForAsyncUtils.asyncFx(() -> page.window.backgroundHosts()).get());
        robot.clickOn(page.cell("mail"));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.K)
                .release(javafx.scene.input.KeyCode.K, javafx.scene.input.KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup("#paletteQuery").tryQuery().isPresent());
        robot.clickOn("#paletteQuery").write("all hosts").push(javafx.scene.input.KeyCode.ENTER);
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent());
    }

    /** Its columns' order, widths and sort are kept, as each host's table keeps its own, across a new start of the window. */
    @Test
    void itsColumnsAndSortAreKeptAcrossANewWindow(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#allHostsButton");
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent() && table(robot).getItems().size() == 12);
        robot.interact(() -> {
            TableView<AllHosts.Row> t = table(robot);
            javafx.scene.control.TableColumn<AllHosts.Row, ?> name = t.getColumns().stream()
                    .filter(c -> "all-col-name".equals(c.getId())).findFirst().orElseThrow();
            name.setPrefWidth(260);
            name.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            t.getSortOrder().setAll(List.of(name));
            // The host column moved to the end, as a drag of its heading would.
            t.getColumns().add(t.getColumns().remove(0));
        });
        page.waitFor(() -> "web02".equals(table(robot).getItems().get(0).jail().displayName()));
        // A language switch saves the window's layout and builds the window anew, as the next start does.
        robot.interact(() -> MenuItems.byId(robot, "menu-lang-de").fire());
        page.waitFor(() -> robot.lookup("#tb-start").tryQuery().map(n -> ((javafx.scene.control.Button) n).getText().equals("Starten")).orElse(false));
        page.waitFor(() -> page.rows().size() == 12);
        robot.clickOn("#allHostsButton");
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent() && table(robot).getItems().size() == 12);
        TableView<AllHosts.Row> again = table(robot);
        assertEquals("all-col-host", again.getColumns().get(again.getColumns().size() - 1).getId());
        assertEquals("all-col-name", again.getSortOrder().get(0).getId());
        assertEquals(javafx.scene.control.TableColumn.SortType.DESCENDING, again.getSortOrder().get(0).getSortType());
        assertEquals(260, again.getSortOrder().get(0).getPrefWidth(), 1);
        assertEquals("web02", again.getItems().get(0).jail().displayName());
    }
}
