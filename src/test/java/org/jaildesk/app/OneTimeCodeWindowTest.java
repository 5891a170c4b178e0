package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A login that needs the code of an authenticator app, in the whole window: asked after the password, then in. */
class OneTimeCodeWindowTest extends AppWindowTest {

    private RealServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCodeIsAskedAfterThePasswordAndTheHostsJailsFollow(FxRobot robot) throws Exception {
        String[] secret = new String[1];
        server = RealServer.start(dir.resolve("codeserver"), SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON),
                users -> secret[0] = users.setCodes("admin", true));
        Path config = server.desktopConfig(dir.resolve("codeconfig"), "admin");
        AppContext ctx = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty());
        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get();
        robot.clickOn("nas");
        waitFor(() -> robot.lookup("#passwordField").match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent());
        robot.clickOn("#passwordField").write(RealServer.PASSWORD);
        robot.clickOn("OK");
        waitFor(() -> robot.lookup("#codeField").match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent());
        Button ok = robot.lookup("#codeOk").queryAs(Button.class);
        robot.clickOn("#codeField").write("12345");
        assertTrue(ok.isDisabled(), "six digits");
        String code = org.jaildesk.server.ServerCodes.now(secret[0]);
        robot.interact(() -> robot.lookup("#codeField").queryAs(javafx.scene.control.TextField.class).setText(code));
        waitFor(() -> !ok.isDisabled());
        robot.clickOn("#codeOk");
        waitFor(() -> ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size() == 12);
    }
}
