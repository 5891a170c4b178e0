package org.jaildesk.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.TextColumn;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.connect.HostsViewModel;
import org.jaildesk.ui.jails.ExecBatch;
import org.jaildesk.ui.jails.ExecBatchConsole;
import org.jaildesk.ui.jails.JailsViewModel;
import org.jaildesk.ui.jails.JailTableView;

/**
 * <i>All hosts</i> in the host list: one table of the jails of every host opened in this window, with their host. A
 * double click (or Enter) shows the jail among its host's jails, where the other actions are; Start, Stop, Restart and
 * <i>Run command…</i> act on the selected jails whatever their host; the hosts not opened yet are named, with a button
 * that opens them.
 */
final class AllHostsView extends VBox {

    /** The commands run from here in this session, first the last. */
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final HostsViewModel hosts;
    private final TableView<AllHosts.Row> table;
    private final Messages msg;
    /** The jail actions done here on the selection, by the window's action ids ({@link #action}). */
    private final Map<String, Button> actions = new java.util.HashMap<>();

    /**
     * {@code show} shows a jail among its host's jails; {@code question} asks whether to trust a host's certificate
     * when one is opened or refreshed from here.
     */
    AllHostsView(AllHosts model, HostsViewModel hosts, Messages msg, Window owner, BiConsumer<HostEntry, Jail> show,
                 HostsViewModel.CertificateQuestion question) {
        super(6);
        this.hosts = hosts;
        this.msg = msg;
        setId("allHosts");
        Runnable refreshAll = () -> refresh(model, true, question);
        Runnable openAll = () -> refresh(model, false, question);
        setPadding(new Insets(8));
        table = new TableView<>();
        org.jaildesk.ui.common.TableHeaders.keepWhole(table);
        table.setId("allHostsTable");
        table.setAccessibleText(msg.get("allHosts.title"));
        SortedList<AllHosts.Row> sorted = new SortedList<>(model.visible());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label(msg.get("allHosts.empty")));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        keepSelection(table, model);
        // Columns keep their widths, as in a host's table: in a narrow window a scroll bar, not values cut to "…".
        TableColumn<AllHosts.Row, JailState> state = new TableColumn<>(msg.get("column.state"));
        state.setId("all-col-state");
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().jail().state()));
        state.setCellFactory(c -> JailTableView.stateCell(msg));
        state.setPrefWidth(95);
        table.getColumns().add(TextColumn.<AllHosts.Row>of("all-col-host", msg.get("allHosts.host"), r -> r.host().name(), 150));
        table.getColumns().add(state);
        table.getColumns().addAll(List.of(
                TextColumn.<AllHosts.Row>of("all-col-name", msg.get("column.name"), r -> r.jail().tag(), 130),
                TextColumn.<AllHosts.Row>of("all-col-jid", msg.get("column.jid"), r -> r.jail().jid().isPresent() ? Integer.toString(r.jail().jid().getAsInt()) : "", 50),
                // Each running jail's figures as its host's own table has them (read after each of its listings).
                JailTableView.figureColumn("all-col-cpu", msg.get("column.cpu"), help(msg.get("column.cpu.help")),
                        AllHosts.Row::jail, this::usagesOf, u -> new JailTableView.CpuShare(u.cpuPercent()), 75),
                JailTableView.figureColumn("all-col-memory", msg.get("column.memory"), help(msg.get("column.memory.help")),
                        AllHosts.Row::jail, this::usagesOf, u -> org.jaildesk.domain.Size.ofBytes(u.memoryBytes()), 85),
                TextColumn.<AllHosts.Row>of("all-col-boot", msg.get("column.boot"), r -> r.jail().boot() ? msg.get("value.on") : msg.get("value.off"), 70),
                TextColumn.<AllHosts.Row>of("all-col-type", msg.get("column.type"), r -> r.jail().type(), 85),
                TextColumn.<AllHosts.Row>of("all-col-release", msg.get("column.release"), r -> r.jail().release(), 125),
                TextColumn.<AllHosts.Row>of("all-col-ip4", msg.get("column.ip4"), r -> r.jail().ip4(), 220)));
        table.setRowFactory(t -> {
            TableRow<AllHosts.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    show.accept(row.getItem().host(), row.getItem().jail());
                }
            });
            return row;
        });
        table.setOnKeyPressed(k -> {
            AllHosts.Row r = table.getSelectionModel().getSelectedItem();
            if (k.getCode() == KeyCode.ENTER && r != null) {
                show.accept(r.host(), r.jail());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label title = new Label(msg.get("allHosts.title"));
        title.getStyleClass().add("section-title");
        Label count = new Label();
        count.setId("allHostsCount");
        Runnable counted = () -> count.setText(msg.get("allHosts.count", model.visible().size(), model.total(),
                model.hostsTakenIn()));
        model.visible().addListener((ListChangeListener<AllHosts.Row>) c -> counted.run());
        counted.run();
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button refresh = new Button(msg.get("allHosts.refresh"));
        refresh.setId("allHostsRefresh");
        refresh.setOnAction(e -> refreshAll.run());
        Button exec = new Button(msg.get("action.exec"));
        exec.setId("allHostsExec");
        exec.disableProperty().bind(Bindings.createBooleanBinding(() -> table.getSelectionModel().getSelectedItems().stream()
                .noneMatch(r -> r.jail().isRunning()), table.getSelectionModel().getSelectedItems()));
        exec.setOnAction(e -> runCommand(owner, List.copyOf(table.getSelectionModel().getSelectedItems())));
        // Start, Stop and Restart act on the selected jails they apply to, each through its own host.
        Button start = onSelected(table, msg.get("action.start"), "allHostsStart", j -> j.state() == JailState.DOWN,
                (vm, jails) -> vm.commands().start(jails));
        Button stop = onSelected(table, msg.get("action.stop"), "allHostsStop", Jail::isRunning,
                (vm, jails) -> vm.commands().stop(jails));
        Button restart = onSelected(table, msg.get("action.restart"), "allHostsRestart", Jail::isRunning,
                (vm, jails) -> vm.commands().restart(jails));
        actions.put("start", start);
        actions.put("stop", stop);
        actions.put("restart", restart);
        actions.put("exec", exec);
        // The count on a line of its own, the buttons on the next: side by side they were cut short in German.
        HBox heading = new HBox(10, title, count);
        heading.setAlignment(Pos.BASELINE_LEFT);
        for (Button b : List.of(exec, refresh)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(8, start, stop, restart, exec, gap, refresh);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, heading, buttons);

        Label notOpened = new Label();
        notOpened.setId("allHostsNotOpened");
        notOpened.setWrapText(true);
        notOpened.textProperty().bind(Bindings.createStringBinding(() -> model.notOpened().isEmpty() ? ""
                : msg.get("allHosts.notOpened", String.join(", ", model.notOpened().stream().map(HostEntry::name).toList())),
                model.notOpened()));
        Button open = new Button(msg.get("allHosts.open"));
        open.setId("allHostsOpen");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> openAll.run());
        HBox bottom = new HBox(10, notOpened, open);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.managedProperty().bind(Bindings.isNotEmpty(model.notOpened()));
        bottom.visibleProperty().bind(bottom.managedProperty());
        getChildren().addAll(top, table, bottom);
    }

    /**
     * The button of a jail action this view does on its selection itself, by the id of the window's action ({@code
     * start}, {@code stop}, {@code restart}, {@code exec}): the window's menus, toolbar, shortcuts and palette do it
     * through this button while All hosts is shown. Null for the others.
     */
    Button action(String id) {
        return actions.get(id);
    }

    /** The rows selected in the table. */
    ObservableList<AllHosts.Row> selected() {
        return table.getSelectionModel().getSelectedItems();
    }

    /**
     * Keeps the selected jails selected when the rows are listed again (after a start, a refresh): each row is new then,
     * and the table would drop them. A jail is its host's and its own id.
     */
    private static void keepSelection(TableView<AllHosts.Row> table, AllHosts model) {
        java.util.Set<String> kept = new java.util.HashSet<>();
        model.onRelist(() -> {
            kept.clear();
            table.getSelectionModel().getSelectedItems().forEach(r -> kept.add(key(r)));
        }, () -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (kept.contains(key(table.getItems().get(i)))) {
                    table.getSelectionModel().select(i);
                }
            }
        });
    }

    private static String key(AllHosts.Row r) {
        return r.host().id() + "\n" + r.jail().id();
    }

    /**
     * A button for an action on the selected jails it applies to ({@code applies}), on when some do; each host gets its
     * own jails of the selection, in one call.
     */
    private Button onSelected(TableView<AllHosts.Row> table, String text, String id, Predicate<Jail> applies,
                              BiFunction<JailsViewModel, List<Jail>, CompletableFuture<Void>> action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        ObservableList<AllHosts.Row> selected = table.getSelectionModel().getSelectedItems();
        // A host whose login may only read changes nothing: its jails are left out, as those the action does not apply to.
        Predicate<AllHosts.Row> takes = r -> applies.test(r.jail()) && hosts.session(r.host()).jails().readOnly().get().isEmpty();
        b.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.stream().noneMatch(takes), selected));
        b.setOnAction(e -> {
            Map<HostEntry, List<Jail>> byHost = new LinkedHashMap<>();
            for (AllHosts.Row r : List.copyOf(selected)) {
                if (takes.test(r)) {
                    byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r.jail());
                }
            }
            byHost.forEach((host, jails) -> action.apply(hosts.session(host).jails(), jails));
        });
        return b;
    }

    /** One command in each running jail of {@code rows}, each through its own host; the others named as left out. */
    private void runCommand(Window owner, List<AllHosts.Row> rows) {
        new ExecBatchConsole(msg, history).open(owner, rows.stream().map(r -> new ExecBatch.Target(
                msg.get("allHosts.jail", r.host().name(), r.jail().displayName()), r.jail(),
                hosts.session(r.host()).jails().commands()::exec, hosts.session(r.host()).jails().commands()::snapshotBefore)).toList());
    }

    /** Refreshes the hosts opened in this window ({@code opened}), or opens the others by refreshing them. */
    private void refresh(AllHosts model, boolean opened, HostsViewModel.CertificateQuestion question) {
        for (HostEntry h : List.copyOf(hosts.hosts())) {
            if (hosts.opened(h) == opened) {
                hosts.refresh(h, question);
            }
        }
        model.follow();
    }

    /** The figures of a row's host, where it is open; null otherwise. */
    private org.jaildesk.ui.jails.JailUsages usagesOf(AllHosts.Row row) {
        org.jaildesk.ui.connect.HostSession s = hosts.session(row.host());
        return s == null ? null : s.jails().usages();
    }

    private static javafx.scene.control.Tooltip help(String text) {
        return new javafx.scene.control.Tooltip(text);
    }


    /** Every row the table lists (search and sort applied) as it shows them, its columns' titles first; FX thread. */
    List<List<String>> listedAsCells() {
        return org.jaildesk.ui.common.TableCopy.listedAsCells(table, v -> JailTableView.shownText(msg, v));
    }

    TableView<AllHosts.Row> table() {
        return table;
    }

}
