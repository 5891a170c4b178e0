package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.base.NodeMatchers;

/**
 * The user's password changed on the host while the window is connected: the next refresh asks the password again,
 * saying that the host ended the session, and with the new one the table lists again, without an error.
 */
class SessionEndedWindowTest extends RealServerWindowTest {

    @Test
    void aPasswordChangedOnTheHostIsAskedOnceWithTheReasonAndTheTableListsAgain(FxRobot robot) throws Exception {
        server = RealServer.start(dir.resolve("server"));
        startDesktop(server.desktopConfig(dir.resolve("config"), "admin"), Optional.empty());
        pickAndTypePassword(robot, RealServer.PASSWORD);
        assertFalse(robot.lookup("#passwordEnded").tryQuery().isPresent(), "a first login is no session ended");
        robot.clickOn("OK");
        awaitTwelveJails(robot);

        server.users.put("admin", "a brand new passphrase".toCharArray());
        robot.clickOn("#tb-refresh");
        waitFor(() -> robot.lookup("#passwordEnded").match(NodeMatchers.isVisible()).tryQuery().isPresent());
        assertEquals("nas ended your session (it lapsed or the host restarted, or your password was changed there or the login key it began with revoked): log in again.",
                robot.lookup("#passwordEnded").queryAs(Label.class).getText());
        robot.clickOn("#passwordField").write("a brand new passphrase");
        robot.clickOn("OK");
        waitFor(() -> !robot.lookup("#passwordField").tryQuery().isPresent());
        // The refresh that met the ended session went through: nothing says the table is old any more.
        waitFor(() -> !robot.lookup("#stale").queryAs(Label.class).isVisible()
                && robot.lookup("#listedAt").queryAs(Label.class).isVisible());
        awaitTwelveJails(robot);
        assertTrue(notices(robot).isEmpty(), notices(robot).toString());
    }

    /**
     * The host restarted: the desktop connects again with its session's token, which the new run refuses without
     * counting it as a failed login, and the password dialog says why it asks; the table lists again after it.
     */
    @Test
    void aHostRestartedIsAskedForWithTheReasonAndTheTableListsAgain(FxRobot robot) throws Exception {
        server = RealServer.start(dir.resolve("server"));
        startDesktop(server.desktopConfig(dir.resolve("config"), "admin"), Optional.empty());
        pickAndTypePassword(robot, RealServer.PASSWORD);
        robot.clickOn("OK");
        awaitTwelveJails(robot);

        server.restart();
        robot.clickOn("#tb-refresh");
        waitFor(() -> robot.lookup("#passwordEnded").match(NodeMatchers.isVisible()).tryQuery().isPresent());
        assertTrue(robot.lookup("#passwordEnded").queryAs(Label.class).getText().startsWith("nas ended your session"));
        assertTrue(java.nio.file.Files.readString(server.auditFile()).contains("action=login target=token result=error:server_restarted"));
        robot.clickOn("#passwordField").write(RealServer.PASSWORD);
        robot.clickOn("OK");
        waitFor(() -> !robot.lookup("#passwordField").tryQuery().isPresent());
        waitFor(() -> !robot.lookup("#stale").queryAs(Label.class).isVisible()
                && robot.lookup("#listedAt").queryAs(Label.class).isVisible());
        awaitTwelveJails(robot);
    }
}
