package org.jaildesk.ui.mounts;

import javafx.beans.binding.Bindings;
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
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailMount;
import org.jaildesk.ui.common.Messages;

/**
 * The inspector's Mounts tab: the host's folders mounted into the focused jail, in its fstab's order, and the buttons
 * to add one and remove the selected one. The line under the buttons says when a change takes effect.
 */
public final class MountsView extends VBox {

    /** {@code readOnly}: why this login may change nothing on the host ("" while it may): add and remove are then off. */
    public MountsView(MountsViewModel vm, Messages msg, ObservableValue<Jail> focused,
                      javafx.beans.value.ObservableStringValue readOnly) {
        MountDialogs dialogs = new MountDialogs(vm, msg);
        setId("mounts");
        setSpacing(6);
        setPadding(new Insets(6));
        TableView<JailMount> table = new TableView<>(vm.rows());
        table.setId("mountsTable");
        table.setAccessibleText(msg.get("tab.mounts"));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("mount-destination", msg.get("mounts.destination"), JailMount::destination, 110));
        table.getColumns().add(column("mount-source", msg.get("mounts.source"), JailMount::source, 130));
        table.getColumns().add(column("mount-access", msg.get("mounts.access"),
                m -> msg.get(m.readOnly() ? "mounts.readOnly" : "mounts.readWrite"), 70));
        // The fstab's order is its meaning (iocage mounts in it, a folder before one inside it): not sortable.
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(JailMount m, boolean empty) {
                super.updateItem(m, empty);
                setTooltip(empty || m == null ? null : new Tooltip(msg.get("mounts.rowTip", m.source(), m.destination(),
                        m.path(), m.type(), m.options())));
            }
        });
        Label placeholder = new Label();
        placeholder.setId("mountsPlaceholder");
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(vm.placeholder());
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);

        ObservableValue<JailMount> selected = table.getSelectionModel().selectedItemProperty();
        Button add = new Button(msg.get("mounts.add"));
        add.setId("mountAdd");
        javafx.beans.binding.BooleanBinding mayNot = Bindings.isNotEmpty(readOnly);
        add.disableProperty().bind(vm.supported().not().or(mayNot)
                .or(Bindings.createBooleanBinding(() -> focused.getValue() == null, focused)));
        add.setOnAction(e -> dialogs.add(getScene().getWindow(), focused.getValue()).show());
        Button remove = new Button(msg.get("mounts.remove"));
        remove.setId("mountRemove");
        remove.disableProperty().bind(mayNot.or(Bindings.createBooleanBinding(() -> selected.getValue() == null
                || focused.getValue() == null, selected, focused)));
        remove.setOnAction(e -> dialogs.remove(getScene().getWindow(), focused.getValue(), selected.getValue()).show());
        Label when = new Label();
        when.setId("mountWhen");
        when.setWrapText(true);
        when.getStyleClass().add("legend");
        when.textProperty().bind(Bindings.createStringBinding(() -> {
            Jail j = focused.getValue();
            if (!readOnly.get().isEmpty()) {
                return readOnly.get();
            }
            return j == null || !vm.supported().get() ? "" : msg.get(j.isRunning() ? "mounts.when.running" : "mounts.when.stopped",
                    j.displayName());
        }, focused, vm.supported(), readOnly));
        when.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(new FlowPane(6, 6, add, remove), when, table);
    }

    private static TableColumn<JailMount, String> column(String id, String title, java.util.function.Function<JailMount, String> value,
                                                       double width) {
        TableColumn<JailMount, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
