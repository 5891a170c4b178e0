package org.jaildesk.ui;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** For TestFX tests of the main window: a fresh settings folder and window per test, over a demo host. */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {

    @TempDir
    Path config;
    MainWindowPage page;
    Stage stage;

    /** The primary stage the ApplicationExtension set up (its {@code @Start} methods are looked up on the test class only). */
    @BeforeEach
    void takeStage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    /** The window over a demo host made with {@code sim}, once its 12 jails are in the table. */
    MainWindowPage open(FxRobot robot, SimulatedIocage.Config sim) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> page = MainWindowPage.open(robot, stage, config, sim)).get();
        page.waitFor(() -> page.rows().size() == 12);
        return page;
    }

    MainWindowPage open(FxRobot robot, SimulatedIocage.Flavor flavor) throws Exception {
        return open(robot, SimulatedIocage.Config.instant(flavor));
    }

    MainWindowPage open(FxRobot robot) throws Exception {
        return open(robot, SimulatedIocage.Flavor.PYTHON);
    }

    @AfterEach
    void closeWindow() {
        if (page != null) {
            page.close();
        }
    }
}
