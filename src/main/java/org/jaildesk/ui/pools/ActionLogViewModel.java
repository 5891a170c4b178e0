package org.jaildesk.ui.pools;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.AuditEntry;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * A server's action log: who changed what on the host, from where, and how it went, as its audit log has it (the
 * server's own action {@code listaudit}), newest first. Every desktop's changes are in it, not only this one's. A host
 * that keeps none (this machine, the demo host, the original sysadm server) says so instead.
 */
public final class ActionLogViewModel {

    private static final Logger LOG = Logger.getLogger(ActionLogViewModel.class.getName());

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper said = new ReadOnlyStringWrapper("");
    private boolean reading;

    public ActionLogViewModel(IocageClient client, Executor fx, Messages msg) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    /** How many entries there are, or why there are none, in the window's language. */
    public ReadOnlyStringProperty said() {
        return said.getReadOnlyProperty();
    }

    /** Reads the log again (one read at a time; call on the FX thread); completes once it is shown. */
    public CompletableFuture<Void> refresh() {
        if (reading) {
            return CompletableFuture.completedFuture(null);
        }
        reading = true;
        said.set(msg.get("actionLog.reading"));
        return client.extensions()
                .thenCompose(ext -> ext.contains(Protocol.LIST_AUDIT) ? client.listAudit().thenApply(java.util.Optional::of)
                        : CompletableFuture.completedFuture(java.util.Optional.<java.util.List<AuditEntry>>empty()))
                .handleAsync((list, error) -> {
                    reading = false;
                    if (error != null) {
                        Throwable why = Notifier.unwrap(error);
                        LOG.log(Level.FINE, "no action log", why);
                        entries.clear();
                        said.set(msg.get("actionLog.failed", Notifier.oneLine(String.valueOf(why.getMessage()))));
                    } else if (list.isEmpty()) {
                        entries.clear();
                        said.set(msg.get("actionLog.none"));
                    } else {
                        entries.setAll(list.get());
                        said.set(msg.get("actionLog.count", list.get().size()));
                    }
                    return null;
                }, fx);
    }
}
