package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.jaildesk.server.ServerTls;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.MainWindow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A remote host in the window, against the real server over wss: add it, compare and accept the certificate, type
 * the password when asked, see its jails. The password is never written to the config folder.
 */
class RemoteHostWindowTest extends RealServerWindowTest {

    /** A server over a demo host in {@code dir/<name>}, user admin; returns its certificate. */
    private ServerTls startServer(String name) throws Exception {
        return startServer(name, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
    }

    private ServerTls startServer(String name, SimulatedIocage.Config sim) throws Exception {
        server = RealServer.start(dir.resolve(name), sim, users -> { });
        return server.tls;
    }

    /** Adds the server as remote host "nas" (user admin) through the + Host dialog. */
    private void addHost(FxRobot robot) throws Exception {
        robot.clickOn("#addHost");
        waitFor(() -> robot.lookup("#hostUrl").tryQuery().isPresent());
        waitFor(() -> robot.lookup("#hostName").query().isFocused());
        robot.clickOn("#hostName").write("nas");
        robot.interact(() -> robot.lookup("#hostUrl").queryAs(javafx.scene.control.TextField.class)
                .setText("wss://127.0.0.1:" + server.wsPort()));
        robot.clickOn("#hostUser").write("admin");
        robot.clickOn("#hostSave");
    }

    @Test
    void declinedCertificateLeavesANoticeSayingWhy(FxRobot robot) throws Exception {
        ServerTls tls = startServer("server2");
        AppContext ctx = new AppContext(dir.resolve("config2"), SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty());
        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get();
        addHost(robot);
        waitFor(() -> robot.lookup("#certificateDialog").tryQuery().isPresent());
        robot.clickOn("Cancel");
        waitFor(() -> robot.lookup(".notice .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("is not known yet") && ((Label) n).getText().contains(tls.fingerprint())));
        assertEquals(0, ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size());
        // Removed: no login key is kept for it, so the question speaks of none, and no notice follows about one.
        robot.clickOn("#removeHost");
        waitFor(() -> robot.lookup("#removeHostConfirm").tryQuery().isPresent());
        String said = removeQuestion(robot);
        assertTrue(said.startsWith("JailDesk forgets how to reach it (admin at wss://127.0.0.1:" + server.wsPort()
                + ") and closes its connection; its jails stay as they are."), said);
        assertFalse(said.contains("key"), said);
        robot.clickOn("#removeHostConfirm");
        waitFor(() -> robot.lookup("nas").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".notice .label").queryAll().stream().noneMatch(n -> ((Label) n).getText().contains("key")));
    }

    /** The text of the open Remove question, its paragraphs joined. */
    static String removeQuestion(FxRobot robot) {
        return robot.lookup("#removeHostDialog").queryAs(javafx.scene.control.DialogPane.class).getContent()
                .lookupAll(".label").stream().map(n -> ((javafx.scene.control.Labeled) n).getText())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    @Test
    void addARemoteHostAcceptItsCertificateLogInAndSeeItsJails(FxRobot robot) throws Exception {
        ServerTls tls = startServer("server");
        Path config = dir.resolve("config");
        AppContext ctx = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty());
        MainWindow[] w = new MainWindow[1];
        WaitForAsyncUtils.asyncFx(() -> w[0] = ctx.start(stage)).get();
        addHost(robot);

        try {
            waitFor(() -> robot.lookup("#certificateDialog").tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no certificate dialog; notices: " + robot.lookup(".notice .label").queryAll().stream()
                    .map(n -> ((javafx.scene.control.Label) n).getText()).toList() + " status: "
                    + robot.lookup("#status").queryAs(javafx.scene.control.Label.class).getText());
        }
        assertEquals(tls.fingerprint(), robot.lookup("#certificateFingerprint").queryAs(TextArea.class).getText());
        assertFalse(robot.lookup("#certAccept").queryButton().isDefaultButton(), "Enter does not trust a certificate");
        assertTrue(robot.lookup(".notice").queryAll().isEmpty(), "no notice repeating the question behind it");
        robot.clickOn("Accept");
        // Shown, not only built: on a busy machine the login dialog's window comes a moment after its field.
        waitFor(() -> robot.lookup("#passwordField").match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent());
        robot.clickOn("#passwordField").write("a long passphrase");
        robot.clickOn("OK");
        waitFor(() -> ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size() == 12);
        assertEquals("JailDesk \u2014 nas", stage.getTitle());
        // The host list says the connection state in words too, not only by the dot's colour.
        waitFor(() -> robot.lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> c && "nas, connected".equals(c.getAccessibleText()))
                .tryQuery().isPresent());

        // The first-use flow ends clean: what failed before the certificate was accepted is asked again, and its
        // failures do not linger. The active pool is known, no notice is left, reading the pool was no job, and the
        // host's extensions count (its settings can be edited).
        waitFor(() -> robot.lookup("#poolLabel").queryAs(Label.class).getText().contains("tank"));
        waitFor(() -> robot.lookup(".notice").queryAll().isEmpty());
        assertEquals(0, ((TableView<?>) robot.lookup("#jobsTable").query()).getItems().size(), "reads are no jobs");
        robot.clickOn(robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && "mail".equals(c.getText())).queryAs(Node.class));
        robot.clickOn("Settings");
        waitFor(() -> robot.lookup("#setting-priority").tryQuery().isPresent());
        assertFalse(robot.lookup("#inspector-readOnly").queryAs(Label.class).isVisible(),
                robot.lookup("#inspector-readOnly").queryAs(Label.class).getText());

        String hosts = Files.readString(config.resolve("hosts.json"));
        assertTrue(hosts.contains("wss://127.0.0.1:" + server.wsPort()));
        assertTrue(Files.readString(config.resolve("known-hosts.properties")).contains(tls.fingerprint().replace(":", "\\:")));
        try (var files = Files.walk(config)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertTrue(!Files.readString(f).contains("passphrase"), "the password reached " + f);
            }
        }

