package org.jaildesk.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.TableView;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window tests against a real server ({@link RealServer}): the server stopped after each, and the usual steps. */
abstract class RealServerWindowTest extends AppWindowTest {

    RealServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** The desktop started on the test's stage with {@code config}, without iocage; {@code secretTool} where given. */
    void startDesktop(Path config, Optional<Path> secretTool) throws Exception {
        AppContext ctx = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty(),
                secretTool);
        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get();
    }

    /** Picks the host "nas" and types {@code password} when it is asked. */
    static void pickAndTypePassword(FxRobot robot, String password) throws Exception {
        robot.clickOn("nas");
        waitFor(() -> robot.lookup("#passwordField").match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent());
        robot.clickOn("#passwordField").write(password);
    }

    /** Waits until the jail table holds the demo host's twelve jails. */
    static void awaitTwelveJails(FxRobot robot) throws Exception {
        waitFor(() -> ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size() == 12);
    }
}
