package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.domain.OtherJail;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Other jails tab: the demo host's jails of other tools, read with jls when the tab is shown, read-only. */
class OtherJailsTabTest extends WindowTest {

    @SuppressWarnings("unchecked")
    private TableView<OtherJail> table(FxRobot robot) {
        return (TableView<OtherJail>) robot.lookup("#othersTable").query();
    }

    private void showTab(FxRobot robot) {
        robot.clickOn(robot.lookup(".tab").match((javafx.scene.Node n) -> n.getStyleClass().contains("tab")
                && n.lookup(".tab-label") instanceof Label l && "Other jails".equals(l.getText())).queryAs(javafx.scene.Node.class));
        page.waitFor(() -> robot.lookup("#othersTable").tryQuery().isPresent());
    }

    @Test
    void theTabShowsTheJailsOfOtherToolsMarkedAndReadOnly(FxRobot robot) throws Exception {
        open(robot);
        assertTrue(page.log.entries().stream().noneMatch(e -> e.summary().contains("jls")), "not read before it is shown");
        showTab(robot);
        TableView<OtherJail> table = table(robot);
        page.waitFor(() -> table.getItems().size() == 3);
        assertEquals(List.of("www", "ns1", "pg-build"), table.getItems().stream().map(OtherJail::name).toList());
        assertEquals("3 running jails that iocage did not make.", robot.lookup("#othersStatus").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#othersIntro").queryAs(Label.class).getText().contains("JailDesk only shows them"));
        assertEquals(List.of("Bastille", "jail.conf or another tool", "pot"), table.getItems().stream()
                .map(j -> (String) table.getColumns().stream().filter(c -> "others-maker".equals(c.getId())).findFirst()
                        .orElseThrow().getCellData(j)).toList());
        assertFalse(table.isEditable(), "nothing in it can be changed");
        // The tab has no action but Refresh; the iocage jails are not among its rows.
        assertEquals(List.of("othersRefresh"), robot.from(robot.lookup("#others").queryParent()).lookup(".button")
                .queryAllAs(Button.class).stream().map(Button::getId).toList());
        assertTrue(table.getItems().stream().noneMatch(j -> page.has(j.name())));
        // What ran is in the protocol log, as for every other read.
        page.waitFor(() -> page.log.entries().stream().anyMatch(e -> e.kind() == ProtocolLog.Entry.Kind.COMMAND
                && e.summary().contains("jls --libxo json -v")));
    }

    @Test
    void theRowsCopyAsTextAndRefreshReadsAgain(FxRobot robot) throws Exception {
        open(robot);
        showTab(robot);
        TableView<OtherJail> table = table(robot);
        page.waitFor(() -> table.getItems().size() == 3);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.push(KeyCode.CONTROL, KeyCode.C);
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertEquals("901\twww\tBastille\twww.example.lan\t192.168.1.180\t\t/usr/local/bastille/jails/www/root\n", copied);
        long before = page.log.entries().stream().filter(e -> e.summary().contains("jls")).count();
        robot.clickOn("#othersRefresh");
        page.waitFor(() -> page.log.entries().stream().filter(e -> e.summary().contains("jls")).count() > before);
        page.waitFor(() -> table.getItems().size() == 3);
        // F5 (the window's Refresh) lists the host and, while the tab is shown, reads these too.
        long refreshed = page.log.entries().stream().filter(e -> e.summary().contains("jls")).count();
        robot.push(KeyCode.F5);
        page.waitFor(() -> page.log.entries().stream().filter(e -> e.summary().contains("jls")).count() > refreshed);
        // Shown again after another tab: read again (jails of other tools come and go without iocage knowing).
        long twice = page.log.entries().stream().filter(e -> e.summary().contains("jls")).count();
        robot.interact(() -> robot.lookup("#hostTabs").queryAs(TabPane.class).getSelectionModel().select(0));
        showTab(robot);
        page.waitFor(() -> page.log.entries().stream().filter(e -> e.summary().contains("jls")).count() > twice);
    }
}
