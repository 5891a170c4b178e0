package org.jaildesk.ui.others;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * The running jails of one host that iocage did not make (extension {@code listotherjails}), read when their tab is
 * shown and on Refresh. Shown only: nothing here acts on them. What went wrong is said in the view, not as a
 * notification: it is the answer to what the user just opened.
 */
public final class OtherJailsViewModel {

    static final String EXTENSION = "listotherjails";

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final ObservableList<OtherJail> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(false);

    public OtherJailsViewModel(IocageClient client, Executor fx, Messages msg) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
    }

    public ObservableList<OtherJail> rows() {
        return rows;
    }

    /** How many there are, or why there are none to show. */
    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** True from a refresh until its answer: one read at a time. */
    public ReadOnlyBooleanProperty reading() {
        return reading.getReadOnlyProperty();
    }

    /** Reads them again; a refresh asked for while one runs is that one. Call on the FX thread. */
    public CompletableFuture<Void> refresh() {
        if (reading.get()) {
            return CompletableFuture.completedFuture(null);
        }
        reading.set(true);
        status.set(msg.get("others.reading"));
        CompletableFuture<java.util.List<OtherJail>> read = client.extensions().thenCompose(ext -> ext.contains(EXTENSION)
                ? client.listOtherJails() : CompletableFuture.completedFuture(null));
        return Notifier.logged(read.handleAsync((list, error) -> {
            reading.set(false);
            if (error != null) {
                rows.clear();
                status.set(msg.get("others.failed", Notifier.oneLine(Notifier.text(msg, error))));
            } else if (list == null) {
                rows.clear();
                status.set(msg.get("others.unsupported"));
            } else {
                rows.setAll(list);
                status.set(msg.get("others.count", list.size()));
            }
            return null;
        }, fx), "the other jails view");
    }
}
