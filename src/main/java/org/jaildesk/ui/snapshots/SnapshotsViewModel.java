package org.jaildesk.ui.snapshots;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.JailSnapshot;
import org.jaildesk.ui.common.JailListModel;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * The snapshots of one jail (the inspector's tab), read on demand; taking, rolling back to and removing one. The
 * changes run as jobs (every change does), and the list is read again after each, and when the host says a jail
 * changed while it is shown.
 */
public final class SnapshotsViewModel extends JailListModel<JailSnapshot> {

    /** The extension a host must offer; the original sysadm server has no snapshots. */
    static final String EXTENSION = "listsnapshots";

    public SnapshotsViewModel(IocageClient client, Executor fx, Messages msg, Notifier notifier) {
        super(client, fx, msg, notifier, EXTENSION, "snapshots");
    }

    @Override
    protected CompletableFuture<List<JailSnapshot>> list(IocageClient client, String jail) {
        return client.listSnapshots(jail);
    }

    /** Takes a snapshot of {@code jail}; an empty name lets the host name it after the time. */
    public CompletableFuture<String> take(String jail, String name) {
        return after(() -> client().takeSnapshot(jail, name), "snapshotjail", jail, name);
    }

    public CompletableFuture<String> rollback(String jail, String name) {
        return after(() -> client().rollbackJail(jail, name), "rollbackjail", jail, name);
    }

    public CompletableFuture<String> remove(String jail, String name) {
        return after(() -> client().removeSnapshot(jail, name), "removesnapshot", jail, name);
    }

    /** The snapshots taken after {@code s} in the list shown: what a rollback to it destroys. */
    public List<JailSnapshot> after(JailSnapshot s) {
        int i = rows().indexOf(s);
        return i < 0 ? List.of() : List.copyOf(rows().subList(i + 1, rows().size()));
    }

    /** Reported as "Roll back mail@clean". */
    private CompletableFuture<String> after(Supplier<CompletableFuture<String>> call, String action, String jail, String name) {
        return follow(call, msg().get("jobs.action." + action) + " " + jail + (name.isEmpty() ? "" : "@" + name), jail);
    }
}
