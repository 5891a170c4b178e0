package org.jaildesk.ui.jails;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jaildesk.ui.common.Messages;

/**
 * <i>Run command…</i> with several jails selected: one command, run in every running jail among them, with a row
 * per jail (how it ended, the first line it printed) and the selected jail's output below. Not modal; the jails not
 * running are named as left out. Closing it keeps the jails that have not started from starting.
 */
public final class ExecBatchConsole {

    private final Messages msg;
    private final ObservableList<String> history;

    /** {@code history}: the commands of this session, first the last, shared with the other consoles. */
    public ExecBatchConsole(Messages msg, ObservableList<String> history) {
        this.msg = msg;
        this.history = history;
    }

    /** The console for the jails {@code selected}: the command runs in the running ones; the others are named. */
    public Stage open(Window owner, List<ExecBatch.Target> selected) {
        List<ExecBatch.Target> running = selected.stream().filter(t -> t.jail().isRunning()).toList();
        List<String> leftOut = selected.stream().filter(t -> !t.jail().isRunning()).map(ExecBatch.Target::name).toList();
        ExecBatch batch = new ExecBatch(Platform::runLater, msg);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(msg.get("batch.title", running.size()));

        CommandRow fields = CommandRow.of(msg, history, "batch");
        Button run = fields.run();
        Label jails = new Label(msg.get("batch.jails", running.size(), names(running))
                + (leftOut.isEmpty() ? "" : " " + msg.get("batch.leftOut", String.join(", ", leftOut))));
        jails.setId("batchJails");
        jails.setWrapText(true);
        // A snapshot of each jail first: the undo of a command such as pkg upgrade, run in a dozen jails.
        CheckBox snapshotFirst = new CheckBox(msg.get("batch.snapshotFirst"));
        snapshotFirst.setId("batchSnapshotFirst");
        snapshotFirst.setWrapText(true);
        snapshotFirst.setTooltip(new Tooltip(msg.get("batch.snapshotFirst.help")));
        snapshotFirst.setAccessibleHelp(msg.get("batch.snapshotFirst.help"));
        snapshotFirst.disableProperty().bind(batch.runningProperty());
        Label taken = new Label();
        taken.setId("batchSnapshot");
        taken.setWrapText(true);
        taken.textProperty().bind(Bindings.createStringBinding(() -> batch.snapshotProperty().get() == null ? ""
                : msg.get("batch.snapshotTaken", batch.snapshotProperty().get()), batch.snapshotProperty()));
        taken.visibleProperty().bind(taken.textProperty().isNotEmpty());
        taken.managedProperty().bind(taken.visibleProperty());
        VBox header = new VBox(6, fields.row(), jails, snapshotFirst, taken);
        header.setPadding(new Insets(10));

        TableView<ExecBatch.Row> table = table(batch);
        TextArea output = new TextArea();
        output.setId("batchOutput");
        output.setAccessibleText(msg.get("exec.outputName"));
        output.setEditable(false);
        output.getStyleClass().add("console");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> show(output, row));
        // A row's output is shown once it has ended (the run's status changes then), and emptied if it runs again.
        batch.statusProperty().addListener((o, was, now) -> show(output, table.getSelectionModel().getSelectedItem()));
        SplitPane center = new SplitPane(table, output);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.5);

        Label status = new Label();
        status.setId("batchStatus");
        status.textProperty().bind(batch.statusProperty());
        status.setWrapText(true);
        Button retry = new Button(msg.get("batch.retry"));
        retry.setId("batchRetry");
        retry.setOnAction(e -> batch.retry());
        retry.disableProperty().bind(Bindings.createBooleanBinding(() -> batch.runningProperty().get()
                || batch.toRetry() == 0, batch.runningProperty(), batch.statusProperty()));
        Button stop = new Button(msg.get("batch.stop"));
        stop.setId("batchStop");
        stop.setOnAction(e -> batch.stop());
        stop.disableProperty().bind(batch.runningProperty().not());
        Button copy = new Button(msg.get("batch.copy"));
        copy.setId("batchCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(batch.transcript());
            Clipboard.getSystemClipboard().setContent(content);
        });
        copy.disableProperty().bind(Bindings.isEmpty(batch.rows()));
        Button close = new Button(msg.get("exec.close"));
        close.setId("batchClose");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        // The run's status on a line of its own: beside four buttons it was cut short in German.
        HBox buttons = new HBox(8, retry, stop, copy, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        for (Button b : List.of(retry, stop, copy, close)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox bottom = new VBox(6, status, buttons);
        bottom.setPadding(new Insets(6, 10, 10, 10));

        run.setOnAction(e -> {
            String cmd = fields.typed();
            if (cmd == null) {
                return;
            }
            Optional<String> refused = batch.runIn(running, fields.user().getText(), cmd, snapshotFirst.isSelected());
            if (refused.isPresent()) {
                status.textProperty().unbind();
                status.setText(refused.get());
                status.getStyleClass().add("failed");
                return;
            }
            status.getStyleClass().remove("failed");
            status.textProperty().bind(batch.statusProperty());
            fields.remember(cmd);
            table.getSelectionModel().selectFirst();
        });
        run.disableProperty().bind(batch.runningProperty());
        // Closing the console keeps the jails that have not started from starting; those running finish.
        stage.setOnHidden(e -> batch.stop());

        Scene scene = new Scene(new BorderPane(center, header, null, bottom, null), 760, 520);
        CommandRow.styledAs(scene, owner);
        stage.setScene(scene);
        stage.show();
        Platform.runLater(fields.command()::requestFocus);
        return stage;
    }

    private TableView<ExecBatch.Row> table(ExecBatch batch) {
        TableView<ExecBatch.Row> table = new TableView<>(batch.rows());
        table.setId("batchTable");
        table.setAccessibleText(msg.get("batch.tableName"));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(msg.get("batch.placeholder")));
        TableColumn<ExecBatch.Row, String> jail = new TableColumn<>(msg.get("batch.col.jail"));
        jail.setId("batch-col-jail");
        jail.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<ExecBatch.Row, String> result = new TableColumn<>(msg.get("batch.col.result"));
        result.setId("batch-col-result");
        result.setCellValueFactory(c -> c.getValue().resultProperty());
        result.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                ExecBatch.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().removeAll("ok", "failed");
                if (row != null && row.state() == ExecBatch.State.DONE) {
                    getStyleClass().add("ok");
                } else if (row != null && row.state() == ExecBatch.State.FAILED) {
                    getStyleClass().add("failed");
                }
            }
        });
        TableColumn<ExecBatch.Row, String> first = new TableColumn<>(msg.get("batch.col.first"));
        first.setId("batch-col-first");
        // The first line is known once the row has ended: its result changes then.
        first.setCellValueFactory(c -> Bindings.createStringBinding(c.getValue()::firstLine, c.getValue().resultProperty()));
        jail.setPrefWidth(140);
        result.setPrefWidth(220);
        first.setPrefWidth(360);
        table.getColumns().setAll(List.of(jail, result, first));
        return table;
    }

    /** The selected jail's output as it stands: nothing while it waits or runs. */
    private static void show(TextArea output, ExecBatch.Row row) {
        String text = row == null ? "" : ConsoleText.block(row.lines(), ConsoleText.KEPT_LINES);
        if (!text.equals(output.getText())) {
            output.setText(text);
        }
    }

    private static String names(List<ExecBatch.Target> jails) {
        return String.join(", ", jails.stream().map(ExecBatch.Target::name).toList());
    }
}
