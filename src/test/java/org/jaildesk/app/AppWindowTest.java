package org.jaildesk.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** What the tests of the whole window ({@link AppContext#start} on TestFX's stage) share. */
@ExtendWith(ApplicationExtension.class)
abstract class AppWindowTest {

    @TempDir
    static Path dir;
    Stage stage;

    /** The stage TestFX sets up for each test (its {@code @Start} methods are looked for in the test class only). */
    @BeforeEach
    void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        names = org.jaildesk.ui.AccessibleNames.watch();
    }

    /** The windows each test shows, and the main window as it ends: every field, list and table can be named. */
    private org.jaildesk.ui.AccessibleNames.Watch names;

    @org.junit.jupiter.api.AfterEach
    void everyControlHasAName() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (stage.getScene() != null) {
                names.look(stage.getScene().getRoot());
            }
        }).get();
        names.check();
    }

    /** Waits up to 20 s for {@code c}, letting the FX thread run between looks. */
    static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return c.call();
        });
    }

    /** The lines of the notice bar. */
    static List<String> notices(FxRobot robot) {
        return robot.lookup(".notice .label").queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }
}
