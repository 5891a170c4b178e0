package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import javafx.scene.control.Button;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A login that needs the code of an authenticator app, in the whole window: asked after the password, then in. */
class OneTimeCodeWindowTest extends RealServerWindowTest {

    @Test
    void theCodeIsAskedAfterThePasswordAndTheHostsJailsFollow(FxRobot robot) throws Exception {
        String[] secret = new String[1];
        server = RealServer.start(dir.resolve("codeserver"), SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON),
                users -> secret[0] = users.setCodes("admin", true));
        startDesktop(server.desktopConfig(dir.resolve("codeconfig"), "admin"), Optional.empty());
        pickAndTypePassword(robot, RealServer.PASSWORD);
        robot.clickOn("OK");
        waitFor(() -> robot.lookup("#codeField").match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent());
        Button ok = robot.lookup("#codeOk").queryAs(Button.class);
        robot.clickOn("#codeField").write("12345");
        assertTrue(ok.isDisabled(), "six digits");
        String code = org.jaildesk.server.ServerCodes.now(secret[0]);
        robot.interact(() -> robot.lookup("#codeField").queryAs(javafx.scene.control.TextField.class).setText(code));
        waitFor(() -> !ok.isDisabled());
        robot.clickOn("#codeOk");
        awaitTwelveJails(robot);
    }
}
