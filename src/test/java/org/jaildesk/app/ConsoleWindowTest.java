package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.jaildesk.domain.Jail;
import org.jaildesk.host.FakeIocage;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.MenuItems;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Jail ▸ Open console on this machine: the terminal chosen in Host ▸ Terminal for consoles… (checked as typed, kept),
 * started with iocage console of the selected running jail; off, saying why, for a stopped jail and the demo host.
 */
class ConsoleWindowTest extends AppWindowTest {

    @Test
    void aRunningJailsConsoleOpensInTheTerminalChosen(FxRobot robot) throws Exception {
        FakeIocage fake = new FakeIocage(dir.resolve("fake"), FakeIocage.Kind.PYTHON);
        Path out = dir.resolve("terminal-argv");
        Path terminal = dir.resolve("fake-terminal");
        Files.writeString(terminal, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + out + "'\n");
        Files.setPosixFilePermissions(terminal, PosixFilePermissions.fromString("rwx------"));
        Path config = dir.resolve("config");
        AppContext ctx = new AppContext(config, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON),
                Optional.of(fake.executable()));
        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get();
        @SuppressWarnings("unchecked")
        TableView<Jail> table = (TableView<Jail>) robot.lookup("#jailTable").query();
        waitFor(() -> table.getItems().size() == 5);

        select(robot, table, "mail");
        waitFor(() -> MenuItems.byId(robot, "menu-console").isDisable());
        assertEquals("mail is not running: start it first (a console is a login in the running jail).",
                MenuItems.whyOff(robot, "menu-console"));

        // The terminal: a name that is not on PATH is refused as typed; the fake terminal's path is kept.
        robot.interact(MenuItems.byId(robot, "menu-terminal")::fire);
        waitFor(() -> robot.lookup("#terminalCommand").tryQuery().isPresent());
        waitFor(() -> !robot.lookup("#terminalFound").queryAs(Label.class).getText().startsWith("Looking"));
        TextField command = robot.lookup("#terminalCommand").queryAs(TextField.class);
        robot.interact(() -> command.setText("no-such-terminal -e"));
        waitFor(() -> "no-such-terminal is not on PATH".equals(robot.lookup("#terminalError").queryAs(Label.class).getText()));
        assertTrue(robot.lookup("#terminalSave").queryButton().isDisabled());
        robot.interact(() -> command.setText(terminal + " -e"));
        waitFor(() -> !robot.lookup("#terminalSave").queryButton().isDisabled());
        assertEquals("", robot.lookup("#terminalError").queryAs(Label.class).getText());
        robot.clickOn("#terminalSave");
        waitFor(() -> Files.readString(config.resolve("ui-state.json")).contains("\"terminal\" : \"" + terminal + " -e\""));

        select(robot, table, "db01");
        waitFor(() -> !MenuItems.byId(robot, "menu-console").isDisable());
        robot.interact(MenuItems.byId(robot, "menu-console")::fire);
        waitFor(() -> Files.exists(out) && Files.readAllLines(out).size() == 4);
        assertEquals(List.of("-e", fake.executable().toString(), "console", "db01"), Files.readAllLines(out));
        waitFor(() -> robot.lookup("#status").queryAs(Label.class).getText().equals("Opened the console of db01 in fake-terminal"));
        assertTrue(notices(robot).isEmpty(), notices(robot).toString());
        assertFalse(fake.calls().stream().anyMatch(c -> c.contains("console")), "iocage console is the terminal's, not run here");

        // The demo host's jails are simulated: no console, and the menu says so.
        robot.clickOn(SimulatedIocage.DISPLAY_NAME);
        waitFor(() -> table(robot).getItems().size() == 12);
        select(robot, table(robot), "db01");
        waitFor(() -> MenuItems.byId(robot, "menu-console").isDisable());
        assertEquals("The demo host is simulated: its jails have no console to open.", MenuItems.whyOff(robot, "menu-console"));
    }

    @SuppressWarnings("unchecked")
    private static TableView<Jail> table(FxRobot robot) {
        return (TableView<Jail>) robot.lookup("#jailTable").query();
    }

    private static void select(FxRobot robot, TableView<Jail> table, String name) {
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).tag().equals(name)) {
                    table.getSelectionModel().select(i);
                }
            }
        });
    }
}
