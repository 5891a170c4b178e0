package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A server's user who may only read, in the whole window: the jails shown, every change off with the reason. */
class ReadOnlyWindowTest extends RealServerWindowTest {

    /** A server with the read-only user viewer; the desktop started and logged in as viewer, the jails listed. */
    private void asViewer(FxRobot robot, String name) throws Exception {
        server = RealServer.start(dir.resolve(name), SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON),
                users -> users.put("viewer", "viewer's passphrase".toCharArray(), true));
        startDesktop(server.desktopConfig(dir.resolve(name + "-config"), "viewer"), Optional.empty());
        pickAndTypePassword(robot, "viewer's passphrase");
        robot.clickOn("OK");
        awaitTwelveJails(robot);
    }

    @Test
    void aReadOnlyLoginSeesTheJailsAndEveryChangeIsOffWithTheReason(FxRobot robot) throws Exception {
        asViewer(robot, "roserver");
        // The rows come before their cells are laid out.
        waitFor(() -> robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && "mail".equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && "mail".equals(c.getText())).queryAs(Node.class));
        String why = "Your login on this host may only read: it lists and shows everything and changes nothing. "
                + "A user who may change is added on the host with jaildesk user add.";
        waitFor(() -> why.equals(robot.lookup("#tb-start").queryAs(Button.class).getAccessibleHelp()));
        for (String id : java.util.List.of("tb-start", "tb-create", "tb-destroy", "tb-clone", "tb-exec")) {
            Button b = robot.lookup("#" + id).queryAs(Button.class);
            assertTrue(b.isDisabled(), id);
            assertEquals(why, b.getAccessibleHelp(), id);
        }
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        for (String id : java.util.List.of("menu-activatePool", "menu-fetchRelease", "menu-cleanAll", "menu-protect")) {
            javafx.scene.control.MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError(id));
            assertTrue(item.isDisable(), id);
        }
        javafx.scene.control.MenuItem log = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-actionLog".equals(i.getId())).findFirst().orElseThrow();
        assertTrue(!log.isDisable(), "reading the action log is no change");
        robot.clickOn("Settings");
        waitFor(() -> why.equals(robot.lookup("#inspector-readOnly").queryAs(javafx.scene.control.Label.class).getText()));

        robot.clickOn("Snapshots");
        waitFor(() -> robot.lookup("#snapshotTake").tryQuery().isPresent());
        assertTrue(robot.lookup("#snapshotTake").queryAs(Button.class).isDisabled());
        waitFor(() -> why.equals(robot.lookup("#snapshotWhy").queryAs(javafx.scene.control.Label.class).getText()));
        robot.clickOn("Mounts");
        waitFor(() -> robot.lookup("#mountAdd").tryQuery().isPresent());
        assertTrue(robot.lookup("#mountAdd").queryAs(Button.class).isDisabled());
        waitFor(() -> why.equals(robot.lookup("#mountWhen").queryAs(javafx.scene.control.Label.class).getText()));

        // All hosts: the demo host's stopped mail can be started, nas's (read-only) cannot.
        robot.clickOn("#allHostsButton");
        waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Object> all = robot.lookup("#allHostsTable").queryAs(TableView.class);
        waitFor(() -> all.getItems().size() == 24);
        Button start = robot.lookup("#allHostsStart").queryAs(Button.class);
        int nasMail = -1;
        int demoMail = -1;
        for (int i = 0; i < all.getItems().size(); i++) {
            String row = all.getItems().get(i).toString();
            if (row.contains("name=nas") && row.contains("tag=mail")) {
                nasMail = i;
            } else if (row.contains("Demo host") && row.contains("tag=mail")) {
                demoMail = i;
            }
        }
        int[] rows = {nasMail, demoMail};
        assertTrue(rows[0] >= 0 && rows[1] >= 0, all.getItems().toString());
        // The window's Start (toolbar, menu, shortcut) follows the selection there: off with the read-only reason for
        // nas's stopped mail, which Start would otherwise take, on for the demo host's.
        Button windowStart = robot.lookup("#tb-start").queryAs(Button.class);
        robot.interact(() -> all.getSelectionModel().clearAndSelect(rows[0]));
        waitFor(start::isDisabled);
        waitFor(() -> windowStart.isDisabled() && why.equals(windowStart.getAccessibleHelp()));
        robot.interact(() -> all.getSelectionModel().clearAndSelect(rows[1]));
        waitFor(() -> !start.isDisabled());
        waitFor(() -> !windowStart.isDisabled());
    }

    /** The host edited to another user: its view is built anew for the new login, not the closed one kept. */
    @Test
    void theHostEditedToAUserWhoMayChangeShowsTheNewLogin(FxRobot robot) throws Exception {
        asViewer(robot, "roserver2");
        Button create = robot.lookup("#tb-create").queryAs(Button.class);
        waitFor(create::isDisabled);

        robot.clickOn("#editHost");
        waitFor(() -> robot.lookup("#hostUser").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#hostUser").queryAs(javafx.scene.control.TextField.class).setText("admin"));
        robot.clickOn("#hostSave");
        waitFor(() -> robot.lookup("#passwordField").match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent());
        robot.clickOn("#passwordField").write(RealServer.PASSWORD);
        robot.clickOn("OK");
        awaitTwelveJails(robot);
        Button createNow = robot.lookup("#tb-create").queryAs(Button.class);
        waitFor(() -> !createNow.isDisabled());
        assertTrue(!robot.lookup("#stale").queryAs(javafx.scene.control.Label.class).isVisible(), "the new login's table, current");
    }
}
