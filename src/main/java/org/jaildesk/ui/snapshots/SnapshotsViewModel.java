package org.jaildesk.ui.snapshots;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.JailSnapshot;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * The snapshots of one jail (the inspector's tab), read on demand; taking, rolling back to and removing one. The
 * changes run as jobs (every change does), and the list is read again after each, and when the host says a jail
 * changed while it is shown.
 */
public final class SnapshotsViewModel {

    /** The extension a host must offer; the original sysadm server has no snapshots. */
    static final String EXTENSION = "listsnapshots";

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final Notifier notifier;
    private final ObservableList<JailSnapshot> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper supported = new ReadOnlyBooleanWrapper(true);
    /** Answers that belong to an older request (another jail selected meanwhile) are dropped. */
    private long asked;
    /** How many changes the host has announced; a change of our own that it announced needs no reading of its own. */
    private long announced;
    /** The last {@link #load}, done once its answer is shown. */
    private CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);

    public SnapshotsViewModel(IocageClient client, Executor fx, Messages msg, Notifier notifier) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
        this.notifier = notifier;
        placeholder.set(msg.get("snapshots.select"));
    }

    public ObservableList<JailSnapshot> rows() {
        return rows;
    }

    /** The jail shown, or null. */
    public ReadOnlyStringProperty subject() {
        return subject.getReadOnlyProperty();
    }

    /** What the empty list says: select a jail, loading, none yet, not offered, or why it could not be read. */
    public ReadOnlyStringProperty placeholder() {
        return placeholder.getReadOnlyProperty();
    }

    /** False on a host that does not offer snapshots: the buttons stay off. */
    public ReadOnlyBooleanProperty supported() {
        return supported.getReadOnlyProperty();
    }

    /** Done once the last load's answer is shown (what {@link #supported()} says is then known for its host). */
    public CompletableFuture<Void> ready() {
        return loading;
    }

    /** Shows {@code jail}'s snapshots (null: none selected). On the FX thread. */
    public CompletableFuture<Void> load(String jail) {
        loading = read(jail);
        return loading;
    }

    private CompletableFuture<Void> read(String jail) {
        long mine = ++asked;
        subject.set(jail);
        rows.clear();
        if (jail == null) {
            placeholder.set(msg.get("snapshots.select"));
            return CompletableFuture.completedFuture(null);
        }
        placeholder.set(msg.get("snapshots.loading", jail));
        CompletableFuture<List<JailSnapshot>> read = client.extensions().thenCompose(ext -> {
            if (!ext.contains(EXTENSION)) {
                return CompletableFuture.completedFuture(null);
            }
            return client.listSnapshots(jail);
        });
        return Notifier.logged(read.handleAsync((list, error) -> {
            if (mine != asked) {
                return null;
            }
            supported.set(error != null || list != null);
            if (error != null) {
                placeholder.set(msg.get("snapshots.failed", jail, Notifier.oneLine(Notifier.text(msg, error))));
            } else if (list == null) {
                placeholder.set(msg.get("snapshots.unsupported"));
            } else {
                placeholder.set(msg.get("snapshots.none", jail));
                rows.setAll(list);
            }
            return null;
        }, fx), "the snapshots view");
    }

    /**
     * The host says a jail changed (anyone's change, ours too, announced after it is done): the list is read again if
     * it is {@code shown}; a hidden tab reads it when shown.
     */
    public void hostChanged(boolean shown) {
        announced++;
        if (shown) {
            reload();
        }
    }

    /** Reads the shown jail's snapshots again (after a change, or when the host says one happened). */
    public CompletableFuture<Void> reload() {
        return subject.get() == null ? CompletableFuture.completedFuture(null) : load(subject.get());
    }

    /** Takes a snapshot of {@code jail}; an empty name lets the host name it after the time. */
    public CompletableFuture<String> take(String jail, String name) {
        return after(() -> client.takeSnapshot(jail, name), "snapshotjail", jail, name);
    }

    public CompletableFuture<String> rollback(String jail, String name) {
        return after(() -> client.rollbackJail(jail, name), "rollbackjail", jail, name);
    }

    public CompletableFuture<String> remove(String jail, String name) {
        return after(() -> client.removeSnapshot(jail, name), "removesnapshot", jail, name);
    }

    /** The snapshots taken after {@code s} in the list shown: what a rollback to it destroys. */
    public List<JailSnapshot> after(JailSnapshot s) {
        int i = rows.indexOf(s);
        return i < 0 ? List.of() : List.copyOf(rows.subList(i + 1, rows.size()));
    }

    /**
     * Reported as "Roll back mail@clean": done, or why not. The list is read again, unless the host announced the
     * change (its event read it already); a failed change is not announced, and iocage may have changed something.
     */
    private CompletableFuture<String> after(Supplier<CompletableFuture<String>> call, String action, String jail, String name) {
        String what = msg.get("jobs.action." + action) + " " + jail + (name.isEmpty() ? "" : "@" + name);
        long before = announced; // before the change is sent: its event may come before the call returns
        CompletableFuture<String> change = call.get();
        return notifier.follow(change, what, fx, () -> {
            boolean readByEvent = !change.isCompletedExceptionally() && announced != before;
            if (Objects.equals(subject.get(), jail) && !readByEvent) {
                reload();
            }
        });
    }
}
