package org.jaildesk.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.ui.common.Messages;

/** Every request and reply of every host, with timing, and the iocage argv of local hosts; filter, copy, export. */
final class ProtocolLogWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final ObservableList<ProtocolLog.Entry> entries = FXCollections.observableArrayList();
    private final Messages msg;
    private Stage stage;

    ProtocolLogWindow(ProtocolLog log, Messages msg) {
        this.msg = msg;
        entries.setAll(log.entries());
        log.onEntry(e -> Platform.runLater(() -> {
            entries.add(e);
            // Keeps what the log keeps (it drops the oldest by count and by size): everything before its oldest goes.
            ProtocolLog.Entry oldest = log.oldest();
            int from = 0;
            while (from < entries.size() && entries.get(from) != oldest) {
                from++;
            }
            entries.remove(0, from);
        }));
    }

    /** What the window lists (for tests). */
    List<ProtocolLog.Entry> entries() {
        return entries;
    }

    Stage show(Window owner) {
        if (stage != null) {
            stage.show();
            stage.toFront();
            return stage;
        }
        FilteredList<ProtocolLog.Entry> shown = new FilteredList<>(entries, e -> true);
        TextField filter = new TextField();
        filter.setId("logFilter");
        filter.setPromptText(msg.get("log.filter"));
        filter.textProperty().addListener((o, a, b) -> shown.setPredicate(e -> b.isBlank()
                || (e.host() + " " + e.kind() + " " + e.summary() + " " + e.text()).toLowerCase().contains(b.toLowerCase())));
        TableView<ProtocolLog.Entry> table = new TableView<>(shown);
        table.setId("logTable");
        table.getColumns().add(col(msg.get("log.time"), e -> TIME.format(e.time()), 100));
        table.getColumns().add(col(msg.get("log.host"), ProtocolLog.Entry::host, 150));
        table.getColumns().add(col(msg.get("log.kind"), e -> msg.get("log.kind." + e.kind().name().toLowerCase()), 80));
        table.getColumns().add(col(msg.get("log.summary"), ProtocolLog.Entry::summary, 420));
        table.getColumns().add(col(msg.get("log.ms"), e -> e.millis() > 0 ? e.millis() + " ms" : "", 70));
        TextArea text = new TextArea();
        text.setId("logText");
        text.setEditable(false);
        text.getStyleClass().add("console");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> text.setText(b == null ? "" : b.text()));
        Button copy = new Button(msg.get("log.copy"));
        copy.setId("logCopy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text.getText().isEmpty() ? dump(shown) : text.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button export = new Button(msg.get("log.export"));
        export.setId("logExport");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("jaildesk-protocol.log");
            java.io.File f = chooser.showSaveDialog(stage);
            if (f != null) {
                try {
                    Files.writeString(f.toPath(), dump(shown), StandardCharsets.UTF_8);
                } catch (java.io.IOException ex) {
                    text.setText(ex.getMessage());
                }
            }
        });
        HBox top = new HBox(8, filter, copy, export);
        HBox.setHgrow(filter, Priority.ALWAYS);
        top.setPadding(new Insets(8));
        SplitPane split = new SplitPane(table, text);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(msg.get("log.title"));
        Scene scene = new Scene(new BorderPane(split, top, null, null, null), 900, 560);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    static String dump(java.util.List<ProtocolLog.Entry> list) {
        StringBuilder b = new StringBuilder();
        for (ProtocolLog.Entry e : list) {
            b.append(TIME.format(e.time())).append("  ").append(e.host()).append("  ").append(e.kind()).append("  ")
                    .append(e.summary()).append(e.millis() > 0 ? "  " + e.millis() + " ms" : "").append('\n')
                    .append(e.text()).append("\n\n");
        }
        return b.toString();
    }

    private static TableColumn<ProtocolLog.Entry, String> col(String title, java.util.function.Function<ProtocolLog.Entry, String> f, double w) {
        TableColumn<ProtocolLog.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setPrefWidth(w);
        return c;
    }
}
