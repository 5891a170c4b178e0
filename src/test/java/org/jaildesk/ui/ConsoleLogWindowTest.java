package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Jail ▸ Console log…: the demo host's log of a jail in its own window, the newest line in view; found lines and
 * problems only; copied; read again when the jail starts or stops; several jails selected: one at a time.
 */
class ConsoleLogWindowTest extends WindowTest {

    @SuppressWarnings("unchecked")
    private static ListView<String> lines(FxRobot robot) {
        return (ListView<String>) robot.lookup("#consoleLogLines").query();
    }

    @Test
    void aJailsConsoleLogIsShownFoundInCopiedAndFollowed(FxRobot robot) throws Exception {
        open(robot);
        page.select("cache");
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup("#consoleLogLines").tryQuery().isPresent() && !lines(robot).getItems().isEmpty());
        ListView<String> list = lines(robot);
        Stage window = (Stage) list.getScene().getWindow();
        assertEquals("Console log \u2014 cache", window.getTitle());
        assertEquals("Setting hostname: cache.", list.getItems().get(0));
        assertEquals("Thu Nov 26 09:00:00 UTC 2026", list.getItems().get(list.getItems().size() - 1));
        assertTrue(robot.lookup("#consoleLogAbout").queryAs(Label.class).getText()
                .contains("/tank/iocage/log/ioc-cache-console.log"));
        int all = list.getItems().size();
        assertEquals(all + " lines", robot.lookup("#consoleLogCount").queryAs(Label.class).getText());

        // Problems only: the service that failed to start.
        robot.interact(() -> robot.lookup("#consoleLogProblems").queryAs(CheckBox.class).setSelected(true));
        assertEquals(List.of("/usr/local/etc/rc.d/redis: WARNING: failed to start redis"), List.copyOf(list.getItems()));
        assertEquals("1 of " + all + " lines", robot.lookup("#consoleLogCount").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup("#consoleLogProblems").queryAs(CheckBox.class).setSelected(false));
        robot.interact(() -> robot.lookup("#consoleLogFind").queryAs(TextField.class).setText("SYSLOG"));
        assertEquals(List.of("Starting syslogd."), List.copyOf(list.getItems()), "found in any case");
        robot.interact(() -> robot.lookup("#consoleLogFind").queryAs(TextField.class).setText("nothing like it"));
        assertEquals("No line shown: none matches.", ((Label) list.getPlaceholder()).getText());
        robot.interact(() -> robot.lookup("#consoleLogFind").queryAs(TextField.class).setText(""));

        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().selectIndices(0, 1);
        });
        robot.push(KeyCode.CONTROL, KeyCode.C);
        assertEquals("Setting hostname: cache.\nELF ldconfig path: /lib /usr/lib /usr/lib/compat /usr/local/lib\n",
                WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());

        // Followed: another jail's start leaves it be; a restart of this one (stop, start) adds a stop's and a start's lines.
        java.util.function.LongSupplier tails = () -> page.log.entries().stream()
                .filter(e -> e.kind() == org.jaildesk.client.ProtocolLog.Entry.Kind.COMMAND && e.summary().startsWith("tail")).count();
        long before = tails.getAsLong();
        page.host.handle(new org.jaildesk.protocol.Request("sysadm", "iocage", "s1",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("action", "startjail").put("jail", "mail")))
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        page.host.handle(new org.jaildesk.protocol.Request("sysadm", "iocage", "r1",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("action", "restartjail").put("jail", "cache")))
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        page.waitFor(() -> list.getItems().stream().filter(l -> l.equals("Setting hostname: cache.")).count() == 2);
        assertEquals("Thu Nov 26 10:00:00 UTC 2026", list.getItems().get(list.getItems().size() - 1), "the newest last");
        assertEquals(before + 1, tails.getAsLong(), "read again for its own restart only, not for mail's start");
        robot.interact(window::close);

        // A jail never started has none yet; several jails: one at a time.
        page.select("test-empty");
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup("#consoleLogLines").tryQuery().isPresent()
                && ((Label) lines(robot).getPlaceholder()).getText().startsWith("test-empty has no console log yet"));
        robot.interact(() -> lines(robot).getScene().getWindow().hide());
        page.select("db01", "mail");
        assertTrue(MenuItems.byId(robot, "menu-log").isDisable());
        assertEquals("2 jails are selected; this works on one jail at a time.", MenuItems.whyOff(robot, "menu-log"));
        assertTrue(Window.getWindows().stream().noneMatch(w -> w.getScene() != null && w.getScene().lookup("#consoleLog") != null));
    }

    /** A start that failed says where to look next: the jail's console log. */
    @Test
    void aFailedStartPointsToTheConsoleLog(FxRobot robot) throws Exception {
        open(robot);
        page.select("test-empty");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        page.waitFor(() -> robot.lookup(".notice .label").queryAll().stream().map(n -> ((Label) n).getText())
                .anyMatch(t -> t.startsWith("Start test-empty: ") && t.endsWith(
                        "No such file or directory \u2014 Jail \u25b8 Console log\u2026 (Ctrl+L) shows what its rc printed.")));
    }
}
