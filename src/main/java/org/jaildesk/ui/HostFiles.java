package org.jaildesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.jaildesk.domain.Shown;
import org.jaildesk.ui.common.FileThreads;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.connect.HostsViewModel;

/**
 * File ▸ Export hosts… and Import hosts…: the saved remote hosts (names, addresses, users; never a password) to a file
 * and back, to set up another desktop or share a team's hosts. The file is read and written off the FX thread; what
 * came of it is told in the notice bar.
 */
final class HostFiles {

    /** Where the files are read and written: a host list is small, but the disk may be a slow network share. */
    private static final Executor IO = FileThreads.named("host-list-file");
    /** The most of the left-out hosts' reasons the notice shows (a damaged file may hold thousands). */
    private static final int SAID = 600;

    private final HostsViewModel hosts;
    private final Messages msg;
    private final Notifier notifier;
    private final Stage stage;

    HostFiles(HostsViewModel hosts, Messages msg, Notifier notifier, Stage stage) {
        this.hosts = hosts;
        this.msg = msg;
        this.notifier = notifier;
        this.stage = stage;
    }

    List<MenuItem> menuItems() {
        MenuItem export = new MenuItem(msg.get("menu.exportHosts"));
        export.setId("menu-exportHosts");
        export.setOnAction(e -> {
            File f = chooser().showSaveDialog(stage);
            if (f != null) {
                exportTo(f.toPath());
            }
        });
        MenuItem read = new MenuItem(msg.get("menu.importHosts"));
        read.setId("menu-importHosts");
        read.setOnAction(e -> {
            File f = chooser().showOpenDialog(stage);
            if (f != null) {
                importFrom(f.toPath());
            }
        });
        return List.of(read, export);
    }

    private FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("jaildesk-hosts.json");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(msg.get("hosts.fileKind"), "*.json"),
                new FileChooser.ExtensionFilter(msg.get("hosts.anyFile"), "*"));
        return chooser;
    }

    /** Adds the hosts {@code file} lists that are not saved yet; the notice says which, and which were left out. */
    CompletableFuture<HostsViewModel.Imported> importFrom(Path file) {
        return hosts.importFrom(file, IO).whenCompleteAsync((imported, error) -> {
            if (error != null) {
                notifier.refusal(msg.get("hosts.importFailed", file, Notifier.oneLine(org.jaildesk.ui.common.FileWords.of(msg, error))));
                return;
            }
            String said = msg.get("hosts.imported", imported.added().size(), file.getFileName(), String.join(", ", imported.added()));
            if (!imported.leftOut().isEmpty()) {
                said += " " + msg.get("hosts.importLeftOut", imported.leftOut().size(), Shown.cut(String.join("; ", imported.leftOut()), SAID));
            }
            notifier.tell(said);
        }, Platform::runLater);
    }

    /** Writes the saved remote hosts to {@code file}; the notice says how many went, or why none did. */
    CompletableFuture<Integer> exportTo(Path file) {
        return hosts.exportTo(file, IO).whenCompleteAsync((n, error) -> {
            if (error != null) {
                notifier.refusal(msg.get("hosts.exportFailed", file, Notifier.oneLine(org.jaildesk.ui.common.FileWords.of(msg, error))));
            } else {
                notifier.tell(msg.get("hosts.exported", n, file));
            }
        }, Platform::runLater);
    }

}
