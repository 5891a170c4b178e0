package org.jaildesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.jaildesk.ui.common.Csv;
import org.jaildesk.ui.common.FileThreads;
import org.jaildesk.ui.common.FileWords;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.common.TextExport;

/**
 * File ▸ Export jail table… (and the table's context menu): the jails the table shown lists, a host's or All hosts',
 * as it shows them (its columns in their order, the search and the sort applied), to a CSV file: an inventory for a
 * report or a spreadsheet. The
 * rows are taken on the FX thread and written off it, whole or not at all, readable by the user only; a value a
 * spreadsheet would take for a formula is written as text ({@link Csv}).
 */
final class JailTableFiles {

    /** Where the files are written: the disk may be a slow network share. */
    private static final Executor IO = FileThreads.named("jail-table-export");

    private final Messages msg;
    private final Notifier notifier;
    private final Stage stage;
    private final Supplier<List<List<String>>> shown;

    /** {@code shown}: what the table shown now lists, its columns' titles first, or null where none is shown. */
    JailTableFiles(Messages msg, Notifier notifier, Stage stage, Supplier<List<List<String>>> shown) {
        this.msg = msg;
        this.notifier = notifier;
        this.stage = stage;
        this.shown = shown;
    }

    /** File ▸ Export jail table…, off while no host's table is shown. */
    MenuItem menuItem(String id) {
        MenuItem export = new MenuItem(msg.get("menu.exportJails"));
        export.setId(id);
        export.setOnAction(e -> ask());
        return export;
    }

    /** Asks where, then writes what the table shown now lists there. */
    void ask() {
        List<List<String>> rows = shown.get();
        if (rows == null) {
            notifier.refusal(msg.get("jails.exportNone"));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("jaildesk-jails.csv");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(msg.get("jails.fileKind"), "*.csv"),
                new FileChooser.ExtensionFilter(msg.get("hosts.anyFile"), "*"));
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            exportTo(rows, f.toPath());
        }
    }

    /**
     * Writes {@code rows} (a table's, taken on the FX thread: its columns' titles, then a jail per row) to {@code file};
     * the notice says how many jails went, or why none did.
     */
    CompletableFuture<Integer> exportTo(List<List<String>> rows, Path file) {
        return TextExport.write(file, IO, out -> {
            for (List<String> row : rows) {
                Csv.line(row, out);
            }
        }).thenApply(done -> rows.size() - 1).whenCompleteAsync((n, error) -> {
            if (error != null) {
                notifier.refusal(msg.get("jails.exportFailed", file, Notifier.oneLine(FileWords.of(msg, error))));
            } else {
                notifier.tell(msg.get("jails.exported", n, file));
            }
        }, Platform::runLater);
    }
}
