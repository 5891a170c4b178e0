package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.JailMount;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The inspector's Mounts tab against the demo host: a folder of the host mounted into a jail, and removed. */
class MountsTabTest extends WindowTest {

    @SuppressWarnings("unchecked")
    private List<JailMount> mounts(FxRobot robot) {
        return List.copyOf(((TableView<JailMount>) robot.lookup("#mountsTable").query()).getItems());
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aFolderIsMountedAndRemovedAsAUserDoes(FxRobot robot) throws Exception {
        open(robot);
        page.select("plex");
        robot.clickOn("#tab-mounts");
        page.waitFor(() -> mounts(robot).size() == 1);
        assertEquals("/mnt/media", mounts(robot).get(0).destination());
        assertEquals("plex is running: a change is mounted or unmounted at once.", text(robot, "#mountWhen"));

        page.select("mail");
        page.waitFor(() -> text(robot, "#mountsPlaceholder").equals("mail has no folders of the host mounted into it."));
        assertTrue(robot.lookup("#mountRemove").queryAs(Button.class).isDisabled(), "nothing to remove");
        robot.clickOn("#mountAdd");
        page.waitFor(() -> robot.lookup("#mountAddDialog").tryQuery().isPresent());
        Button ok = robot.lookup("#mountAddOk").queryAs(Button.class);
        robot.clickOn("#mountSource").write("tank/spool");
        page.waitFor(() -> text(robot, "#mountError").equals("'tank/spool' is not an absolute path: start it with /"));
        TextField source = robot.lookup("#mountSource").queryAs(TextField.class);
        robot.interact(source::clear);
        robot.clickOn(source).write("/tank/spool");
        robot.clickOn("#mountDestination").write("/var/../etc");
        page.waitFor(() -> text(robot, "#mountError").startsWith("'/var/../etc' has a . or .. step"));
        assertTrue(ok.isDisabled());
        TextField destination = robot.lookup("#mountDestination").queryAs(TextField.class);
        robot.interact(destination::clear);
        robot.clickOn(destination).write("/var/mail");
        page.waitFor(() -> !ok.isDisabled());
        robot.clickOn("#mountReadOnly");
        robot.clickOn(ok);
        page.waitFor(() -> mounts(robot).size() == 1);
        JailMount added = mounts(robot).get(0);
        assertEquals("/tank/spool", added.source());
        assertEquals("/var/mail", added.destination());
        assertEquals("rw", added.options(), "read-only unticked");
        page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.result().get().equals("/tank/spool mounted on /var/mail in mail (rw)")));

        // Another client mounts a second folder: the open tab shows it (the host's change event).
        new IocageClient(new InProcessTransport(page.host)).addMount("mail", "/tank/archive", "/var/archive", true).join();
        page.waitFor(() -> mounts(robot).size() == 2);
        robot.clickOn("#mountAdd");
        page.waitFor(() -> robot.lookup("#mountAddDialog").tryQuery().isPresent());
        robot.clickOn("#mountSource").write("/tank/other");
        robot.clickOn("#mountDestination").write("/var/archive");
        page.waitFor(() -> text(robot, "#mountError").equals("/var/archive has a mount already (/tank/archive): remove it first."));
        robot.clickOn("Cancel");
        page.waitFor(() -> robot.lookup("#mountAddDialog").tryQuery().isEmpty());

        robot.interact(() -> robot.lookup("#mountsTable").queryAs(TableView.class).getSelectionModel().select(0));
        robot.clickOn("#mountRemove");
        page.waitFor(() -> robot.lookup("#mountRemoveDialog").tryQuery().isPresent());
        assertTrue(robot.lookup((javafx.scene.Node n) -> n instanceof Label l
                && l.getText().startsWith("The line that mounts /tank/spool on /var/mail is removed")).tryQuery().isPresent());
        robot.clickOn("#mountRemoveOk");
        page.waitFor(() -> mounts(robot).size() == 1 && mounts(robot).get(0).destination().equals("/var/archive"));
    }

    @Test
    void aLegacyHostSaysItHasNoMounts(FxRobot robot) throws Exception {
        open(robot, SimulatedIocage.Flavor.LEGACY);
        page.select("mail");
        robot.clickOn("#tab-mounts");
        page.waitFor(() -> text(robot, "#mountsPlaceholder").equals("This host does not offer mounts: its server is not JailDesk's,"
                + " or its iocage has no fstab command (legacy iocage)."));
        assertTrue(robot.lookup("#mountAdd").queryAs(Button.class).isDisabled(), "nothing to add on a host that cannot");
        assertEquals("", text(robot, "#mountWhen"));
    }
}
