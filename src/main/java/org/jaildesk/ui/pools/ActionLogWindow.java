package org.jaildesk.ui.pools;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.AuditEntry;
import org.jaildesk.ui.common.Csv;
import org.jaildesk.ui.common.FileThreads;
import org.jaildesk.ui.common.FileWords;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.common.TextExport;
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
        TableView<AuditEntry> table = new TableView<>(vm.shown());
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
        refresh.disableProperty().bind(vm.readingOlder().or(vm.readingAll()));
        Label explain = new Label(msg.get("actionLog.explain"));
        explain.setWrapText(true);
        // What the host said, kept: a CSV file for a report, a ticket or an audit (the peer survey's "an action log you
        // can export"), written off the FX thread, readable by its owner only.
        Label saved = new Label();
        saved.setId("actionLogSaved");
        Button export = new Button(msg.get("actionLog.export"));
        export.setId("actionLogExport");
        export.setTooltip(new javafx.scene.control.Tooltip(msg.get("actionLog.exportTip")));
        javafx.beans.property.BooleanProperty writing = new javafx.beans.property.SimpleBooleanProperty();
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.shown()).or(writing));
        export.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName("jaildesk-action-log.csv");
            java.io.File f = chooser.showSaveDialog(export.getScene().getWindow());
            if (f != null) {
                writing.set(true);
                export(List.copyOf(vm.shown()), msg, f.toPath(), saved)
                        .whenComplete((ok, error) -> Platform.runLater(() -> writing.set(false)));
            }
        });
        // The server answers 500 at a time: the ones before the oldest shown, on asking.
        Button older = new Button(msg.get("actionLog.older"));
        older.setId("actionLogOlder");
        older.setTooltip(new javafx.scene.control.Tooltip(msg.get("actionLog.olderTip")));
        older.disableProperty().bind(vm.hasOlder().not().or(vm.readingOlder()).or(vm.reading()).or(vm.readingAll()));
        older.setOnAction(e -> vm.readOlder());
        // Every older page in turn, for the filter to look through the whole log; pressed again, it stops.
        Button all = new Button();
        all.setId("actionLogAll");
        all.textProperty().bind(javafx.beans.binding.Bindings.when(vm.readingAll())
                .then(msg.get("actionLog.stopAll")).otherwise(msg.get("actionLog.all")));
        all.setTooltip(new javafx.scene.control.Tooltip(msg.get("actionLog.allTip", ActionLogViewModel.ALL_MAX)));
        all.disableProperty().bind(vm.readingAll().not().and(vm.hasOlder().not().or(vm.readingOlder()).or(vm.reading())));
        all.setOnAction(e -> {
            if (vm.readingAll().get()) {
                vm.stopReadingAll();
            } else {
                vm.readAll();
            }
        });
        // A line per login (a desktop's connection, a script's call): hidden on asking, to read the changes alone.
        javafx.scene.control.CheckBox logins = new javafx.scene.control.CheckBox(msg.get("actionLog.logins"));
        logins.setId("actionLogLogins");
        logins.setTooltip(new javafx.scene.control.Tooltip(msg.get("actionLog.loginsTip")));
        logins.selectedProperty().bindBidirectional(vm.logins());
        // Words to look for among the entries read ("destroyjail db01"): who did that, and when.
        javafx.scene.control.TextField filter = new javafx.scene.control.TextField();
        filter.setId("actionLogFilter");
        filter.setPromptText(msg.get("actionLog.filter"));
        filter.setAccessibleText(msg.get("actionLog.filterName"));
        filter.setTooltip(new javafx.scene.control.Tooltip(msg.get("actionLog.filterTip")));
        filter.setPrefColumnCount(11);
        // Pasted pages of text are not kept: more than a filter could mean.
        filter.setTextFormatter(new javafx.scene.control.TextFormatter<String>(
                c -> c.getControlNewText().length() > ActionLogViewModel.FILTER_MAX ? null : c));
        filter.textProperty().bindBidirectional(vm.filter());
        // How many are shown while some are not: the count beside it is of all the entries read.
        Label hidden = new Label();
        hidden.setId("actionLogHidden");
        hidden.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.filter().get().isBlank() ? msg.get("actionLog.hidden", vm.shown().size())
                        : msg.get("actionLog.matching", vm.shown().size()), vm.shown(), vm.filter()));
        hidden.visibleProperty().bind(vm.logins().not().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.filter().get().isBlank(), vm.filter())));
        hidden.managedProperty().bind(hidden.visibleProperty());
        // Its buttons keep their words whole: what does not fit the window's width goes onto a second line.
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(10, 6, refresh, older, all, export, logins, filter);
        top.setAlignment(Pos.CENTER_LEFT);
        // What the host said (with how many match) and where the export went, under the bar and wrapped to the window's
        // width (in the bar a long one made the window's content wider than the window). The host's word shows in the
        // empty table's place while nothing is listed, so only once.
        said.setWrapText(true);
        said.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(table.getItems())
                .and(vm.status().isNotEmpty()));
        said.managedProperty().bind(said.visibleProperty());
        javafx.scene.layout.HBox counts = new javafx.scene.layout.HBox(10, said, hidden);
        counts.setAlignment(Pos.TOP_LEFT);
        counts.visibleProperty().bind(said.visibleProperty().or(hidden.visibleProperty()));
        counts.managedProperty().bind(counts.visibleProperty());
        saved.setWrapText(true);
        saved.visibleProperty().bind(saved.textProperty().isNotEmpty());
        saved.managedProperty().bind(saved.visibleProperty());
        javafx.scene.layout.VBox bar = new javafx.scene.layout.VBox(6, top, counts, saved);
        BorderPane root = org.jaildesk.ui.common.ListWindow.layout("actionLog", explain, bar, table);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(msg.get("actionLog.title", hostName));
        // The theme comes with the window (Theme styles every window the app opens).
        Scene scene = new Scene(root, 900, 520);
        stage.setScene(scene);
        // A window closed while it reads every page stops after the page it is reading.
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> vm.stopReadingAll());
        stage.show();
        vm.refresh();
        return stage;
    }

    /**
     * Writes {@code rows} to {@code to} as CSV ({@link Csv}): the columns' titles, then a change a line, newest first, its
     * time to the second with its offset; off the FX thread, whole or not at all, {@code rw-------}. {@code said} tells
     * how it went. Call on the FX thread.
     */
    static CompletableFuture<Void> export(List<AuditEntry> rows, Messages msg, Path to, Label said) {
        List<String> header = List.of(msg.get("actionLog.time"), msg.get("actionLog.user"), msg.get("actionLog.from"),
                msg.get("actionLog.action"), msg.get("actionLog.target"), msg.get("actionLog.result"));
        said.setText(msg.get("actionLog.saving", to.getFileName()));
        ZoneId zone = ZoneId.systemDefault();
        return TextExport.write(to, EXPORTS, out -> {
            Csv.line(header, out);
            for (AuditEntry e : rows) {
                Csv.line(List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        OffsetDateTime.ofInstant(e.time().truncatedTo(ChronoUnit.SECONDS), zone)),
                        e.user(), e.from(), e.action(), e.target(), e.result()), out);
            }
        }).whenComplete((ok, error) -> Platform.runLater(() -> said.setText(error == null
                ? msg.get("actionLog.saved", rows.size(), to)
                : msg.get("actionLog.exportFailed", Notifier.oneLine(FileWords.of(msg, error))))));
    }

    /** Where an export is written: a file on a slow disk or share must not hold the window. */
    private static final Executor EXPORTS = FileThreads.named("action-log-export");
}
