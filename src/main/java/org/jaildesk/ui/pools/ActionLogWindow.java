package org.jaildesk.ui.pools;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.AuditEntry;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.TableCopy;
import org.jaildesk.ui.common.TextColumn;

/** Host ▸ Action log…: a server's audit log in a window of its own, newest first, read when opened and on Refresh. */
public final class ActionLogWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private ActionLogWindow() {
    }

    /** Opens the log of the host called {@code hostName}, reached through {@code client}. */
    public static Stage open(Window owner, Messages msg, String hostName, IocageClient client) {
        ActionLogViewModel vm = new ActionLogViewModel(client, Platform::runLater, msg);
        TableView<AuditEntry> table = new TableView<>(vm.rows());
        table.setId("actionLogTable");
        table.setAccessibleText(msg.get("actionLog.title", hostName));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(TextColumn.<AuditEntry>of("actionLog-time", msg.get("actionLog.time"), e -> TIME.format(e.time()), 150));
        table.getColumns().add(TextColumn.<AuditEntry>of("actionLog-user", msg.get("actionLog.user"), AuditEntry::user, 90));
        table.getColumns().add(TextColumn.<AuditEntry>of("actionLog-from", msg.get("actionLog.from"), AuditEntry::from, 120));
        table.getColumns().add(TextColumn.<AuditEntry>of("actionLog-action", msg.get("actionLog.action"), AuditEntry::action, 120));
        table.getColumns().add(TextColumn.<AuditEntry>of("actionLog-target", msg.get("actionLog.target"), AuditEntry::target, 120));
        javafx.scene.control.TableColumn<AuditEntry, String> result = TextColumn.of("actionLog-result", msg.get("actionLog.result"),
                AuditEntry::result, 200);
        // A host's error is longer than the column: the whole of it on hover.
        result.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        table.getColumns().add(result);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(vm.status());
        table.setPlaceholder(placeholder);
        // The rows as text for a ticket or a report, as the jail table's are.
        TableCopy.onShortcut(table, () -> TableCopy.toClipboard(TableCopy.selectedAsText(table, String::valueOf)));
        Label said = new Label();
        said.setId("actionLogSaid");
        said.textProperty().bind(vm.status());
        Button refresh = new Button(msg.get("actionLog.refresh"));
        refresh.setId("actionLogRefresh");
        refresh.setOnAction(e -> vm.refresh());
        Label explain = new Label(msg.get("actionLog.explain"));
        explain.setWrapText(true);
        HBox top = new HBox(10, refresh, said);
        top.setAlignment(Pos.CENTER_LEFT);
        BorderPane root = new BorderPane(table);
        root.setTop(new javafx.scene.layout.VBox(8, explain, top));
        root.setPadding(new Insets(10));
        BorderPane.setMargin(table, new Insets(8, 0, 0, 0));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(msg.get("actionLog.title", hostName));
        // The theme comes with the window (Theme styles every window the app opens).
        Scene scene = new Scene(root, 900, 520);
        root.setId("actionLog");
        stage.setScene(scene);
        stage.show();
        vm.refresh();
        return stage;
    }
}
