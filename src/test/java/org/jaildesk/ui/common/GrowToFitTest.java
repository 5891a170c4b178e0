package org.jaildesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dialog grows to a line that came after it opened, once: calls before the window system has resized it (a line
 * that changes at each keystroke) do not add the same growth again.
 */
@ExtendWith(ApplicationExtension.class)
class GrowToFitTest {

    private Stage own;
    private VBox root;
    private Region line;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(own::hide);
    }

    @Start
    void start(Stage stage) {
        line = new Region();
        line.setPrefSize(200, 100);
        root = new VBox(line);
        own = new Stage();
        own.setScene(new Scene(root));
        own.show();
    }

    @Test
    void growsToTheContentOnceHoweverOftenAskedBeforeTheWindowFollows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double width = own.getWidth();
        double height = own.getHeight();
        robot.interact(() -> {
            line.setPrefSize(300, 250);
            // Three keystrokes' worth of calls in one go, before the scene has its new size.
            Dialogs.growToFit(line);
            Dialogs.growToFit(line);
            Dialogs.growToFit(line);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width + 100, own.getWidth(), 0.5);
        assertEquals(height + 150, own.getHeight(), 0.5);
        assertEquals(250, own.getScene().getHeight(), 0.5);
        // Asked again once it has grown: nothing more.
        robot.interact(() -> Dialogs.growToFit(line));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(height + 150, own.getHeight(), 0.5);
    }

    /**
     * A label added since the last pulse has no skin and so no size of its own until styled: measured as it will be
     * drawn, it widens the window (a dialog's new row "IPv6 address" was cut to "IPv6 addr…", its buttons below the
     * window, before).
     */
    @Test
    void aLabelAddedJustNowIsMeasuredAsItWillBeDrawn(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double width = own.getWidth();
        javafx.scene.control.Label added = new javafx.scene.control.Label("x".repeat(80));
        robot.interact(() -> {
            root.getChildren().add(added);
            Dialogs.growToFit(added);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(own.getWidth() > width + 100, own.getWidth() + " wide, was " + width);
        assertEquals(added.prefWidth(-1), own.getScene().getWidth(), 1.0);
    }

    /** Rows a choice took away take their room with them; the width stays (a field does not narrow under the cursor). */
    @Test
    void rowsThatGoTakeTheirHeightWithThemButNotTheirWidth(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double width = own.getWidth();
        double height = own.getHeight();
        robot.interact(() -> {
            line.setPrefSize(300, 250);
            Dialogs.fitHeightToContent(line);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(height + 150, own.getHeight(), 0.5);
        robot.interact(() -> {
            line.setPrefSize(200, 100);
            Dialogs.fitHeightToContent(line);
            // Asked twice before the window follows: shrunk once.
            Dialogs.fitHeightToContent(line);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(height, own.getHeight(), 0.5);
        assertEquals(width + 100, own.getWidth(), 0.5);
        // growToFit, for a line of text, never shrinks.
        robot.interact(() -> {
            line.setPrefSize(200, 50);
            Dialogs.growToFit(line);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(height, own.getHeight(), 0.5);
    }

    @Test
    void aWindowThatGrowsPastTheScreensEdgeMovesBackOntoIt(FxRobot robot) {
        javafx.geometry.Rectangle2D area = javafx.stage.Screen.getPrimary().getVisualBounds();
        robot.interact(() -> {
            own.setX(area.getMaxX() - own.getWidth() - 10);
            own.setY(area.getMaxY() - own.getHeight() - 10);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            line.setPrefSize(300, 250);
            Dialogs.growToFit(line);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(area.getMaxY(), own.getY() + own.getHeight(), 0.5, "the bottom edge, with the buttons, on the screen");
        assertEquals(area.getMaxX(), own.getX() + own.getWidth(), 0.5);
        // Taller than the screen: its top stays on it (the title bar stays in reach).
        robot.interact(() -> {
            line.setPrefSize(300, area.getHeight() + 200);
            Dialogs.growToFit(line);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(area.getMinY(), own.getY(), 0.5);
    }
}
