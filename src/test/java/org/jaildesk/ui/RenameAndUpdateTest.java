package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Jail ▸ Rename… (F2) and Jail ▸ Update… against the demo host. */
class RenameAndUpdateTest extends WindowTest {

    private void renameTo(FxRobot robot, String name) {
        robot.type(KeyCode.F2);
        page.waitFor(() -> robot.lookup("#renameDialog").tryQuery().isPresent());
        TextField field = robot.lookup("#renameName").queryAs(TextField.class);
        assertEquals("mail", field.getText(), "the dialog starts from the jail's name");
        assertTrue(robot.lookup("#renameOk").queryAs(Button.class).isDisabled(), "the same name renames nothing");
        robot.interact(field::clear);
        robot.clickOn(field).write("git");
        page.waitFor(() -> "A jail named git is already on this host.".equals(robot.lookup("#renameError").queryAs(Label.class).getText()));
        assertTrue(robot.lookup("#renameOk").queryAs(Button.class).isDisabled());
        robot.interact(field::clear);
        robot.clickOn(field).write(name);
        robot.clickOn("#renameOk");
    }

    @Test
    void aStoppedJailIsRenamedAndStaysSelected(FxRobot robot) throws Exception {
        open(robot);
        page.select("db01");
        MenuItem item = MenuItems.byId(robot, "menu-rename");
        assertTrue(item.isDisable(), "db01 is running");
        page.select("mail");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(item.isDisable());
        renameTo(robot, "post");
        page.waitFor(() -> page.has("post") && !page.has("mail"));
        page.waitFor(() -> page.table().getSelectionModel().getSelectedItem() != null
                && page.table().getSelectionModel().getSelectedItem().displayName().equals("post"));
        // Selected for the window too, not only in the table: the actions and the inspector follow it.
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(item.isDisable(), "post is selected and stopped");
        assertTrue(robot.lookup((javafx.scene.Node n) -> n instanceof Label l && l.getText().equals("post")).tryQuery().isPresent(),
                "the inspector shows post");
        assertEquals(12, page.rows().size());
    }

    @Test
    void aLegacyJailKeepsItsUuid(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.LEGACY);
        String uuid = page.row("mail").id();
        page.select("mail");
        renameTo(robot, "post");
        page.waitFor(() -> page.has("post"));
        assertEquals(uuid, page.row("post").id());
    }

    @Test
    void updateSaysWhatItDoesAndHowToUndoIt(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail");
        robot.interact(MenuItems.byId(robot, "menu-update")::fire);
        page.waitFor(() -> robot.lookup("#updateDialog").tryQuery().isPresent());
        assertTrue(robot.lookup((javafx.scene.Node n) -> n instanceof Label l && l.getText().startsWith("iocage takes a snapshot of the jail first"))
                .tryQuery().isPresent(), "the dialog says how to undo it");
        robot.clickOn("#updatePackages");
        robot.clickOn("#updateOk");
        page.waitFor(() -> page.row("mail").release().equals("13.2-RELEASE-p6"));
        page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.output().contains("[mail] [1/2] Upgrading curl from 8.4.0 to 8.5.0...")));
        page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.result().get().equals("mail updated from 13.2-RELEASE-p4 to 13.2-RELEASE-p6")));
    }

    /** Several jails: listed with their releases, updated one after another, each its own job. */
    @Test
    void severalJailsAreUpdatedOneAfterAnother(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail", "web02", "db01");
        MenuItem item = MenuItems.byId(robot, "menu-update");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(item.isDisable(), "Update takes every selected jail");
        robot.interact(item::fire);
        page.waitFor(() -> robot.lookup("#updateDialog").tryQuery().isPresent());
        javafx.scene.control.ListView<?> listed = robot.lookup("#updateJails").queryAs(javafx.scene.control.ListView.class);
        assertEquals(3, listed.getItems().size());
        assertTrue(listed.getItems().contains("mail   " + page.row("mail").release()), listed.getItems().toString());
        assertTrue(robot.lookup((javafx.scene.Node n) -> n instanceof Label l && l.getText().startsWith("iocage takes a snapshot of each jail"))
                .tryQuery().isPresent(), "the dialog says how to undo it");
        robot.clickOn("#updateOk");
        page.waitFor(() -> page.jobs.jobs().stream().filter(j -> j.action().equals("updatejail")
                && j.state().get() == org.jaildesk.ui.jobs.JobRow.State.DONE).count() == 3);
        var jobs = page.jobs.jobs().stream().filter(j -> j.action().equals("updatejail"))
                .sorted(java.util.Comparator.comparing(org.jaildesk.ui.jobs.JobRow::started)).toList();
        assertEquals(3, jobs.size());
        for (int i = 1; i < jobs.size(); i++) {
            var before = jobs.get(i - 1);
            assertFalse(jobs.get(i).started().isBefore(before.started().plus(before.duration().get())),
                    jobs.get(i).target() + " started before " + before.target() + " had ended");
        }
        page.waitFor(() -> page.row("mail").release().equals("13.2-RELEASE-p6"));
    }
}
