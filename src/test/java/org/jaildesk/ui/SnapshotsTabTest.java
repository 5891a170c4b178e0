package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.jaildesk.domain.JailSnapshot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector's Snapshots tab against the demo host: take, roll back (with what it destroys), remove. */
class SnapshotsTabTest extends WindowTest {

    @SuppressWarnings("unchecked")
    private List<String> snapshots(FxRobot robot) {
        TableView<JailSnapshot> t = (TableView<JailSnapshot>) robot.lookup("#snapshotsTable").query();
        return t.getItems().stream().map(JailSnapshot::name).toList();
    }

    /** What the Taken column shows in row {@code row}, as its cell draws it. */
    private String takenOf(FxRobot robot, int row) {
        javafx.scene.control.TableCell<?, ?> cell = robot.from(robot.lookup("#snapshotsTable").queryAs(TableView.class))
                .lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && "snap-created".equals(c.getTableColumn().getId()) && c.getIndex() == row && !c.isEmpty())
                .query();
        return cell.getText();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void take(FxRobot robot, String name) {
        robot.clickOn("#snapshotTake");
        page.waitFor(() -> robot.lookup("#snapshotTakeDialog").tryQuery().isPresent());
        robot.clickOn("#snapshotName").write(name);
        robot.clickOn("#snapshotTakeOk");
    }

    /** The window, {@code jail} selected, its Snapshots tab open and read (none yet). */
    private void openSnapshotsOf(FxRobot robot, String jail) throws Exception {
        open(robot);
        page.select(jail);
        // Built when first shown, not with the window (LazyTab).
        assertTrue(robot.lookup("#snapshotsTable").tryQuery().isEmpty(), "the Snapshots tab's table is not built yet");
        robot.clickOn("#tab-snapshots");
        page.waitFor(() -> text(robot, "#snapshotsPlaceholder").startsWith(jail + " has no snapshots yet"));
    }

