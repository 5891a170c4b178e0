package org.jaildesk.ui.snapshots;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailSnapshot;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.common.Messages;

/**
 * The inspector's Snapshots tab: the focused jail's snapshots, oldest first, and the buttons to take one, roll back to
 * the selected one (a stopped jail only; the line under the buttons says why not) and remove it.
 */
public final class SnapshotsView extends VBox {

    private final SnapshotsViewModel vm;
    private final ObservableValue<Jail> focused;
    private final SnapshotDialogs dialogs;
    private final Messages msg;

    /** {@code readOnly}: why this login may change nothing on the host ("" while it may): take, roll back, remove are then off. */
    public SnapshotsView(SnapshotsViewModel vm, Messages msg, ObservableValue<Jail> focused,
                         javafx.beans.value.ObservableStringValue readOnly) {
        this.dialogs = new SnapshotDialogs(vm, msg);
        this.msg = msg;
        setId("snapshots");
        setSpacing(6);
        setPadding(new Insets(6));
        TableView<JailSnapshot> table = new TableView<>(vm.rows());
        table.setId("snapshotsTable");
        table.setAccessibleText(msg.get("tab.snapshots"));
        // Several at once for Remove (old snapshots pile up); Roll back goes to one.
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<JailSnapshot, String> name = new TableColumn<>(msg.get("snapshots.name"));
        name.setId("snap-name");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(146);
        TableColumn<JailSnapshot, String> created = new TableColumn<>(msg.get("snapshots.created"));
        created.setId("snap-created");
        created.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().taken()));
        created.setPrefWidth(128);
        // "Holds" needs a word of explanation: a header tooltip needs the header's text as a label of its own.
        TableColumn<JailSnapshot, Size> used = new TableColumn<>();
        used.setId("snap-used");
        used.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().used()));
        used.setPrefWidth(50);
        Label usedHeader = new Label(msg.get("snapshots.used"));
        usedHeader.setTooltip(new Tooltip(msg.get("snapshots.usedTip")));
        used.setGraphic(usedHeader);
        table.getColumns().add(name);
        table.getColumns().add(created);
        table.getColumns().add(used);
        // Oldest first, always: a rollback destroys what comes after, so the order is the meaning.
        table.getColumns().forEach(c -> c.setSortable(false));
        // What the snapshot refers to (the jail's whole data then) matters less than what it holds: a tooltip.
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(JailSnapshot s, boolean empty) {
                super.updateItem(s, empty);
                setTooltip(empty || s == null ? null : new Tooltip(msg.get("snapshots.rowTip", s.name(), s.taken(),
                        s.referenced().text(), s.used().text())));
            }
        });
        Label placeholder = new Label();
        placeholder.setId("snapshotsPlaceholder");
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(vm.placeholder());
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);

        this.vm = vm;
        this.focused = focused;
        SnapshotDialogs dialogs = this.dialogs;
        javafx.collections.ObservableList<JailSnapshot> chosen = table.getSelectionModel().getSelectedItems();
        Button take = new Button(msg.get("snapshots.take"));
        take.setId("snapshotTake");
        javafx.beans.binding.BooleanBinding mayNot = Bindings.isNotEmpty(readOnly);
        take.disableProperty().bind(vm.supported().not().or(mayNot)
                .or(Bindings.createBooleanBinding(() -> focused.getValue() == null, focused)));
        take.setOnAction(e -> dialogs.take(getScene().getWindow(), List.of(focused.getValue().id())).show());
        Button rollback = new Button(msg.get("snapshots.rollback"));
        rollback.setId("snapshotRollback");
        rollback.disableProperty().bind(mayNot.or(Bindings.createBooleanBinding(() -> chosen.size() != 1
                || focused.getValue() == null || focused.getValue().isRunning(), chosen, focused)));
        rollback.setOnAction(e -> dialogs.rollback(getScene().getWindow(), focused.getValue(), chosen.get(0)).show());
        Button remove = new Button(msg.get("snapshots.remove"));
        remove.setId("snapshotRemove");
        remove.disableProperty().bind(mayNot.or(Bindings.createBooleanBinding(() -> chosen.isEmpty() || focused.getValue() == null,
                chosen, focused)));
        remove.setOnAction(e -> dialogs.remove(getScene().getWindow(), focused.getValue().id(), List.copyOf(chosen)).show());
        FlowPane buttons = new FlowPane(6, 6, take, rollback, remove);
        // Why Roll back is off, where it is not plain: a running jail, or nothing selected in a list that has rows.
        // Its room is the most it has needed (a line while empty, two where a sentence wraps, as in German): the table
        // under it does not jump when a row is selected and the line empties; and the table, which grows, never squeezes
        // it below what its words need now (it was cut to "… oder ..." in German when its room was its first height).
        Label why = new Label() {
            private double tallest;

            @Override
            protected double computeMinHeight(double width) {
                tallest = Math.max(tallest, computePrefHeight(width));
                return tallest;
            }
        };
        why.setId("snapshotWhy");
        why.setWrapText(true);
        why.getStyleClass().add("legend");
        why.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!readOnly.get().isEmpty()) {
                return readOnly.get();
            }
            Jail j = focused.getValue();
            if (j == null || vm.rows().isEmpty()) {
                return "";
            }
            if (j.isRunning()) {
                return msg.get("snapshots.why.running", j.displayName());
            }
            return chosen.isEmpty() ? msg.get("snapshots.why.select") : chosen.size() > 1 ? msg.get("snapshots.why.one") : "";
        }, focused, chosen, vm.rows(), readOnly));
        getChildren().addAll(buttons, why, table);
    }

    /**
     * Opens the take dialog (Jail ▸ Take snapshot…). For the focused jail once the tab has read what the host offers:
     * a host without snapshots shows only the tab, which says so. For several selected jails (the tab shows none of
     * them) once the host has said it offers snapshots; if it does not, the window says so.
     */
    public void take(Window owner, List<Jail> selected) {
        if (selected.size() > 1) {
            List<String> jails = selected.stream().map(Jail::id).toList();
            vm.offered(msg.get("snapshots.take")).thenAcceptAsync(yes -> {
                if (yes) {
                    dialogs.take(owner, jails).show();
                }
            }, Platform::runLater);
            return;
        }
        Jail j = focused.getValue();
        if (j == null) {
            return;
        }
        vm.ready().thenRunAsync(() -> {
            if (vm.supported().get() && j.id().equals(vm.subject().get())) {
                dialogs.take(owner, List.of(j.id())).show();
            }
        }, Platform::runLater);
    }
}
