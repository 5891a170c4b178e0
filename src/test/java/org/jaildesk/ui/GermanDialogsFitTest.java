package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * size it opens with: no label, heading or button cut to "…" (a table's cells may be; their tooltips hold the rest),
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
                && !(l instanceof javafx.scene.control.IndexedCell<?>) && l.lookup(".text") instanceof Text shown
                && shown.getText() != null && !shown.getText().replace("_", "").equals(l.getText().replace("_", ""))) {
            out.add(l.getClass().getSimpleName() + "#" + l.getId() + ": [" + l.getText() + "] shown [" + shown.getText() + "]");
        }
        if (n instanceof javafx.scene.control.Button b && b.isVisible() && b.getScene() != null) {
            javafx.geometry.Bounds at = b.localToScene(b.getLayoutBounds());
            if (at.getMaxY() > b.getScene().getHeight() + 0.5 || at.getMaxX() > b.getScene().getWidth() + 0.5) {
                out.add("Button#" + b.getId() + " [" + b.getText() + "] ends at " + at.getMaxX() + "," + at.getMaxY()
                        + " outside its window's " + b.getScene().getWidth() + "x" + b.getScene().getHeight());
            }
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> cut(c, out));
        }
    }

    /** What every showing window cuts now (read on the FX thread). */
    private static List<String> cutNow() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.isShowing() && w.getScene() != null) {
                    cut(w.getScene().getRoot(), out);
                }
            }
            return out;
        }).get();
    }

    @Test
    void everyDialogOfTheMenusShowsItsWordsWhole(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> page = MainWindowPage.open(robot, stage, config,
                SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Locale.GERMAN)).get();
        page.waitFor(() -> page.rows().size() == 12);
        page.select("mail");
        assertEquals(List.of(), cutNow(), "the window itself");
        List<String> problems = new ArrayList<>();
        for (String id : OPENING) {
            MenuItem item = MenuItems.byId(robot, id);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(item.isDisable(), id + " is on with mail selected");
            // Fired as the menu does, not waited on: a dialog's showAndWait holds its caller until it closes.
            Platform.runLater(item::fire);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing()));
            // What a dialog reads from the host (the import's list of images) comes a moment later: its words are
            // waited for, and what stays cut is reported.
            try {
                WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> cutNow().isEmpty());
            } catch (TimeoutException e) {
                problems.add(id + ": " + cutNow());
            }
            robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage && w.isShowing()).forEach(Window::hide));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(List.of(), problems);
    }
}