        // A remote host's consoles are reached with ssh as the user says; until then the menu says so.
        waitFor(() -> org.jaildesk.ui.MenuItems.whyOff(robot, "menu-console").equals(
                "To open consoles of the jails of nas, say how ssh reaches it first: Host \u25b8 Console over SSH\u2026"));
        assertTrue(org.jaildesk.ui.MenuItems.byId(robot, "menu-console").isDisable());

        // Protect from destroy (mail is selected): a mark the server keeps, so that no client of it destroys mail.
        waitFor(() -> !menuItem(robot, "menu-protect").isDisable());
        robot.interact(menuItem(robot, "menu-protect")::fire);
        Path kept = dir.resolve("server").resolve("protected.txt");
        try {
            waitFor(() -> Files.exists(kept) && Files.readString(kept).equals("mail\n"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not kept on the server: protected.txt " + (Files.exists(kept) ? Files.readString(kept) : "none") + " ui="
                    + (Files.exists(config.resolve("ui-state.json")) ? Files.readString(config.resolve("ui-state.json")) : "none"));
        }
        waitFor(() -> menuItem(robot, "menu-destroy").isDisable());
        waitFor(() -> robot.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("protected from destroy by the host")).tryQuery().isPresent());
        assertTrue(!Files.exists(config.resolve("ui-state.json")) || new ObjectMapper().readTree(Files.readString(
                config.resolve("ui-state.json"))).findValues("protectedJails").stream().allMatch(v -> v.isEmpty()),
                "kept on the server, not on this desktop");
        robot.interact(menuItem(robot, "menu-unprotect")::fire);
        waitFor(() -> Files.readString(kept).isEmpty());
        waitFor(() -> !menuItem(robot, "menu-destroy").isDisable());
        // Another client marks mail, then takes the mark away: this window follows at once, without a refresh.
        org.jaildesk.client.WebSocketTransport other = new org.jaildesk.client.WebSocketTransport(
                new org.jaildesk.client.WebSocketOptions(java.net.URI.create("wss://127.0.0.1:" + server.wsPort()), "admin",
                        "a long passphrase"::toCharArray, new org.jaildesk.client.KnownHosts(config.resolve("known-hosts.properties")),
                        Duration.ofSeconds(20), Duration.ofSeconds(10), false));
        try {
            org.jaildesk.client.IocageClient elsewhere = new org.jaildesk.client.IocageClient(other);
            elsewhere.setProtected("mail", true).join();
            waitFor(() -> menuItem(robot, "menu-destroy").isDisable());
            elsewhere.setProtected("mail", false).join();
            waitFor(() -> !menuItem(robot, "menu-destroy").isDisable());
        } finally {
            other.close();
        }

