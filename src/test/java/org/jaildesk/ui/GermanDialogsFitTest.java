package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In German, the longer of the two languages, every dialog and window the menus open shows its words whole at the
 * size it opens with: no label, heading or button cut to "…" or a wrapped label given fewer lines than its words need
 * (a table's cells may be cut; their tooltips hold the rest),
 * and no button outside its window, also where a text came after the dialog opened.
 */
class GermanDialogsFitTest extends WindowTest {

    /** The menu items that open a dialog or a window of their own, with a stopped jail (mail) selected. */
    private static final List<String> OPENING = List.of("menu-addHost", "menu-create", "menu-clone", "menu-import",
            "menu-destroy", "menu-log", "menu-snapshot", "menu-rename", "menu-update", "menu-upgrade", "menu-export",
            "menu-activatePool", "menu-deactivatePool", "menu-fetchRelease", "menu-cleanJails", "menu-cleanReleases",
            "menu-cleanTemplates", "menu-cleanImages", "menu-cleanAll", "menu-actionLog", "menu-loginKeys", "menu-palette",
            "menu-about");

    /**
     * The words {@code n} and its children show cut, as "class#id: [whole] shown [cut]"; and a button outside its window
     * (a dialog that did not grow with its content).
     */
    private static void cut(Node n, List<String> out) {
        if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                && !(l instanceof javafx.scene.control.IndexedCell<?>)) {
            // A wrapped label given fewer lines than its words need keeps its whole text and draws only the first lines.
            if (l.isWrapText() && l.getHeight() < l.prefHeight(l.getWidth()) - 0.5) {
                out.add(l.getClass().getSimpleName() + "#" + l.getId() + ": [" + l.getText() + "] " + l.getHeight()
                        + " px high of the " + l.prefHeight(l.getWidth()) + " its lines need");
            }
            // The text a label or button draws is a child of its own (a titled pane's title sits deeper: not looked at).
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text shown && shown.getText() != null
                        && !shown.getText().replace("_", "").equals(l.getText().replace("_", ""))) {
                    out.add(l.getClass().getSimpleName() + "#" + l.getId() + ": [" + l.getText() + "] shown [" + shown.getText() + "]");
                }
            }
        }
        if (n instanceof javafx.scene.control.Button b && b.isVisible() && b.getScene() != null) {
            javafx.geometry.Bounds at = b.localToScene(b.getLayoutBounds());
            if (at.getMaxY() > b.getScene().getHeight() + 0.5 || at.getMaxX() > b.getScene().getWidth() + 0.5) {
                out.add("Button#" + b.getId() + " [" + b.getText() + "] ends at " + at.getMaxX() + "," + at.getMaxY()
                        + " outside its window's " + b.getScene().getWidth() + "x" + b.getScene().getHeight());
            }
        } else if (n instanceof Labeled l && visible(l) && l.getScene() != null && !(l instanceof javafx.scene.control.IndexedCell<?>)
                && !l.getText().isEmpty() && !inScrolled(l)) {
            // Content laid out wider than its window (a line that does not wrap) is cut by the window's edge, no "…" shown.
            double right = l.localToScene(l.getLayoutBounds()).getMaxX();
            if (right > l.getScene().getWidth() + 0.5) {
                out.add(l.getClass().getSimpleName() + "#" + l.getId() + ": [" + l.getText() + "] ends at " + right
                        + ", outside its window's width " + l.getScene().getWidth());
            }
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> cut(c, out));
        }
    }

    /** Whether {@code n} and every parent of it is visible. */
    private static boolean visible(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code n} sits in something that scrolls or clips on purpose (a table's header, a scroll pane). */
    private static boolean inScrolled(Node n) {
        for (Node at = n.getParent(); at != null; at = at.getParent()) {
            if (at instanceof javafx.scene.control.ScrollPane || at instanceof javafx.scene.control.TableView<?>
                    || at instanceof javafx.scene.control.ListView<?> || at instanceof javafx.scene.control.TreeTableView<?>
                    || at instanceof javafx.scene.control.TabPane) {
                return true;
            }
        }
        return false;
    }

    /** What every showing window cuts now (read on the FX thread). */
    private static List<String> cutNow() throws Exception {
        return cutNow(null);
    }

    /** What every showing window but {@code not} cuts now (read on the FX thread). */
    private static List<String> cutNow(Window not) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != not && w.isShowing() && w.getScene() != null) {
                    cut(w.getScene().getRoot(), out);
                }
            }
            return out;
        }).get();
    }

    /** The window in German over the demo host, its stopped mail selected. */
    private void openGermanWithMailSelected(FxRobot robot) throws Exception {
        openWithMailSelected(robot, Locale.GERMAN);
    }

    /** The window in {@code language} over the demo host, its stopped mail selected. */
    private void openWithMailSelected(FxRobot robot, Locale language) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> page = MainWindowPage.open(robot, stage, config,
                SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), language)).get();
        page.waitFor(() -> page.rows().size() == 12);
        page.select("mail");
    }

    /** The inspector's tab {@code id} shown (German's longer titles put some behind the tab bar's menu). */
    private void inspectorTab(FxRobot robot, String id) {
        javafx.scene.control.TabPane tabs = robot.lookup("#sideTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> id.equals(t.getId()))
                .findFirst().orElseThrow()));
    }

    /** Presses {@code button} as a user does (its dialog's showAndWait holds the FX thread's caller) and checks the dialog. */
    private void pressAndCheck(FxRobot robot, String button, List<String> problems) throws Exception {
        javafx.scene.control.Button b = robot.lookup(button).queryAs(javafx.scene.control.Button.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !b.isDisabled());
        Platform.runLater(b::fire);
        checkDialog(robot, button, problems);
    }

    /** Waits for a window beside the main one, records what it cuts, and closes it. */
    private void checkDialog(FxRobot robot, String what, List<String> problems) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing()));
        // Laid out and drawn first: before its first layout a label holds its whole text, cut or not.
        OnScreen.afterFrames(3);
        // The dialog alone (the window behind it is looked at by the tests of its tabs).
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> cutNow(stage).isEmpty());
        } catch (TimeoutException e) {
            problems.add(what + ": " + cutNow(stage));
        }
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage && w.isShowing()).forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The window's own tabs and All hosts at the window's first size: their tables' titles whole ("Reservierung",
     * "Angelegt anscheinend mit", "Autostart"; "Compression" in English too was "Compress…").
     */
    @Test
    void theWindowsTabsAndAllHostsShowTheirTitlesWhole(FxRobot robot) throws Exception {
        openGermanWithMailSelected(robot);
        List<String> problems = new ArrayList<>();
        for (String[] tab : new String[][] {{"#tab-usage", "#usageTable"}, {"#tab-others", "#othersTable"}, {"#tab-defaults", null},
            {"#tab-jails", null}}) {
            robot.clickOn(tab[0]);
            if (tab[1] != null) {
                page.waitFor(() -> robot.lookup(tab[1]).tryQuery().isPresent()
                        && !robot.lookup(tab[1]).queryAs(javafx.scene.control.TableView.class).getItems().isEmpty());
            }
            OnScreen.afterFrames(3);
            List<String> cut = cutNow();
            if (!cut.isEmpty()) {
                problems.add(tab[0] + ": " + cut);
            }
        }
        // Beside its chart, the disk usage table shows every column without scrolling: the name gave way.
        javafx.scene.control.TableView<?> usage = robot.lookup("#usageTable").queryAs(javafx.scene.control.TableView.class);
        double columns = usage.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
        assertTrue(columns <= usage.getWidth(), columns + " px of columns in a table " + usage.getWidth() + " wide");
        robot.clickOn("#allHostsButton");
        page.waitFor(() -> robot.lookup("#allHostsTable").tryQuery().isPresent()
                && robot.lookup("#allHostsTable").queryAs(javafx.scene.control.TableView.class).getItems().size() == 12);
        OnScreen.afterFrames(3);
        List<String> cut = cutNow();
        if (!cut.isEmpty()) {
            problems.add("all hosts: " + cut);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theInspectorsDialogsShowTheirWordsWhole(FxRobot robot) throws Exception {
        openGermanWithMailSelected(robot);
        List<String> problems = new ArrayList<>();
        // Settings: every group's names whole in the narrow inspector ("cloned_release (nur le…" was cut, with its
        // value beside it), then a change reviewed.
        inspectorTab(robot, "tab-settings");
        page.waitFor(() -> robot.lookup("#setting-priority").tryQuery().isPresent());
        for (javafx.scene.control.TitledPane group : robot.lookup(".property-sheet .titled-pane")
                .queryAllAs(javafx.scene.control.TitledPane.class)) {
            robot.interact(() -> group.setExpanded(true));
            OnScreen.afterFrames(3);
            List<String> cut = cutNow();
            if (!cut.isEmpty()) {
                problems.add("settings, " + group.getText() + ": " + cut);
            }
        }
        robot.interact(() -> robot.lookup("#setting-priority").queryAs(javafx.scene.control.TextField.class).setText("42"));
        pressAndCheck(robot, "#inspector-review", problems);
        robot.clickOn("#inspector-discard");
        // Snapshots: take, roll back, remove.
        inspectorTab(robot, "tab-snapshots");
        pressAndCheck(robot, "#snapshotTake", problems);
        Platform.runLater(() -> MenuItems.byId(robot, "menu-snapshot").fire());
        page.waitFor(() -> robot.lookup("#snapshotName").tryQuery().isPresent());
        robot.clickOn("#snapshotName").write("vorher");
        robot.clickOn("#snapshotTakeOk");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<Object> snaps = robot.lookup("#snapshotsTable").queryAs(javafx.scene.control.TableView.class);
        page.waitFor(() -> snaps.getItems().size() == 1);
        robot.interact(() -> snaps.getSelectionModel().select(0));
        pressAndCheck(robot, "#snapshotRollback", problems);
        pressAndCheck(robot, "#snapshotRemove", problems);
        // Mounts: add.
        inspectorTab(robot, "tab-mounts");
        pressAndCheck(robot, "#mountAdd", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyDialogOfTheMenusShowsItsWordsWhole(FxRobot robot) throws Exception {
        everyDialogOfTheMenus(robot, Locale.GERMAN);
    }

    /** English too: its words are shorter, but a title was cut there as well ("Compress…"). */
    @Test
    void everyDialogOfTheMenusShowsItsWordsWholeInEnglish(FxRobot robot) throws Exception {
        everyDialogOfTheMenus(robot, Locale.ENGLISH);
    }

    private void everyDialogOfTheMenus(FxRobot robot, Locale language) throws Exception {
        openWithMailSelected(robot, language);
        assertEquals(List.of(), cutNow(), "the window itself");
        List<String> problems = new ArrayList<>();
        for (String id : OPENING) {
            MenuItem item = MenuItems.byId(robot, id);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(item.isDisable(), id + " is on with mail selected");
            // Fired as the menu does, not waited on: a dialog's showAndWait holds its caller until it closes. What a
            // dialog reads from the host (the import's list of images) comes a moment later: checkDialog waits for it.
            Platform.runLater(item::fire);
            checkDialog(robot, id, problems);
        }
        assertEquals(List.of(), problems);
    }
}
