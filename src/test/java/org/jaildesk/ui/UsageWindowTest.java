package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.jails.JailTableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The demo host's figures in the window: the table's columns and the status bar's totals of them. */
class UsageWindowTest extends WindowTest {

    @Test
    void theStatusBarAddsUpWhatTheRunningJailsUse(FxRobot robot) throws Exception {
        open(robot);
        Label load = robot.lookup("#hostLoad").queryAs(Label.class);
        page.waitFor(() -> load.isVisible() && load.getText().startsWith("6 running jails use "));
        // Both read in one turn of the FX thread, so no refresh comes between them.
        String[] shownAndSummed = WaitForAsyncUtils.asyncFx(() -> {
            TableColumn<Jail, ?> cpu = column("col-cpu");
            TableColumn<Jail, ?> memory = column("col-memory");
            double cpuSum = 0;
            long memorySum = 0;
            for (Jail j : page.table().getItems()) {
                if (cpu.getCellData(j) instanceof JailTableView.CpuShare c) {
                    cpuSum += c.percent();
                    memorySum += ((Size) memory.getCellData(j)).bytes();
                }
            }
            return new String[] {load.getText(),
                String.format(Locale.ROOT, "6 running jails use %s CPU, %s", new JailTableView.CpuShare(cpuSum), Size.ofBytes(memorySum))};
        }).get();
        assertEquals(shownAndSummed[1], shownAndSummed[0]);
    }

    private TableColumn<Jail, ?> column(String id) {
        return page.table().getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
