package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.stage.Window;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The small notification at the end of a job wears the window's theme: dark on dark, so its text can be read. */
class NotificationThemeTest extends AppWindowTest {

    @Test
    void aJobsNotificationIsDarkUnderTheDarkTheme(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("ui-state.json"), "{\"settings\":{\"theme\":\"dark\"}}");
        AppContext ctx = new AppContext(dir, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), Optional.empty());
        WaitForAsyncUtils.asyncFx(() -> ctx.start(stage)).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup((Node n) -> n instanceof TableCell<?, ?> c
                && "mail".equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && "mail".equals(c.getText())).queryAs(Node.class));
        robot.clickOn("#tb-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !aboutMail().isEmpty();
        });
        // Only this window's (about mail): an app window of a test before may still end a job of its own.
        assertTrue(aboutMail().stream().allMatch(n -> n.getStyleClass().contains("dark")));
    }

    private static java.util.List<Node> aboutMail() {
        return notificationBars().stream().filter(n -> n instanceof javafx.scene.Parent p && p.lookupAll(".label").stream()
                .anyMatch(l -> l instanceof javafx.scene.control.Label t && t.getText() != null && t.getText().contains("mail"))).toList();
    }

    private static java.util.List<Node> notificationBars() {
        java.util.List<Node> bars = new java.util.ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null) {
                bars.addAll(w.getScene().getRoot().lookupAll(".notification-bar"));
            }
        }
        return bars;
    }
}