        // The console of db01 over ssh, in the terminal chosen: both stand-ins that write what they were given.
        Path argv = dir.resolve("terminal-argv");
        Path terminal = dir.resolve("fake-terminal");
        Files.writeString(terminal, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + argv + "'\n");
        Path ssh = dir.resolve("ssh");
        Files.writeString(ssh, "#!/bin/sh\nexit 0\n");
        for (Path p : List.of(terminal, ssh)) {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        robot.interact(org.jaildesk.ui.MenuItems.byId(robot, "menu-terminal")::fire);
        waitFor(() -> robot.lookup("#terminalCommand").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#terminalCommand").queryAs(javafx.scene.control.TextField.class).setText(terminal + " -e"));
        waitFor(() -> !robot.lookup("#terminalSave").queryButton().isDisabled());
        robot.clickOn("#terminalSave");
        robot.interact(org.jaildesk.ui.MenuItems.byId(robot, "menu-consoleSsh")::fire);
        waitFor(() -> robot.lookup("#sshCommand").tryQuery().isPresent());
        javafx.scene.control.TextField sshField = robot.lookup("#sshCommand").queryAs(javafx.scene.control.TextField.class);
        assertEquals("ssh -t 127.0.0.1 doas", sshField.getPromptText(), "suggested from the host's address");
        robot.interact(() -> sshField.setText("no-such-ssh -t admin@nas"));
        waitFor(() -> "no-such-ssh is not on PATH".equals(robot.lookup("#sshError").queryAs(Label.class).getText()));
        robot.interact(() -> sshField.setText(ssh + " -t admin@nas doas"));
        waitFor(() -> !robot.lookup("#sshSave").queryButton().isDisabled());
        robot.clickOn("#sshSave");
        robot.clickOn(robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && "db01".equals(c.getText())).queryAs(Node.class));
        waitFor(() -> !org.jaildesk.ui.MenuItems.byId(robot, "menu-console").isDisable());
        robot.interact(org.jaildesk.ui.MenuItems.byId(robot, "menu-console")::fire);
        waitFor(() -> Files.exists(argv) && Files.readAllLines(argv).size() == 8);
        assertEquals(List.of("-e", ssh.toString(), "-t", "admin@nas", "doas", "iocage", "console", "db01"), Files.readAllLines(argv));
        assertTrue(Files.readString(config.resolve("ui-state.json")).contains("\"consoleSsh\" : \"" + ssh + " -t admin@nas doas\""));

        // The server goes away: the table keeps what was last listed, and the status bar says it is not current.
        Label stale = robot.lookup("#stale").queryAs(Label.class);
        assertFalse(stale.isVisible(), stale.getText());
        server.stopServing();
        waitFor(() -> stale.isVisible() && stale.getText().equals("Not connected \u2014 showing the last known state"));
        assertEquals(12, ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size());
        assertEquals(0.6, robot.lookup("#jailTable").query().getOpacity(), 0.001, "its rows dimmed, as while a refresh runs");
    }

    /** A download on the server, followed and stopped from the jobs panel like a local one. */
    @Test
    void aRemoteJobIsCancelledFromTheJobsPanel(FxRobot robot) throws Exception {
        ServerTls tls = startServer("server3", new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 12, java.time.Duration.ZERO,
                java.time.Duration.ofMillis(300), null));
        AppContext ctx = new AppContext(dir.resolve("config3"), SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty());
        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get();
        addHost(robot);
        waitFor(() -> robot.lookup("#certificateDialog").tryQuery().isPresent());
        robot.clickOn("Accept");
        // Shown, not only built: on a busy machine the login dialog's window comes a moment after its field.
        waitFor(() -> robot.lookup("#passwordField").match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent());
        robot.clickOn("#passwordField").write("a long passphrase");
        robot.clickOn("OK");
        waitFor(() -> ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size() == 12);

