package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import org.jaildesk.host.FakeIocage;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.MenuItems;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * This machine's iocage needs root for everything but reading; a desktop user runs it through doas or sudo, chosen in
 * the Host menu, remembered, and used from the next command on.
 */
class LocalPrivilegeWindowTest extends AppWindowTest {

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

        MenuItem doas = MenuItems.byId(robot, "menu-privilege-doas");
        assertEquals("Through doas -n (needs a nopass rule)", doas.getText());
        robot.interact(doas::fire);
        // doas is not installed here (and would refuse without a rule): the listing fails naming it, and iocage
        // itself was not run again.
        waitFor(() -> notices(robot).stream().anyMatch(t -> t.contains("doas")));
        assertEquals(directly, fake.calls().size(), "iocage ran without doas: " + fake.calls());
        assertTrue(Files.readString(config.resolve("ui-state.json")).contains("\"localPrivilege\" : \"DOAS\""));
        // The toolbar follows the reopened host (nothing listed, nothing selected), not the old one's selection.
        assertTrue(robot.lookup("#tb-start").queryButton().isDisabled() && robot.lookup("#tb-stop").queryButton().isDisabled());

        robot.interact(MenuItems.byId(robot, "menu-privilege-none")::fire);
        waitFor(() -> notices(robot).isEmpty() && fake.calls().size() > directly);
        assertEquals(5, ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size());
        assertTrue(Files.readString(config.resolve("ui-state.json")).contains("\"localPrivilege\" : \"NONE\""));
    }

    /**
     * A start still running when the choice changes finishes on the old host; its change event refreshes the table
     * shown now, and the old session does not come back with notices of its own.
     */
    @Test
    void aJobRunningWhenTheChoiceChangesFinishesAndRefreshesTheNewTable(FxRobot robot) throws Exception {
        FakeIocage fake = new FakeIocage(dir.resolve("fake2"), FakeIocage.Kind.PYTHON);
        fake.mode("gate-start");
        Path config = dir.resolve("config2");
        AppContext ctx = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON),
                Optional.of(fake.executable()));
        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get();
        waitFor(() -> ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size() == 5);
        TableView<?> table = (TableView<?>) robot.lookup("#jailTable").query();
        int mail = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).toString().contains("mail")) {
                mail = i;
            }
        }
        int row = mail;
        robot.interact(() -> table.getSelectionModel().select(row));
        robot.interact(() -> robot.lookup("#tb-start").queryButton().fire());
        waitFor(() -> fake.actionCalls().stream().anyMatch(c -> c.get(0).equals("start")));

        robot.interact(MenuItems.byId(robot, "menu-privilege-doas")::fire);
        robot.interact(MenuItems.byId(robot, "menu-privilege-none")::fire);
        waitFor(() -> ((TableView<?>) robot.lookup("#jailTable").query()).getItems().size() == 5);
        long listings = fake.actionCalls().stream().filter(c -> c.get(0).equals("list")).count();

        Files.writeString(fake.executable().getParent().resolve("go"), "");
        // Either the new table is listed again (the event reached it) or the old session fails on its retired host.
        waitFor(() -> fake.actionCalls().stream().filter(c -> c.get(0).equals("list")).count() > listings
                || notices(robot).stream().anyMatch(t -> t.contains("shutting down")));
        waitFor(() -> ((TableView<?>) robot.lookup("#jobsTable").query()).getItems().toString().contains("DONE")
                || robot.lookup("#jobsTable .table-cell").queryAll().stream()
                        .anyMatch(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && "done".equals(c.getText())));
        assertTrue(notices(robot).stream().noneMatch(t -> t.contains("shutting down")), notices(robot).toString());
    }

    /** The hosts the window brings are named in its language, the demo host too (a German window said "Demo host"). */
    @Test
    void theBuiltInHostsAreNamedInTheWindowsLanguage() {
        AppContext ctx = new AppContext(dir.resolve("names"), SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON),
                Optional.of(dir.resolve("iocage")));
        assertEquals(java.util.List.of("Dieser Rechner (iocage)", "Demo-Host (simuliert)"), ctx.builtInHosts(
                new org.jaildesk.ui.common.Messages(java.util.Locale.GERMAN)).stream().map(h -> h.name()).toList());
        assertEquals(java.util.List.of("This machine (iocage)", "Demo host (simulated)"), ctx.builtInHosts(
                new org.jaildesk.ui.common.Messages(java.util.Locale.ENGLISH)).stream().map(h -> h.name()).toList());
    }

    @Test
    void anUnknownSavedSettingRunsIocageDirectly() {
        assertEquals(ProcessRunner.Privilege.NONE, AppContext.privilege("ROOTKIT"));
        assertEquals(ProcessRunner.Privilege.NONE, AppContext.privilege(""));
        assertEquals(ProcessRunner.Privilege.DOAS, AppContext.privilege("DOAS"));
        assertEquals(ProcessRunner.Privilege.SUDO, AppContext.privilege("SUDO"));
    }
}
