package org.jaildesk.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.ui.common.FileThreads;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/** Every request and reply of every host, with timing, and the iocage argv of local hosts; filter, copy, export. */
final class ProtocolLogWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final ObservableList<ProtocolLog.Entry> entries = FXCollections.observableArrayList();
    private final Messages msg;
    /** How the last export went. */
    private final Label status = new Label();
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
        filter.setAccessibleText(msg.get("log.filter"));
        filter.setPromptText(msg.get("log.filter"));
        filter.textProperty().addListener((o, a, b) -> shown.setPredicate(e -> b.isBlank()
                || (e.host() + " " + e.kind() + " " + e.summary() + " " + e.text()).toLowerCase().contains(b.toLowerCase())));
        TableView<ProtocolLog.Entry> table = new TableView<>(shown);
        table.setId("logTable");
        table.setAccessibleText(msg.get("log.title"));
        table.getColumns().add(col(msg.get("log.time"), e -> TIME.format(e.time()), 100));
        table.getColumns().add(col(msg.get("log.host"), ProtocolLog.Entry::host, 150));
        table.getColumns().add(col(msg.get("log.kind"), e -> msg.get("log.kind." + e.kind().name().toLowerCase()), 80));
        table.getColumns().add(col(msg.get("log.summary"), ProtocolLog.Entry::summary, 420));
        table.getColumns().add(col(msg.get("log.ms"), e -> e.millis() > 0 ? e.millis() + " ms" : "", 90));
        TextArea text = new TextArea();
        text.setId("logText");
        text.setAccessibleText(msg.get("log.textName"));
        text.setEditable(false);
        text.setPromptText(msg.get("log.select"));
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
            File f = chooser.showSaveDialog(stage);
            if (f != null) {
                export.setDisable(true);
                export(f.toPath(), shown).whenComplete((ok, error) -> Platform.runLater(() -> export.setDisable(false)));
            }
        });
        status.setId("logStatus");
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, filter, copy, export, status);
        top.setAlignment(Pos.CENTER_LEFT);
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

    /**
     * Writes {@code entries} (as they are now) to {@code to} off the FX thread: the log keeps up to 16 million
     * characters. The status beside the buttons says that it is saving, then how it went. Call on the FX thread.
     */
    CompletableFuture<Void> export(Path to, List<ProtocolLog.Entry> entries) {
        List<ProtocolLog.Entry> snapshot = List.copyOf(entries);
        status.setText(msg.get("log.saving", to.getFileName()));
        // Owner-only: replies hold what commands in jails printed.
        return org.jaildesk.ui.common.TextExport.write(to, EXPORTS, w -> dump(snapshot, w)).whenComplete((ok, error) -> Platform.runLater(() -> status.setText(error == null
                ? msg.get("log.saved", snapshot.size(), to)
                : msg.get("log.saveFailed", Notifier.oneLine(org.jaildesk.ui.common.FileWords.of(msg, error))))));
    }

    /** What stopped the writing, as "NoSuchFileException: /home/…/x.log". */
    /** What the status beside the buttons says (for tests). */
    String status() {
        return status.getText();
    }

    /** Each export on a thread of its own, which ends with it (the button is off meanwhile). */
    private static final Executor EXPORTS = FileThreads.named("protocol-log-export");

    static String dump(List<ProtocolLog.Entry> list) {
        StringBuilder b = new StringBuilder();
        try {
            dump(list, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return b.toString();
    }

    private static void dump(List<ProtocolLog.Entry> list, Appendable out) throws IOException {
        for (ProtocolLog.Entry e : list) {
            out.append(TIME.format(e.time())).append("  ").append(e.host()).append("  ").append(e.kind().name()).append("  ")
                    .append(e.summary()).append(e.millis() > 0 ? "  " + e.millis() + " ms" : "").append('\n')
                    .append(e.text()).append("\n\n");
        }
    }

    private static TableColumn<ProtocolLog.Entry, String> col(String title, java.util.function.Function<ProtocolLog.Entry, String> f, double w) {
        TableColumn<ProtocolLog.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setPrefWidth(w);
        return c;
    }
}
