package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.Transport;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A jail listed again with new values is an update of its table row: the list says so, and the table fills that row in
 * place instead of building all its rows again.
 */
@ExtendWith(ApplicationExtension.class)
class RowUpdatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which of the 30 jails the host lists as running. */
    private volatile Set<Integer> running = Set.of();
    private JailsViewModel vm;
    private JailTableView table;
    private Stage own;

    private static Jail jail(String id, boolean up) {
        return new Jail(id, id, up ? OptionalInt.of(1) : OptionalInt.empty(), up ? JailState.UP : JailState.DOWN, false,
                "jail", "14.1-RELEASE", "-", "-", "-");
    }

    private static List<String> changesOf(ObservableList<Jail> rows) {
        List<String> seen = new ArrayList<>();
        rows.addListener((ListChangeListener<Jail>) c -> {
            while (c.next()) {
                String range = c.getFrom() + ".." + c.getTo();
                if (c.wasPermutated()) {
                    List<Integer> to = new ArrayList<>();
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        to.add(c.getPermutation(i));
                    }
                    seen.add("permuted " + range + " to " + to);
                } else if (c.wasUpdated()) {
                    seen.add("updated " + range);
                } else if (c.wasReplaced()) {
                    seen.add("replaced " + range + " " + c.getRemoved().stream().map(Jail::id).toList());
                } else if (c.wasRemoved()) {
                    seen.add("removed " + range + " " + c.getRemoved().stream().map(Jail::id).toList());
                } else {
                    seen.add("added " + range);
                }
            }
        });
        return seen;
    }

    @Test
    void theSameJailWithNewValuesIsAnUpdateAndEveryOtherChangePassesAsItCame() {
        ObservableList<Jail> source = FXCollections.observableArrayList(jail("a", false), jail("b", false), jail("c", false));
        RowUpdates rows = new RowUpdates(source);
        List<String> seen = changesOf(rows);

        source.set(1, jail("b", true));
        assertEquals(List.of("updated 1..2"), seen);
        assertEquals(JailState.UP, rows.get(1).state(), "the row reads the new record");

        source.set(1, jail("x", true));
        source.add(jail("d", false));
        source.remove(0);
        source.setAll(jail("x", false), jail("c", true), jail("d", false));
        source.setAll(jail("e", false));
        assertEquals(List.of("updated 1..2", "replaced 1..2 [b]", "added 3..4", "removed 0..0 [a]", "updated 0..3",
                "replaced 0..1 [x, c, d]"), seen);
        assertEquals(List.of("e"), rows.stream().map(Jail::id).toList());
        assertEquals(1, rows.size());
    }

    @Test
    void aSortPassesAsThePermutationItIs() {
        ObservableList<Jail> source = FXCollections.observableArrayList(jail("b", false), jail("c", false), jail("a", false));
        SortedList<Jail> sorted = new SortedList<>(source);
        RowUpdates rows = new RowUpdates(sorted);
        List<String> seen = changesOf(rows);
        sorted.setComparator(Comparator.comparing(Jail::id));
        assertEquals(List.of("permuted 0..3 to [1, 2, 0]"), seen);
        assertEquals(List.of("a", "b", "c"), rows.stream().map(Jail::id).toList());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(own::hide);
    }

    @Start
    void start(Stage stage) {
        Transport host = new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request r) {
                if (!r.action().equals("listjails")) {
                    return CompletableFuture.completedFuture(ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "no"));
                }
                StringBuilder b = new StringBuilder("{\"listjails\":{");
                for (int i = 0; i < 30; i++) {
                    boolean up = running.contains(i);
                    b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                            "\"j%02d\":{\"jid\":\"%s\",\"state\":\"%s\",\"boot\":\"off\",\"tag\":\"j%02d\",\"type\":\"jail\","
                                    + "\"release\":\"14.1-RELEASE\",\"ip4\":\"-\"}",
                            i, up ? String.valueOf(i + 1) : "-", up ? "up" : "down", i));
                }
                try {
                    return CompletableFuture.completedFuture(new Response("sysadm", "response", r.id(), JSON.readTree(b + "}}")));
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public CompletableFuture<Set<String>> extensions() {
                return CompletableFuture.completedFuture(Set.of());
            }
        };
        Messages msg = new Messages(Locale.ENGLISH);
        vm = new JailsViewModel(new IocageClient(host), Platform::runLater, msg, new Notifier(msg));
        table = new JailTableView(vm, msg, new SimpleBooleanProperty(false));
        // A window of its own, closed after the test: the primary stage stays as the other tests' windows expect it.
        own = new Stage();
        own.setScene(new Scene(table, 1000, 400));
        own.show();
    }

    private void refresh() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.refresh()).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Each row cell on screen, with the index it shows. */
    private Map<TableRow<?>, Integer> rowCells() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Map<TableRow<?>, Integer> rows = new IdentityHashMap<>();
            table.lookupAll(".table-row-cell").forEach(n -> {
                TableRow<?> r = (TableRow<?>) n;
                if (r.isVisible() && r.getIndex() >= 0 && r.getIndex() < table.getItems().size()) {
                    rows.put(r, r.getIndex());
                }
            });
            return rows;
        }).get(10, TimeUnit.SECONDS);
    }

    /** What the State column's cell on screen shows for the jail {@code id}. */
    private Object stateShown(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> "col-state".equals(c.getTableColumn().getId()) && c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof Jail j && j.id().equals(id))
                .map(TableCell::getItem).findFirst().orElse(null)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aJailThatStartsIsFilledInPlaceAndStaysSelected(FxRobot robot) throws Exception {
        refresh();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(3));
        assertEquals(List.of("j03"), vm.selection().stream().map(Jail::id).toList());
        Map<TableRow<?>, Integer> before = rowCells();
        assertTrue(before.size() > 10, "rows on screen: " + before.size());
        assertEquals(JailState.DOWN, stateShown("j03"));

        running = Set.of(3);
        refresh();

        assertEquals(JailState.UP, stateShown("j03"), "the row shows the jail's new state");
        assertEquals(before, rowCells(), "every row cell still shows the row it showed");
        assertEquals(List.of("j03"), vm.selection().stream().map(Jail::id).toList());
        assertEquals(JailState.UP, vm.selection().get(0).state(), "the selection holds the jail as listed now");
    }
}
