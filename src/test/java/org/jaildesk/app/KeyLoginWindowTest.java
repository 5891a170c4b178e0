package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.TableView;
import org.jaildesk.server.UserKeys;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Key login from the whole window against the real server, with a stand-in {@code secret-tool} that keeps its secrets as
 * files (the process path is the real one): the key chosen at the password, the next start without a password, and
 * the key revoked in Host ▸ Login keys….
 */
class KeyLoginWindowTest extends RealServerWindowTest {

    /** A {@code secret-tool} that stores in {@code ring}, a file per host and user, and counts its lookups. */
    private static Path secretTool(Path ring) throws Exception {
        Files.createDirectories(ring);
        Path tool = ring.resolveSibling(ring.getFileName() + "-secret-tool");
        Files.writeString(tool, """
                #!/bin/sh
                ring='%s'
                verb=$1; shift
                [ "$verb" = store ] && shift
                name=$(printf '%%s' "$*" | tr -c 'A-Za-z0-9' '_')
                case $verb in
                  store) cat > "$ring/$name" ;;
                  lookup) echo x >> "$ring.lookups"; if [ -f "$ring/$name" ]; then cat "$ring/$name"; else exit 1; fi ;;
                  clear) rm -f "$ring/$name" ;;
                  search) ;;
                  *) echo "secret-tool: unknown verb" >&2; exit 2 ;;
                esac
                """.formatted(ring));
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        return tool;
    }

    /**
     * The server started in {@code state}, the desktop with {@code tool}, nas picked, its password typed and *Log in with
     * a key from now on* ticked: once the host took the key. The desktop's config folder ({@code state} beside it).
     */
    private Path keyChosenAtThePassword(FxRobot robot, Path state, Optional<Path> tool) throws Exception {
        server = RealServer.start(state);
        Path config = server.desktopConfig(state.resolveSibling(state.getFileName() + "-config"), "admin");
        startDesktop(config, tool);
        pickAndTypePassword(robot, RealServer.PASSWORD);
        javafx.scene.control.CheckBox key = robot.lookup("#passwordKey").queryAs(javafx.scene.control.CheckBox.class);
        assertFalse(key.isSelected(), "a key is left on the host only when asked for");
        robot.clickOn("#passwordKey");
        robot.clickOn("OK");
        awaitTwelveJails(robot);
        waitFor(() -> notices(robot).stream().anyMatch(n -> n.contains("nas will log you in with this desktop's key from now on"))
                || robot.lookup("#status").queryAs(javafx.scene.control.Label.class).getText().contains("this desktop's key"));
        return config;
    }

