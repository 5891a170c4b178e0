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
        assertEquals("nas ended your session (your password may have been changed there, the login key it began with revoked, or the session lapsed): log in again.",
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
}