        javafx.scene.control.MenuItem fetch = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus()
                .stream().flatMap(m -> m.getItems().stream()).filter(i -> "menu-fetchRelease".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(fetch::fire);
        waitFor(() -> robot.lookup("#fetchReleaseName").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#fetchReleaseName").queryAs(javafx.scene.control.TextField.class).setText("13.4-RELEASE"));
        robot.clickOn("#fetchOk");
        @SuppressWarnings("unchecked")
        TableView<org.jaildesk.ui.jobs.JobRow> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        waitFor(() -> !jobs.getItems().isEmpty() && jobs.getItems().get(0).output().stream().anyMatch(l -> l.startsWith("Downloading")));
        org.jaildesk.ui.jobs.JobRow job = jobs.getItems().get(0);
        assertEquals("fetchrelease", job.action());
        assertEquals(org.jaildesk.ui.jobs.JobRow.State.RUNNING, job.state().get());
        robot.interact(() -> jobs.getSelectionModel().select(job));
        waitFor(() -> !robot.lookup("#jobCancel").queryButton().isDisabled());
        robot.clickOn("#jobCancel");
        waitFor(() -> job.state().get() == org.jaildesk.ui.jobs.JobRow.State.CANCELLED);
        assertTrue(job.result().get().contains("cancelled"), job.result().get());
        // The button follows the selected job's state: nothing left to cancel.
        waitFor(() -> robot.lookup("#jobCancel").queryButton().isDisabled());
        assertTrue(robot.lookup("#jobOutput").queryAs(javafx.scene.control.TextArea.class).getText().startsWith("Fetching: 13.4-RELEASE"));
        // Its command line names the certificate accepted: run on another machine, it reaches this server and no other.
        String line = robot.lookup("#jobRequest").queryAs(javafx.scene.control.TextField.class).getText();
        assertTrue(line.startsWith("jaildesk call --url wss://") && line.contains(" --user admin --password-file PASSWORD_FILE"
                + " --accept-fingerprint " + tls.fingerprint() + " fetchrelease "), line);
        // Host ▸ Action log…: the server's audit log: the login, the cancel and the download it stopped (in either order: the
        // download is logged as its reply comes, which races the cancel's own line).
        javafx.scene.control.MenuItem actionLog = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus()
                .stream().flatMap(m -> m.getItems().stream()).filter(i -> "menu-actionLog".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(actionLog::fire);
        waitFor(() -> robot.lookup("#actionLogTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<org.jaildesk.domain.AuditEntry> log = robot.lookup("#actionLogTable").queryAs(TableView.class);
        waitFor(() -> log.getItems().size() == 3);
        assertEquals(java.util.Set.of("fetchrelease", "cancel", "login"),
                log.getItems().stream().map(org.jaildesk.domain.AuditEntry::action).collect(java.util.stream.Collectors.toSet()));
        org.jaildesk.domain.AuditEntry download = log.getItems().stream().filter(e -> e.action().equals("fetchrelease"))
                .findFirst().orElseThrow();
        assertEquals("admin", download.user());
        assertEquals("13.4-RELEASE", download.target());
        assertEquals("3 entries (the newest first)", robot.lookup("#actionLogSaid").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#actionLogAll").queryAs(javafx.scene.control.Button.class).isDisabled(), "nothing older to read");
        assertFalse(robot.lookup("#actionLogExport").queryAs(javafx.scene.control.Button.class).isDisabled(), "the rows can be saved");
        // The logins hidden on asking: the changes alone; shown again.
        robot.clickOn("#actionLogLogins");
        waitFor(() -> log.getItems().size() == 2);
        assertTrue(log.getItems().stream().noneMatch(e -> e.action().equals("login")));
        assertEquals("2 shown without the logins", robot.lookup("#actionLogHidden").queryAs(Label.class).getText());
        robot.clickOn("#actionLogLogins");
        waitFor(() -> log.getItems().size() == 3);
        assertFalse(robot.lookup("#actionLogHidden").queryAs(Label.class).isVisible());
        // Words to look for, each in some field, any case: the download alone; none; all again.
        javafx.scene.control.TextField filter = robot.lookup("#actionLogFilter").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(filter).write("ADMIN 13.4");
        waitFor(() -> log.getItems().size() == 1);
        assertEquals("fetchrelease", log.getItems().get(0).action());
        assertEquals("1 matches", robot.lookup("#actionLogHidden").queryAs(Label.class).getText());
        robot.interact(() -> filter.setText("13.4 nobody"));
        waitFor(() -> log.getItems().isEmpty());
        assertEquals("none of them match", robot.lookup("#actionLogHidden").queryAs(Label.class).getText());
        // A page of text pasted is refused whole: the filter stays as it was.
        robot.interact(() -> filter.replaceText(0, filter.getLength(), "x".repeat(10 * 1024 * 1024)));
        assertEquals("13.4 nobody", filter.getText());
        robot.interact(filter::clear);
        waitFor(() -> log.getItems().size() == 3);
        assertFalse(robot.lookup("#actionLogHidden").queryAs(Label.class).isVisible());
        robot.interact(() -> ((javafx.stage.Stage) log.getScene().getWindow()).close());
    }

    /** JavaFX's own words (Cancel, OK) follow the window's language, not the system's. */
    @Test
    void aGermanWindowHasGermanButtonsOnAnEnglishSystem(FxRobot robot) throws Exception {
        java.util.Locale system = java.util.Locale.getDefault();
        Path config = dir.resolve("config-de");
        Files.createDirectories(config);
        Files.writeString(config.resolve("ui-state.json"), "{\"settings\":{\"language\":\"de\"}}");
        try {
            java.util.Locale.setDefault(java.util.Locale.US);
            AppContext ctx = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty());
            WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get();
            robot.clickOn("#addHost");
            waitFor(() -> robot.lookup("#hostUrl").tryQuery().isPresent());
            javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) robot.lookup("#hostUrl").query().getScene().getRoot();
            javafx.scene.control.Button cancel = (javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL);
            assertEquals("Abbrechen", cancel.getText());
            robot.interact(cancel::fire);
        } finally {
            java.util.Locale.setDefault(system);
        }
    }

    private static javafx.scene.control.MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