    private void select(FxRobot robot, String snapshot) {
        javafx.scene.Node cell = robot.from(robot.lookup("#snapshotsTable").queryAs(TableView.class))
                .lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c && snapshot.equals(c.getText()))
                .query();
        robot.clickOn(cell);
    }

    @Test
    void takeRollBackAndRemoveAsAUserDoes(FxRobot robot) throws Exception {
        openSnapshotsOf(robot, "mail");
        assertTrue(robot.lookup("#snapshotRollback").queryAs(Button.class).isDisabled(), "nothing to roll back to");

        // A name iocage could misread is refused as it is typed; the button stays off.
        robot.clickOn("#snapshotTake");
        page.waitFor(() -> robot.lookup("#snapshotTakeDialog").tryQuery().isPresent());
        // The empty name's example is the time now, in the form the host names it.
        assertTrue(robot.lookup("#snapshotName").queryAs(TextField.class).getPromptText()
                .matches("empty: named after the time, e\\.g\\. \\d{4}-\\d\\d-\\d\\d_\\d\\d:\\d\\d:\\d\\d"),
                robot.lookup("#snapshotName").queryAs(TextField.class).getPromptText());
        robot.clickOn("#snapshotName").write("a;b");
        page.waitFor(() -> text(robot, "#snapshotNameError").startsWith("invalid snapshot name 'a;b'"));
        assertTrue(robot.lookup("#snapshotTakeOk").queryAs(Button.class).isDisabled());
        robot.interact(() -> robot.lookup("#snapshotName").queryAs(TextField.class).clear());
        robot.clickOn("#snapshotName").write("clean");
        robot.clickOn("#snapshotTakeOk");
        page.waitFor(() -> snapshots(robot).equals(List.of("clean")));
        take(robot, "later");
        page.waitFor(() -> snapshots(robot).equals(List.of("clean", "later")));
        assertTrue(page.jobs.jobs().stream().anyMatch(j -> j.result().get().equals("snapshot mail@later taken")),
                "each change is a job with its result");
        // When it was taken, read from ZFS's text ("Sun Nov 29 21:34 2026") into the app's form, the rollback's words too.
        String taken = takenOf(robot, 0);
        assertTrue(taken.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"), taken);

        select(robot, "clean");
        robot.clickOn("#snapshotRollback");
        page.waitFor(() -> robot.lookup("#snapshotRollbackDialog").tryQuery().isPresent());
        assertEquals("These later snapshots are destroyed with it: later", text(robot, "#snapshotRollbackLater"));
        assertTrue(robot.lookup((javafx.scene.Node n) -> n instanceof Label l
                && l.getText().startsWith("Everything mail changed since " + taken + " is lost")).tryQuery().isPresent());
        robot.clickOn("#snapshotRollbackOk");
        page.waitFor(() -> snapshots(robot).equals(List.of("clean")));

        select(robot, "clean");
        robot.clickOn("#snapshotRemove");
        page.waitFor(() -> robot.lookup("#snapshotRemoveDialog").tryQuery().isPresent());
        robot.clickOn("#snapshotRemoveOk");
        page.waitFor(() -> snapshots(robot).isEmpty());
    }

    /** Several snapshots at once: Remove takes them all and says what they free; Roll back wants one. */
    @Test
    void severalSnapshotsAreRemovedTogether(FxRobot robot) throws Exception {
        openSnapshotsOf(robot, "mail");
        for (String name : List.of("s1", "s2", "s3")) {
            take(robot, name);
            page.waitFor(() -> snapshots(robot).contains(name));
        }
        select(robot, "s1");
        javafx.scene.Node s2 = robot.from(robot.lookup("#snapshotsTable").queryAs(TableView.class))
                .lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c && "s2".equals(c.getText())).query();
        robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn(s2).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#snapshotRollback").queryAs(Button.class).isDisabled(), "a rollback goes to one snapshot");
        assertEquals("Roll back goes to one snapshot: select only that one. Remove takes all the selected.", text(robot, "#snapshotWhy"));
        // Whole, not cut to "… select only …": the table, which grows, does not squeeze the line below its words' height,
        // also in a low window where the table wants more room than there is.
        robot.interact(() -> stage.setHeight(560));
        WaitForAsyncUtils.waitForFxEvents();
        Label whyLine = robot.lookup("#snapshotWhy").queryAs(Label.class);
        assertTrue(whyLine.getHeight() >= whyLine.prefHeight(whyLine.getWidth()) - 0.5,
                whyLine.getHeight() + " high, its words need " + whyLine.prefHeight(whyLine.getWidth()));
        // The line wraps; emptied again (one snapshot selected), it keeps its room: the table does not jump.
        double tableAt = robot.lookup("#snapshotsTable").query().localToScene(0, 0).getY();
        select(robot, "s2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#snapshotWhy"));
        assertEquals(tableAt, robot.lookup("#snapshotsTable").query().localToScene(0, 0).getY(), 0.5);
        select(robot, "s1");
        robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn(s2).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#snapshotRemove");
        page.waitFor(() -> robot.lookup("#snapshotRemoveDialog").tryQuery().isPresent());
        assertEquals("Remove 2 snapshots of mail?", robot.lookup("#snapshotRemoveDialog")
                .queryAs(javafx.scene.control.DialogPane.class).getHeaderText());
        assertTrue(robot.lookup((javafx.scene.Node n) -> n instanceof Label l && l.getText().startsWith("These snapshots go: s1, s2. That frees at least "))
                .tryQuery().isPresent());
        assertEquals("Remove 2 snapshots", robot.lookup("#snapshotRemoveOk").queryAs(Button.class).getText());
        robot.clickOn("#snapshotRemoveOk");
        page.waitFor(() -> snapshots(robot).equals(List.of("s3")));
        assertEquals(2, page.jobs.jobs().stream().filter(j -> j.action().equals("removesnapshot")).count());
    }

    @Test
    void aRunningJailSaysWhyItCannotBeRolledBack(FxRobot robot) throws Exception {
        openSnapshotsOf(robot, "db01");
        take(robot, "s1");
        page.waitFor(() -> snapshots(robot).equals(List.of("s1")));
        select(robot, "s1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#snapshotRollback").queryAs(Button.class).isDisabled());
        assertEquals("Stop db01 to roll it back.", text(robot, "#snapshotWhy"));
        assertFalse(robot.lookup("#snapshotRemove").queryAs(Button.class).isDisabled(), "a running jail's snapshot can go");
    }

    /** Jail ▸ Take snapshot…: the inspector turns to the jail's Snapshots tab and asks for the name. */
    @Test
    void theJailMenuTakesASnapshotOfTheSelectedJail(FxRobot robot) throws Exception {
        open(robot);
        page.select("git");
        javafx.scene.control.MenuItem item = MenuItems.byId(robot, "menu-snapshot");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(item.isDisable());
        robot.interact(item::fire);
        page.waitFor(() -> robot.lookup("#snapshotTakeDialog").tryQuery().isPresent());
        assertEquals("tab-snapshots", robot.lookup("#sideTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getId(), "the inspector shows the jail's snapshots");
        assertEquals("Take a snapshot of git", robot.lookup("#snapshotTakeDialog").queryAs(javafx.scene.control.DialogPane.class)
                .getHeaderText());
        robot.clickOn("#snapshotName").write("before");
        robot.clickOn("#snapshotTakeOk");
        page.waitFor(() -> snapshots(robot).equals(List.of("before")));
    }

    /** Several jails selected: one snapshot of the one name in each, each a job of its own. */
    @Test
    void theJailMenuTakesASnapshotOfEachSelectedJail(FxRobot robot) throws Exception {
        open(robot);
        page.select("git", "mail", "db01");
        javafx.scene.control.MenuItem item = MenuItems.byId(robot, "menu-snapshot");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(item.isDisable(), "every selected jail");
        robot.interact(item::fire);
        page.waitFor(() -> robot.lookup("#snapshotTakeDialog").tryQuery().isPresent());
        assertEquals("Take a snapshot of 3 jails", robot.lookup("#snapshotTakeDialog")
                .queryAs(javafx.scene.control.DialogPane.class).getHeaderText());
        Label explained = robot.lookup((javafx.scene.Node n) -> n instanceof Label l
                && l.getText().startsWith("A snapshot of each of")).queryAs(Label.class);
        String names = String.join(", ", page.table().getSelectionModel().getSelectedItems().stream()
                .map(org.jaildesk.domain.Jail::displayName).toList());
        assertEquals(3, names.split(", ").length);
        assertTrue(explained.getText().startsWith("A snapshot of each of " + names + ", under the one name given"),
                explained.getText());
        robot.clickOn("#snapshotName").write("a;b");
        page.waitFor(() -> text(robot, "#snapshotNameError").startsWith("invalid snapshot name 'a;b'"));
        assertTrue(robot.lookup("#snapshotTakeOk").queryAs(Button.class).isDisabled(), "a bad name takes nothing");
        robot.interact(() -> robot.lookup("#snapshotName").queryAs(TextField.class).clear());
        robot.clickOn("#snapshotName").write("pre-upgrade");
        robot.clickOn("#snapshotTakeOk");
        for (String jail : List.of("git", "mail", "db01")) {
            page.waitFor(() -> page.jobs.jobs().stream().anyMatch(j -> j.result().get().equals("snapshot " + jail + "@pre-upgrade taken")));
        }
        assertEquals(3, page.jobs.jobs().stream().filter(j -> j.action().equals("snapshotjail")).count());

        // No name: the time now, one name for all of them.
        page.select("git", "mail");
        robot.interact(item::fire);
        page.waitFor(() -> robot.lookup("#snapshotTakeDialog").tryQuery().isPresent());
        robot.clickOn("#snapshotTakeOk");
        page.waitFor(() -> page.jobs.jobs().stream().filter(j -> j.action().equals("snapshotjail")
                && j.state().get() == org.jaildesk.ui.jobs.JobRow.State.DONE).count() == 5);
        List<String> timed = page.jobs.jobs().stream().filter(j -> j.action().equals("snapshotjail"))
                .map(j -> j.result().get()).filter(r -> !r.contains("pre-upgrade")).toList();
        assertEquals(2, timed.size());
        String at = timed.get(0).substring(timed.get(0).indexOf('@') + 1, timed.get(0).lastIndexOf(" taken"));
        assertTrue(at.matches("\\d{4}-\\d{2}-\\d{2}_\\d{2}:\\d{2}:\\d{2}"), at);
        assertEquals(java.util.Set.of("snapshot git@" + at + " taken", "snapshot mail@" + at + " taken"), java.util.Set.copyOf(timed));
        page.select("mail");
        robot.clickOn("#tab-snapshots");
        page.waitFor(() -> snapshots(robot).size() == 2 && snapshots(robot).get(0).equals("pre-upgrade"));
    }
}
