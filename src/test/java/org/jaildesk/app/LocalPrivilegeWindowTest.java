package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jaildesk.host.FakeIocage;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * This machine's iocage needs root for everything but reading; a desktop user runs it through doas or sudo, chosen in
 * the Host menu, remembered, and used from the next command on.
 */
@ExtendWith(ApplicationExtension.class)
class LocalPrivilegeWindowTest {

    @TempDir
    static Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return c.call();
        });
    }

    private MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i instanceof Menu).flatMap(m -> ((Menu) m).getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private List<String> notices(FxRobot robot) {
        return robot.lookup(".notice .label").queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void iocageRunsThroughDoasOnceChosenAndDirectlyAgain(FxRobot robot) throws Exception {
        FakeIocage fake = new FakeIocage(dir.resolve("fake"), FakeIocage.Kind.PYTHON);
        Path config = dir.resolve("config");
        AppContext ctx = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON),
                Optional.of(fake.executable()));
        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get();
        waitFor(() -> ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size() == 5);
        int directly = fake.calls().size();
        TableView<?> table = (TableView<?>) robot.lookup("#jailTable").query();
        robot.interact(() -> table.getSelectionModel().select(1));
        waitFor(() -> !robot.lookup("#tb-start").queryButton().isDisabled() || !robot.lookup("#tb-stop").queryButton().isDisabled());

        MenuItem doas = menuItem(robot, "menu-privilege-doas");
        assertEquals("Through doas -n (needs a nopass rule)", doas.getText());
        robot.interact(doas::fire);
        // doas is not installed here (and would refuse without a rule): the listing fails naming it, and iocage
        // itself was not run again.
        waitFor(() -> notices(robot).stream().anyMatch(t -> t.contains("doas")));
        assertEquals(directly, fake.calls().size(), "iocage ran without doas: " + fake.calls());
        assertTrue(Files.readString(config.resolve("ui-state.json")).contains("\"localPrivilege\" : \"DOAS\""));
        // The toolbar follows the reopened host (nothing listed, nothing selected), not the old one's selection.
        assertTrue(robot.lookup("#tb-start").queryButton().isDisabled() && robot.lookup("#tb-stop").queryButton().isDisabled());

        robot.interact(menuItem(robot, "menu-privilege-none")::fire);
        waitFor(() -> notices(robot).isEmpty() && fake.calls().size() > directly);
        assertEquals(5, ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size());
        assertTrue(Files.readString(config.resolve("ui-state.json")).contains("\"localPrivilege\" : \"NONE\""));
    }

    @Test
    void anUnknownSavedSettingRunsIocageDirectly() {
        assertEquals(ProcessRunner.Privilege.NONE, AppContext.privilege("ROOTKIT"));
        assertEquals(ProcessRunner.Privilege.NONE, AppContext.privilege(""));
        assertEquals(ProcessRunner.Privilege.DOAS, AppContext.privilege("DOAS"));
        assertEquals(ProcessRunner.Privilege.SUDO, AppContext.privilege("SUDO"));
    }
}
