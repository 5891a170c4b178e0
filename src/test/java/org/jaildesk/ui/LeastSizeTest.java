package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At its least size (760 by 480) the main window's content fits the window, in both languages: nothing is laid out
 * wider than the window and cut at its edge (the status bar's words kept whole came to 860 pixels, and the inspector,
 * the jobs and the time of the listing were cut with them).
 */
class LeastSizeTest extends WindowTest {

    @Test
    void inEnglishTheContentFitsTheLeastWindow(FxRobot robot) throws Exception {
        fits(robot, Locale.ENGLISH);
    }

    @Test
    void inGermanTheContentFitsTheLeastWindow(FxRobot robot) throws Exception {
        fits(robot, Locale.GERMAN);
    }

    private void fits(FxRobot robot, Locale language) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> page = MainWindowPage.open(robot, stage, config,
                SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), language)).get();
        page.waitFor(() -> page.rows().size() == 12);
        // The running jails' figures show in the bar once read: the widest it gets.
        page.waitFor(() -> robot.lookup("#hostLoad").queryAs(Label.class).isVisible());
        robot.interact(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(overflow(robot).isEmpty(), stage.getWidth() + " wide, " + language + ": " + overflow(robot));
        // The host's other tabs, and All hosts, fit as well.
        for (String tab : new String[] {"tab-usage", "tab-defaults", "tab-others"}) {
            robot.interact(() -> {
                javafx.scene.control.TabPane tabs = robot.lookup("#hostTabs").queryAs(javafx.scene.control.TabPane.class);
                tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tab.equals(t.getId())).findFirst().orElseThrow());
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(leastWidthFits(), language + ", " + tab);
        }
        robot.interact(() -> robot.lookup("#allHostsButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(leastWidthFits(), language + ", All hosts");
    }

    /** Whether the window's content asks no more width than the window has. */
    private boolean leastWidthFits() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().minWidth(-1) <= stage.getScene().getWidth() + 0.5).get();
    }

    /** What ends beyond the window's right edge, or the content's least width where it exceeds the window's. */
    private String overflow(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            double width = stage.getScene().getWidth();
            StringBuilder out = new StringBuilder();
            double least = stage.getScene().getRoot().minWidth(-1);
            if (least > width + 0.5) {
                out.append("the content's least width ").append(least).append(" > the window's ").append(width).append("; ");
            }
            for (String id : new String[] {"listedAt", "hostLabel", "poolLabel", "sideTabs", "jobsTable"}) {
                Node n = robot.lookup("#" + id).query();
                double right = n.localToScene(n.getLayoutBounds()).getMaxX();
                if (n.isVisible() && right > width + 0.5) {
                    out.append('#').append(id).append(" ends at ").append(right).append("; ");
                }
            }
            return out.toString();
        }).get();
    }
}
