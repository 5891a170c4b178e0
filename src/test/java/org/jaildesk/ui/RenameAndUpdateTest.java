package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        page.select("mail", "web02", "db01", "test-empty");
        MenuItem item = MenuItems.byId(robot, "menu-update");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(item.isDisable(), "Update takes every selected jail");
        robot.interact(item::fire);
        page.waitFor(() -> robot.lookup("#updateDialog").tryQuery().isPresent());
        javafx.scene.control.ListView<?> listed = robot.lookup("#updateJails").queryAs(javafx.scene.control.ListView.class);
        assertEquals(3, listed.getItems().size(), "the empty jail has no release to update");
        assertEquals("Left out, as empty jails have no release to update: test-empty",
                robot.lookup("#updateLeftOut").queryAs(Label.class).getText());
        assertTrue(listed.getItems().contains("mail   " + page.row("mail").release()), listed.getItems().toString());
        assertTrue(robot.lookup((javafx.scene.Node n) -> n instanceof Label l && l.getText().startsWith("iocage takes a snapshot of each jail"))
                .tryQuery().isPresent(), "the dialog says how to undo it");
        // Each shows in the jobs panel at once, waiting its turn, and its job takes that row's place when it starts.
        List<String> waited = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> page.jobs.jobs().addListener((javafx.collections.ListChangeListener<org.jaildesk.ui.jobs.JobRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().stream().filter(r -> r.state().get() == org.jaildesk.ui.jobs.JobRow.State.WAITING)
                        .forEach(r -> waited.add(r.target()));
            }
        }));
        robot.clickOn("#updateOk");
        page.waitFor(() -> page.jobs.jobs().stream().filter(j -> j.action().equals("updatejail")
                && j.state().get() == org.jaildesk.ui.jobs.JobRow.State.DONE).count() == 3);
        assertEquals(List.of("db01", "mail", "web02"), waited, "in the table's order");
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

    @SuppressWarnings("unchecked")
    private javafx.scene.control.ComboBox<String> upgradeRelease(FxRobot robot) {
        return robot.lookup("#upgradeRelease").queryAs(javafx.scene.control.ComboBox.class);
    }

    /** Upgrade: the releases offered are newer ones only; what is typed is checked; the job leaves a snapshot behind. */
    @Test
    void aJailIsUpgradedToANewerReleaseAfterASnapshot(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail");
        robot.interact(MenuItems.byId(robot, "menu-upgrade")::fire);
        page.waitFor(() -> robot.lookup("#upgradeDialog").tryQuery().isPresent());
        var release = upgradeRelease(robot);
        page.waitFor(() -> !release.getItems().isEmpty());
        assertEquals("15.0-RELEASE", release.getItems().get(0), "newest first: " + release.getItems());
        assertTrue(release.getItems().containsAll(List.of("14.1-RELEASE", "13.3-RELEASE")), release.getItems().toString());
        assertFalse(release.getItems().contains("13.2-RELEASE") || release.getItems().contains("12.4-RELEASE"),
                "mail is at 13.2: " + release.getItems());
        Button ok = robot.lookup("#upgradeOk").queryAs(Button.class);
        assertTrue(ok.isDisabled(), "no release chosen yet");
        for (String[] typed : new String[][] {
            {"13.2-RELEASE", "mail is at 13.2-RELEASE-p4: 13.2-RELEASE is no newer release to upgrade to"},
            {"14.1-RELEASE-p2", "invalid release '14.1-RELEASE-p2': give the release to upgrade to, such as 14.1-RELEASE, without a patch level"},
            {"$(x)", "invalid release '$(x)': give the release to upgrade to, such as 14.1-RELEASE, without a patch level"}}) {
            robot.interact(() -> release.getEditor().setText(typed[0]));
            page.waitFor(() -> typed[1].equals(robot.lookup("#upgradeError").queryAs(Label.class).getText()));
            assertTrue(ok.isDisabled(), typed[0]);
        }
        robot.interact(() -> release.getEditor().setText("14.1-RELEASE"));
        page.waitFor(() -> !ok.isDisabled());
        robot.clickOn("#upgradeOk");
        page.waitFor(() -> page.row("mail").release().equals("14.1-RELEASE-p3"));
        page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.action().equals("upgradejail")
                && j.result().get().startsWith("mail upgraded from 13.2-RELEASE-p4 to 14.1-RELEASE-p3; snapshot before_upgrade_to_14.1-RELEASE_")));
        page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.output().contains("Fetching metadata signature for 14.1-RELEASE from update1.freebsd.org... done.")));
    }

    /** Several jails: one release for all; those it is no upgrade for are named and left out. */
    @Test
    void severalJailsAreUpgradedAndThoseItIsNoUpgradeForLeftOut(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail", "web01", "test-empty");
        robot.interact(MenuItems.byId(robot, "menu-upgrade")::fire);
        page.waitFor(() -> robot.lookup("#upgradeDialog").tryQuery().isPresent());
        var release = upgradeRelease(robot);
        page.waitFor(() -> !release.getItems().isEmpty());
        assertTrue(release.getItems().contains("13.3-RELEASE"), "an upgrade for mail, though not for web01: " + release.getItems());
        robot.interact(() -> release.getEditor().setText("14.1-RELEASE"));
        page.waitFor(() -> robot.lookup("#upgradeLeftOut").queryAs(Label.class).getText()
                .equals("Left out, as 14.1-RELEASE is no upgrade for them: web01, test-empty"));
        robot.clickOn("#upgradeOk");
        page.waitFor(() -> page.row("mail").release().equals("14.1-RELEASE-p3"));
        page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.action().equals("upgradejail")
                && j.state().get() == org.jaildesk.ui.jobs.JobRow.State.DONE));
        assertEquals(List.of("mail"), page.jobs.jobs().stream().filter(j -> j.action().equals("upgradejail")).map(j -> j.target()).toList());
        assertEquals("14.1-RELEASE-p2", page.row("web01").release());
    }

    /** A basejail is upgraded to the release's own files: the dialog says when the host has not fetched it. */
    @Test
    void aBasejailsUpgradeSaysToFetchTheReleaseFirst(FxRobot robot) throws Exception {
        open(robot);
        page.select("proxy");
        robot.interact(MenuItems.byId(robot, "menu-upgrade")::fire);
        page.waitFor(() -> robot.lookup("#upgradeDialog").tryQuery().isPresent());
        var release = upgradeRelease(robot);
        page.waitFor(() -> !release.getItems().isEmpty());
        robot.interact(() -> release.getEditor().setText("14.2-RELEASE"));
        page.waitFor(() -> robot.lookup("#upgradeFetchFirst").queryAs(Label.class).getText().startsWith(
                "A basejail is upgraded to the release's own files, which this host has not fetched: fetch 14.2-RELEASE first"));
        assertTrue(robot.lookup("#upgradeFetchFirst").queryAs(Label.class).getText().endsWith("or iocage stops the upgrade of proxy."));
        robot.clickOn("#upgradeOk");
        page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.action().equals("upgradejail")
                && j.state().get() == org.jaildesk.ui.jobs.JobRow.State.FAILED && j.result().get().contains("14.2-RELEASE is missing, please fetch it!")));
        assertEquals("14.1-RELEASE-p2", page.row("proxy").release(), "nothing changed");
    }
}
