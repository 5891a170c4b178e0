package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.SVGPath;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Jail ▸ Protect from destroy: Destroy off for the jail, a clean that would destroy it refused, a padlock by its name,
 * and the mark kept for the host at once (in ui-state.json) and found again at the next start.
 */
class ProtectionTest extends WindowTest {

    private static final String WHY = "mail is protected from destroy: remove its protection first (Jail \u25b8 Remove protection).";

    private TableCell<?, ?> nameCell(String name) {
        return (TableCell<?, ?>) page.cell(name);
    }

    private boolean locked(String name) {
        return nameCell(name).getGraphic() instanceof SVGPath lock && lock.isVisible();
    }

    private List<String> saved() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        new ObjectMapper().readTree(config.resolve("ui-state.json").toFile()).path("layouts").path("demo")
                .path("protectedJails").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private List<String> details(FxRobot robot) {
        return robot.lookup("#details").queryAs(javafx.scene.layout.VBox.class).lookupAll(".details-value").stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void aProtectedJailCannotBeDestroyedOrCleanedAndStaysProtectedAtTheNextStart(FxRobot robot) throws Exception {
        open(robot);
        page.select("mail");
        assertFalse(MenuItems.byId(robot, "menu-protect").isDisable());
        assertTrue(MenuItems.byId(robot, "menu-unprotect").isDisable());
        assertFalse(locked("mail"));
        assertFalse(details(robot).contains("protected from destroy"));
        robot.interact(MenuItems.byId(robot, "menu-protect")::fire);
        page.waitFor(() -> locked("mail"));
        page.waitFor(() -> details(robot).contains("protected from destroy"));
        assertFalse(locked("web01"));
        assertEquals("mail is protected from destroy (Jail \u25b8 Remove protection).", nameCell("mail").getTooltip().getText());
        assertTrue(MenuItems.byId(robot, "menu-destroy").isDisable());
        assertTrue(MenuItems.byId(robot, "menu-protect").isDisable());
        assertFalse(MenuItems.byId(robot, "menu-unprotect").isDisable());
        assertEquals(List.of("mail"), saved(), "kept at once, not only when the window closes");

        // The Delete key says why instead of opening the dialog.
        Label status = robot.lookup("#status").queryAs(Label.class);
        robot.clickOn(page.cell("mail"));
        robot.push(KeyCode.DELETE);
        page.waitFor(() -> status.getText().endsWith("cannot run now: " + WHY));
        assertTrue(robot.lookup("#destroyDialog").tryQuery().isEmpty());

        // A clean that would destroy it names it and cannot be confirmed.
        robot.interact(MenuItems.byId(robot, "menu-cleanJails")::fire);
        page.waitFor(() -> robot.lookup("#cleanProtected").tryQuery().isPresent());
        assertEquals("Protected from destroy: mail. Remove their protection first (Jail \u25b8 Remove protection); nothing is "
                + "cleaned while one is.", robot.lookup("#cleanProtected").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#cleanConfirm").queryAs(TextField.class).isDisabled());
        assertTrue(robot.lookup("#cleanOk").queryAs(Button.class).isDisabled());
        page.waitFor(() -> robot.lookup("Cancel").queryAs(Button.class).isFocused());
        robot.push(KeyCode.ENTER);
        page.waitFor(() -> robot.lookup("#cleanPreview").tryQuery().isEmpty());
        assertEquals(12, page.rows().size());

        // The next start: the same mark, read from the file.
        page.close();
        page = null;
        open(robot);
        page.waitFor(() -> locked("mail"));
        page.select("mail");
        assertTrue(MenuItems.byId(robot, "menu-destroy").isDisable());
        robot.interact(MenuItems.byId(robot, "menu-unprotect")::fire);
        page.waitFor(() -> !locked("mail"));
        assertFalse(MenuItems.byId(robot, "menu-destroy").isDisable());
        assertEquals(List.of(), saved());
    }
}