    /** The desktop started anew on {@code config}, nas picked: logged in with the key kept, no password asked. */
    private void startAgainLoggedInByKey(FxRobot robot, Path config, Optional<Path> tool) throws Exception {
        AppContext again = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty(), tool);
        WaitForAsyncUtils.asyncFx(() -> again.start(stage)).get();
        robot.clickOn("nas");
        awaitTwelveJails(robot);
        assertTrue(robot.lookup("#passwordField").tryQuery().isEmpty(), "no password asked: the key logged in");
    }

    /**
     * Removes the selected host, as confirmed in the dialog that asks, which says {@code keySaid} of its login key
     * (null: not looked at).
     */
    private static void removeHost(FxRobot robot, String keySaid) throws Exception {
        robot.clickOn("#removeHost");
        waitFor(() -> robot.lookup("#removeHostConfirm").tryQuery().isPresent());
        javafx.stage.Window dialog = robot.lookup("#removeHostDialog").query().getScene().getWindow();
        assertTrue(dialog.getWidth() < 700, "the dialog's text wraps: " + dialog.getWidth());
        if (keySaid != null) {
            String said = RemoteHostWindowTest.removeQuestion(robot);
            assertTrue(said.contains(keySaid), said);
        }
        robot.clickOn("#removeHostConfirm");
    }

    /** What the Remove question says of a key it revokes over the connection, and of one it can only drop. */
    private static final String REVOKES = "This desktop's login key for it is revoked there, over the connection logged in"
            + " now, and taken out of the keyring.";
    private static final String DROPS = "This desktop's login key for it is taken out of the keyring; JailDesk is not"
            + " logged in there now, so the host keeps it registered until it is revoked there (jaildesk user keys admin"
            + " --revoke KEY";

    /**
     * A host removed from the list while logged in: its key revoked on the host over that connection, then out of the
     * keyring, and said so.
     */
    @Test
    void aRemovedHostsKeyIsRevokedThereAndLeavesTheKeyring(FxRobot robot) throws Exception {
        // The class's folder is shared by its tests: this one's server and keyring of its own.
        Path ring = dir.resolve("removed-ring");
        Path config = keyChosenAtThePassword(robot, dir.resolve("removed"), Optional.of(secretTool(ring)));
        waitFor(() -> Files.readString(config.resolve("ui-state.json")).contains("\"loginKey\" : true"));
        // Asked first; cancelled, nothing goes.
        robot.clickOn("#removeHost");
        waitFor(() -> robot.lookup("#removeHostDialog").tryQuery().isPresent());
        assertEquals("Remove nas from the list?", robot.lookup("#removeHostDialog")
                .queryAs(javafx.scene.control.DialogPane.class).getHeaderText());
        assertTrue(RemoteHostWindowTest.removeQuestion(robot).contains(REVOKES));
        robot.clickOn("Cancel");
        waitFor(() -> robot.lookup("#removeHostDialog").tryQuery().isEmpty());
        assertEquals(1, Files.list(ring).count(), "cancelled: the key stays");
        assertTrue(robot.lookup("nas").tryQuery().isPresent(), "cancelled: the host stays");
        // Its login keys open: the window goes with the host (it would speak to a closed connection).
        robot.clickOn("#menu-host");
        robot.clickOn("#menu-loginKeys");
        waitFor(() -> robot.lookup("#loginKeysTable").tryQuery().isPresent());
        javafx.stage.Window keys = robot.lookup("#loginKeysTable").query().getScene().getWindow();
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#hosts").query().getScene().getWindow()).toFront());
        removeHost(robot, REVOKES);
        waitFor(() -> !keys.isShowing());
        waitFor(() -> notices(robot).stream().anyMatch(n -> n.equals(
                "The login key of admin on nas is revoked there and gone from this desktop's keyring.")));
        assertEquals(0, Files.list(ring).count());
        waitFor(() -> Files.readString(config.resolve("ui-state.json")).contains("\"loginKey\" : false"));
        assertEquals(List.of(), UserKeys.load(UserKeys.fileFor(dir.resolve("removed").resolve("users"))).of("admin"),
                "the host lists it no more");
        assertTrue(Files.readString(server.auditFile()).contains("action=revoke_ssl_cert target=JailDesk_on_"));
    }

    /**
     * A host removed while its key cannot be revoked there, its session ended on the host (a new password there): the
     * key leaves the keyring all the same, no password is asked for a host that left, and the notice says how to revoke
     * it.
     */
    @Test
    void aRemovedHostsKeyLeavesTheKeyringWithoutAPasswordAskedWhenItsSessionEnded(FxRobot robot) throws Exception {
        Path ring = dir.resolve("unreached-ring");
        Path state = dir.resolve("unreached");
        Path config = keyChosenAtThePassword(robot, state, Optional.of(secretTool(ring)));
        waitFor(() -> Files.readString(config.resolve("ui-state.json")).contains("\"loginKey\" : true"));
        // The desktop's session ends; logging in again would take the key, which is on its way out, else the password.
        server.users.put("admin", "a brand new passphrase".toCharArray());
        // The question is asked before the desktop learns of the ended session: what it says of the key is not looked at.
        removeHost(robot, null);
        waitFor(() -> notices(robot).stream().anyMatch(n -> n.startsWith("The login key of admin on nas is gone from this"
                + " desktop's keyring, but it could not be revoked on nas from here: revoke it there")));
        assertEquals(0, Files.list(ring).count());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#passwordField").tryQuery().isEmpty(), "no password asked for a host that left");
        assertEquals(1, UserKeys.load(UserKeys.fileFor(state.resolve("users"))).of("admin").size(),
                "the host still lists it, as the notice says");
    }

    /** A host removed while not connected (its server stopped): nothing is sent, the key leaves the keyring. */
    @Test
    void aRemovedHostsKeyWhileNotConnectedLeavesTheKeyringAndIsSaid(FxRobot robot) throws Exception {
        Path ring2 = dir.resolve("stopped-ring");
        Path config2 = keyChosenAtThePassword(robot, dir.resolve("stopped"), Optional.of(secretTool(ring2)));
        waitFor(() -> Files.readString(config2.resolve("ui-state.json")).contains("\"loginKey\" : true"));
        server.stopServing();
        // Once the desktop has seen its connection go, the question says the key can only leave the keyring.
        waitFor(() -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getAccessibleText() != null && c.getAccessibleText().startsWith("nas, ")
                && !c.getAccessibleText().equals("nas, connected")).tryQuery().isPresent());
        removeHost(robot, DROPS);
        waitFor(() -> notices(robot).stream().anyMatch(n -> n.startsWith("The login key of admin on nas is gone from this"
                + " desktop's keyring, but it could not be revoked")));
        assertEquals(0, Files.list(ring2).count());
        assertEquals(1, UserKeys.load(UserKeys.fileFor(dir.resolve("stopped").resolve("users"))).of("admin").size(),
                "the host still lists it, as the notice says");
    }

    @Test
    void aKeyChosenAtThePasswordLogsInAtTheNextStartAndIsRevokedInLoginKeys(FxRobot robot) throws Exception {
        Path state = dir.resolve("keyserver");
        Path ring = dir.resolve("ring");
        Optional<Path> tool = Optional.of(secretTool(ring));
        Path config = keyChosenAtThePassword(robot, state, tool);
        List<UserKeys.Key> keys = UserKeys.load(UserKeys.fileFor(state.resolve("users"))).of("admin");
        assertEquals(1, keys.size());
        try (var files = Files.list(ring)) {
            assertEquals(1, files.count(), "the private key is in the keyring");
        }
        try (var files = Files.walk(config)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains("PRIVATE") || text.contains("passphrase"), "a secret reached " + f);
            }
        }

        // The keyring was not asked before there was a key (a locked one would ask to be unlocked), and that there is one
        // is kept with the host's layout (not the key).
        assertFalse(Files.exists(dir.resolve("ring.lookups")), "no lookups before the key was made");
        waitFor(() -> Files.readString(config.resolve("ui-state.json")).contains("\"loginKey\" : true"));

        // The next start: the key, no password.
        startAgainLoggedInByKey(robot, config, tool);

        // Host ▸ Login keys…: this desktop's key, revoked.
        robot.clickOn("#menu-host");
        robot.clickOn("#menu-loginKeys");
        waitFor(() -> robot.lookup("#loginKeysTable").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#loginKeysTable").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == 1);
        waitFor(() -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "this desktop".equals(c.getText())).tryQuery().isPresent());
        assertEquals("1 login key", robot.lookup("#loginKeysSaid").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getText() != null
                && c.getText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")).tryQuery().isPresent(), "the time, in this desktop's zone");
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#loginKeysRevoke");
        waitFor(() -> robot.lookup("#revokeKeyDialog").tryQuery().isPresent());
        assertTrue(robot.lookup("#revokeKeyDialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText()
                .startsWith("Revoke the key \"JailDesk on "));
        robot.clickOn("#revokeKeyConfirm");
        // The session began with that key and ended with it: the keys are read again after the password, and the
        // desktop, whose key left its keyring first, tries no key that the host would count as a failed login.
        waitFor(() -> robot.lookup("#passwordEnded").match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent());
        assertTrue(UserKeys.load(UserKeys.fileFor(state.resolve("users"))).of("admin").isEmpty());
        waitFor(() -> {
            try (var files = Files.list(ring)) {
                return files.count() == 0;
            }
        });
        robot.clickOn("#passwordField").write(RealServer.PASSWORD);
        robot.clickOn("OK");
        waitFor(() -> table.getItems().isEmpty());
        assertFalse(Files.readString(server.auditFile()).contains("target=key result=error"),
                "no failed key login: " + Files.readString(server.auditFile()));
        AtomicInteger lookups = new AtomicInteger((int) Files.readAllLines(dir.resolve("ring.lookups")).size());
        assertTrue(lookups.get() >= 2, "the keyring was asked at the start and for the window");
        waitFor(() -> Files.readString(config.resolve("ui-state.json")).contains("\"loginKey\" : false"));
    }

    /**
     * A key revoked elsewhere (here by another process on the host) while this desktop's session began with it: the
     * host says so, and the desktop forgets the key and asks the password without trying the key once more (a failed
     * login counted against its address; several desktops behind one address would block it).
     */
    @Test
    void aKeyRevokedElsewhereIsForgottenNotTriedAndThePasswordAsked(FxRobot robot) throws Exception {
        Path state = dir.resolve("elsewhere");
        Path ring = dir.resolve("elsewhere-ring");
        Optional<Path> tool = Optional.of(secretTool(ring));
        Path config = keyChosenAtThePassword(robot, state, tool);
        waitFor(() -> Files.readString(config.resolve("ui-state.json")).contains("\"loginKey\" : true"));
        startAgainLoggedInByKey(robot, config, tool);

        UserKeys.load(UserKeys.fileFor(state.resolve("users"))).keepOnly(List.of());
        robot.clickOn("#tb-refresh");
        waitFor(() -> robot.lookup("#passwordEnded").match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent());
        waitFor(() -> Files.list(ring).count() == 0);
        assertFalse(Files.readString(server.auditFile()).contains("target=key result=error"),
                "the revoked key was not tried: " + Files.readString(server.auditFile()));
        robot.clickOn("#passwordField").write(RealServer.PASSWORD);
        robot.clickOn("OK");
        waitFor(() -> robot.lookup("#passwordField").tryQuery().isEmpty());
        awaitTwelveJails(robot);
    }

    /** secret-tool without a keyring to reach (no session bus): no key is offered, rather than failing once chosen. */
    @Test
    void noKeyIsOfferedWhereTheToolReachesNoKeyring(FxRobot robot) throws Exception {
        server = RealServer.start(dir.resolve("keyserver"));
        Path config = server.desktopConfig(dir.resolve("keyconfig"), "admin");
        Path tool = dir.resolve("secret-tool");
        Files.writeString(tool, "#!/bin/sh\necho \"$1\" >> '" + dir.resolve("asked") + "'\n"
                + "echo 'secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY' >&2; exit 1\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        startDesktop(config, Optional.of(tool));
        pickAndTypePassword(robot, "a long passphrase");
        assertFalse(robot.lookup("#passwordKey").match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent(),
                "no key login offered");
        robot.clickOn("OK");
        awaitTwelveJails(robot);
        assertEquals(List.of("search"), Files.readAllLines(dir.resolve("asked")), "only asked whether a keyring is there");
    }
}
