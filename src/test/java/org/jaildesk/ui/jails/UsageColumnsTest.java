package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.Transport;
import org.jaildesk.domain.Jail;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The table's CPU and memory columns: filled for running jails from the host's figures, and sorted as they change. */
@ExtendWith(ApplicationExtension.class)
class UsageColumnsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTING = """
            {"listjails":{
              "db01":{"jid":"1","state":"up","boot":"on","tag":"db01","type":"jail","release":"14.1-RELEASE","ip4":"-"},
              "mail":{"jid":"-","state":"down","boot":"off","tag":"mail","type":"jail","release":"14.1-RELEASE","ip4":"-"},
              "web01":{"jid":"2","state":"up","boot":"on","tag":"web01","type":"jail","release":"14.1-RELEASE","ip4":"-"}}}""";

    /** The rows the host answers to jailusage now; one starting with '!' is the error it answers instead. */
    private volatile String usage = "";
    private volatile boolean offersUsage = true;
    private final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    private JailsViewModel vm;
    private JailTableView table;
    private DetailsPane details;

    @Start
    void start(Stage stage) {
        Transport host = new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request r) {
                sent.add(r.action());
                try {
                    String body = switch (r.action()) {
                        case "listjails" -> LISTING;
                        case "jailusage" -> usage.startsWith("!") ? "{\"jailusage\":{\"error\":\"" + usage.substring(1) + "\"}}"
                                : "{\"jailusage\":{\"usage\":[" + usage + "]}}";
                        default -> null;
                    };
                    return CompletableFuture.completedFuture(body == null ? ErrorReply.of(r.id(), org.jaildesk.protocol.ErrorCode.BAD_REQUEST, "no")
                            : new Response("sysadm", "response", r.id(), JSON.readTree(body)));
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public CompletableFuture<Set<String>> extensions() {
                return CompletableFuture.completedFuture(offersUsage ? Set.of("jailusage") : Set.of());
            }
        };
        Messages msg = new Messages(Locale.ENGLISH);
        vm = new JailsViewModel(new IocageClient(host), Platform::runLater, msg, new Notifier(msg));
        table = new JailTableView(vm, msg, new SimpleBooleanProperty(false));
        details = new DetailsPane(vm, msg);
        stage.setScene(new Scene(new javafx.scene.layout.HBox(table, details), 1400, 400));
        stage.show();
    }

    private static String row(int jid, String cpu, long memory) {
        return "{\"jid\":\"" + jid + "\",\"processes\":\"3\",\"cpu\":\"" + cpu + "\",\"memory\":\"" + memory + "\"}";
    }

    private void refresh() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.refresh()).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    private String cell(String column, String jail) {
        TableColumn<Jail, ?> c = table.getColumns().stream().filter(k -> column.equals(k.getId())).findFirst().orElseThrow();
        Jail j = table.getItems().stream().filter(r -> r.id().equals(jail)).findFirst().orElseThrow();
        Object v = c.getCellData(j);
        return v == null ? null : v.toString();
    }

    private List<String> order() {
        return table.getItems().stream().map(Jail::id).toList();
    }

    @Test
    void runningJailsShowTheirFiguresAndStoppedOnesNone(FxRobot robot) throws Exception {
        usage = row(1, "12.5", 50_331_648) + "," + row(2, "0.3", 1_048_576);
        refresh();
        waitFor(() -> "12.5 %".equals(cell("col-cpu", "db01")));
        assertEquals("48.0M", cell("col-memory", "db01"));
        assertEquals("0.3 %", cell("col-cpu", "web01"));
        assertEquals("1.00M", cell("col-memory", "web01"));
        assertNull(cell("col-cpu", "mail"));
        assertNull(cell("col-memory", "mail"));
        // Copied rows carry the figures as shown.
        robot.interact(() -> table.getSelectionModel().clearAndSelect(table.getItems().indexOf(
                table.getItems().stream().filter(j -> j.id().equals("db01")).findFirst().orElseThrow())));
        assertTrue(table.selectedAsText().contains("\t12.5 %\t48.0M\t"), table.selectedAsText());
        // The details of the selected jail say the same, with its processes, and follow the next figures.
        waitFor(() -> shown().contains("12.5 % (3 processes)") && shown().contains("48.0M"));
        usage = row(1, "40.0", 50_331_648);
        refresh();
        waitFor(() -> shown().contains("40.0 % (3 processes)"));
    }

    /** The window keeps each running jail's last hour and draws it under the details, oldest at the left. */
    @Test
    void theDetailsDrawTheSelectedJailsLastHour(FxRobot robot) throws Exception {
        long[] now = {100_000};
        vm.usages().clock(() -> now[0]);
        usage = row(1, "10.0", 1_048_576);
        refresh();
        waitFor(() -> "10.0 %".equals(cell("col-cpu", "db01")));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(order().indexOf("db01")));
        waitFor(() -> shown().contains("CPU and memory over time show here from the next refresh on (this window keeps the last hour)."));
        now[0] += 600;
        usage = row(1, "40.0", 3_145_728);
        refresh();
        waitFor(() -> shown().contains("CPU, the last 10 minutes: at most 40.0\u00a0%"));
        assertTrue(shown().contains("Memory, the last 10 minutes: at most 3.00M"), shown());
        Sparkline cpu = (Sparkline) details.lookup("#trendCpu");
        assertEquals("CPU, the last 10 minutes: at most 40.0\u00a0%", cpu.getAccessibleText(), "a screen reader hears the caption");
        List<Double> p = cpu.points();
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.get(0) < p.get(2), "the newer sample is to the right: " + p);
        assertTrue(p.get(1) > p.get(3), "the higher figure is higher up: " + p);
        // A stopped jail has no figures, and no lines.
        robot.interact(() -> table.getSelectionModel().clearAndSelect(order().indexOf("mail")));
        waitFor(() -> details.lookup("#trendCpu") == null);
    }

    /**
     * The day: means of ten minutes, with those an earlier start saved in front of this session's; the choice of hour
     * or day stays as the figures come in.
     */
    @Test
    void theDayShowsWhatAnEarlierStartSavedBeforeThisSessionsFigures(FxRobot robot) throws Exception {
        long[] now = {100_200};
        vm.usages().clock(() -> now[0]);
        robot.interact(() -> vm.usages().restore(java.util.Map.of("db01", new UsageHistory.Samples(
                new long[] {93_000, 93_600, 94_200}, new double[] {5, 20, 10}, new double[] {1_048_576, 2_097_152, 1_048_576}))));
        usage = row(1, "40.0", 3_145_728);
        refresh();
        waitFor(() -> "40.0 %".equals(cell("col-cpu", "db01")));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(order().indexOf("db01")));
        // The hour has one sample so far: it waits; the day has four means.
        waitFor(() -> shown().contains("CPU and memory over time show here from the next refresh on (this window keeps the last hour)."));
        robot.clickOn("#trendDay");
        waitFor(() -> shown().contains("CPU, the last 2 hours: at most 40.0\u00a0%"));
        assertTrue(shown().contains("Memory, the last 2 hours: at most 3.00M"), shown());
        List<Double> p = ((Sparkline) details.lookup("#trendCpu")).points();
        assertEquals(8, p.size(), p.toString());
        assertTrue(p.get(3) < p.get(1) && p.get(3) < p.get(5), "the 20 % mean is the highest of the saved three: " + p);
        // The next figures come in the same ten minutes: one mean of the two, and the day still shown.
        now[0] += 60;
        usage = row(1, "20.0", 3_145_728);
        refresh();
        waitFor(() -> shown().contains("CPU, the last 2 hours: at most 30.0\u00a0%"));
        robot.clickOn("#trendHour");
        waitFor(() -> shown().contains("CPU, the last minute: at most 40.0\u00a0%"));
        // Clicking the chosen one again leaves it chosen.
        robot.clickOn("#trendHour");
        assertTrue(((javafx.scene.control.ToggleButton) details.lookup("#trendHour")).isSelected());
    }

    /** A search that compares figures follows them: a jail that gets busy comes into view at the next read. */
    @Test
    void aSearchByCpuFollowsTheFigures(FxRobot robot) throws Exception {
        usage = row(1, "12.5", 1024) + "," + row(2, "0.3", 1024);
        refresh();
        waitFor(() -> "12.5 %".equals(cell("col-cpu", "db01")));
        robot.interact(() -> vm.query().set("cpu:>50"));
        waitFor(() -> order().isEmpty());
        usage = row(1, "12.5", 1024) + "," + row(2, "80.0", 1024);
        refresh();
        waitFor(() -> order().equals(List.of("web01")));
    }

    /** The texts of the details pane's labels. */
    private String shown() {
        return details.lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText()).toList().toString();
    }

    @Test
    void sortedByCpuTheRowsFollowTheFiguresAndTheSelectionStays(FxRobot robot) throws Exception {
        usage = row(1, "12.5", 1024) + "," + row(2, "0.3", 1024);
        refresh();
        waitFor(() -> "12.5 %".equals(cell("col-cpu", "db01")));
        robot.interact(() -> {
            TableColumn<Jail, ?> cpu = table.getColumns().stream().filter(k -> "col-cpu".equals(k.getId())).findFirst().orElseThrow();
            cpu.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(cpu));
        });
        waitFor(() -> order().equals(List.of("db01", "web01", "mail")));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(order().indexOf("db01")));
        // web01 gets busy: the next read puts it first, with db01 still selected.
        usage = row(1, "2.0", 1024) + "," + row(2, "95.0", 1024);
        refresh();
        waitFor(() -> order().equals(List.of("web01", "db01", "mail")));
        assertEquals(List.of("db01"), vm.selection().stream().map(Jail::id).toList());
    }

    @Test
    void withoutFiguresTheCellsAreEmptyAndTheTooltipSaysWhy(FxRobot robot) throws Exception {
        usage = "!ps failed (exit 1): not FreeBSD";
        refresh();
        waitFor(() -> vm.usages().problem().get().contains("ps failed (exit 1): not FreeBSD"));
        assertNull(cell("col-cpu", "db01"));
        // A host's message of any length: the tooltip quotes its start.
        usage = "!" + "y".repeat(1_000_000);
        refresh();
        waitFor(() -> vm.usages().problem().get().startsWith("No figures: yyy"));
        assertTrue(vm.usages().problem().get().length() < 400, vm.usages().problem().get().length() + " characters");
        usage = row(1, "1.0", 1024);
        refresh();
        waitFor(() -> vm.usages().problem().get().isEmpty() && "1.0 %".equals(cell("col-cpu", "db01")));
    }

    /** A host without the extension (an older sysadm server) is not asked. */
    @Test
    void aHostWithoutTheExtensionIsNotAsked(FxRobot robot) throws Exception {
        offersUsage = false;
        refresh();
        waitFor(() -> vm.usages().problem().get().contains("does not report what its jails use"));
        assertTrue(sent.stream().noneMatch("jailusage"::equals), sent.toString());
        assertNull(cell("col-cpu", "db01"));
    }
}
