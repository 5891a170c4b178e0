package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.ui.jobs.JobRow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Jail ▸ Export… and Jail ▸ Import jail… against the demo host: a jail exported, destroyed, and brought back. */
class ExportImportTest extends WindowTest {

    /** Several jails: the stopped ones exported one after another, the running ones named as left out. */
    @Test
    void theStoppedJailsAmongTheSelectedAreExportedOneAfterAnother(FxRobot robot) throws Exception {
        open(robot);
        page.select("db01", "cache");
        MenuItem export = MenuItems.byId(robot, "menu-export");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(export.isDisable(), "both are running");
        page.select("db01", "mail", "proxy");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(export.isDisable());
        robot.interact(export::fire);
        page.waitFor(() -> robot.lookup("#exportDialog").tryQuery().isPresent());
        assertEquals("Export 2 jails", robot.lookup("#exportDialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText());
        assertEquals(java.util.Set.of("mail", "proxy"), java.util.Set.copyOf(
                robot.lookup("#exportJails").queryAs(javafx.scene.control.ListView.class).getItems()));
        assertEquals("Running, so left out (stop them to export them): db01",
                robot.lookup("#exportLeftOut").queryAs(Label.class).getText());
        robot.clickOn("#exportOk");
        page.waitFor(() -> page.jobs.jobs().stream().filter(j -> j.state().get() == JobRow.State.DONE
                && j.action().equals("exportjail")).count() == 2);
        List<JobRow> jobs = page.jobs.jobs().stream().filter(j -> j.action().equals("exportjail"))
                .sorted(java.util.Comparator.comparing(JobRow::started)).toList();
        assertFalse(jobs.get(1).started().isBefore(jobs.get(0).started().plus(jobs.get(0).duration().get())),
                "the second export began once the first had ended");
        assertEquals(java.util.Set.of("mail", "proxy"), java.util.Set.of(jobs.get(0).target(), jobs.get(1).target()));
        assertTrue(jobs.stream().allMatch(j -> j.result().get().startsWith(j.target() + " exported to /tank/iocage/images/"
                + j.target() + "_")), jobs.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExportedJailComesBackByItsImagesName(FxRobot robot) throws Exception {
        open(robot);
        page.select("db01");
        MenuItem export = MenuItems.byId(robot, "menu-export");
        assertTrue(export.isDisable(), "db01 is running");
        page.select("mail");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(export.isDisable());
        robot.interact(export::fire);
        page.waitFor(() -> robot.lookup("#exportDialog").tryQuery().isPresent());
        robot.clickOn("#exportOk");
        page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.state().get() == JobRow.State.DONE
                && j.result().get().startsWith("mail exported to /tank/iocage/images/mail_")));
        JobRow job = page.jobs.jobs().stream().filter(j -> j.result().get().startsWith("mail exported")).findFirst().orElseThrow();
        assertTrue(job.output().contains("Exporting dataset: tank/iocage/jails/mail/root"), job.output().toString());
        String result = job.result().get();
        String image = result.substring(result.lastIndexOf('/') + 1);

        robot.interact(MenuItems.byId(robot, "menu-import")::fire);
        page.waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        TextField field = robot.lookup("#importImage").queryAs(TextField.class);
        Button ok = robot.lookup("#importOk").queryAs(Button.class);
        assertTrue(ok.isDisabled(), "nothing typed yet");
        robot.clickOn(field).write("a;b");
        page.waitFor(() -> robot.lookup("#importError").queryAs(Label.class).getText().startsWith("invalid image name 'a;b'"));
        assertTrue(ok.isDisabled());
        robot.interact(field::clear);
        robot.clickOn(field).write(image);
        page.waitFor(() -> "A jail named mail is on this host: the import would overwrite it. Destroy or rename it first."
                .equals(robot.lookup("#importError").queryAs(Label.class).getText()));
        assertTrue(ok.isDisabled(), "mail is still here");
        robot.clickOn("Cancel");
        page.waitFor(() -> robot.lookup("#importDialog").tryQuery().isEmpty());

        // Another client destroys mail; the host's change event lists the jails again.
        new IocageClient(new InProcessTransport(page.host)).destroyJail("mail").join();
        page.waitFor(() -> !page.has("mail"));
        robot.interact(MenuItems.byId(robot, "menu-import")::fire);
        page.waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        // The list holds the host's images, the one exported a moment ago first: chosen there, not typed.
        javafx.scene.control.ComboBox<?> choice = robot.lookup("#importImageChoice").queryAs(javafx.scene.control.ComboBox.class);
        page.waitFor(() -> robot.lookup("#importListed").queryAs(Label.class).getText()
                .equals("The list holds the 3 images of the host's images folder, newest first."));
        assertEquals(List.of(image, "git_2026-10-30.zip", "wiki_2026-09-14.zip"), List.copyOf(choice.getItems()));
        assertTrue(ListCells.shown((javafx.scene.control.ComboBox<String>) choice, "git_2026-10-30.zip").endsWith("\u2014 git is on this host"), "git's image would overwrite git");
        assertFalse(ListCells.shown((javafx.scene.control.ComboBox<String>) choice, "wiki_2026-09-14.zip").contains("on this host"));
        robot.interact(() -> choice.getSelectionModel().select(0));
        page.waitFor(() -> !robot.lookup("#importOk").queryAs(Button.class).isDisabled());
        robot.clickOn("#importOk");
        page.waitFor(() -> page.has("mail"));
        page.waitFor(() -> page.table().getSelectionModel().getSelectedItem() != null
                && page.table().getSelectionModel().getSelectedItem().displayName().equals("mail"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(export.isDisable(), "the imported mail is selected for the window too, and stopped");
        page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.target().equals(image)
                && j.result().get().equals("jail mail imported from " + image)));
        assertEquals(12, page.rows().size());
    }
}
