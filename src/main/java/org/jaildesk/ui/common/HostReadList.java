package org.jaildesk.ui.common;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.IocageClient;

/**
 * A list a view reads from a host through one action the host may not offer (an extension, or a server's own action),
 * when it is shown and on Refresh: its rows, and a line that says how many there are or why there are none (reading,
 * not offered by this host, failed). What went wrong is said in the view, not as a notification: it answers what the
 * user just opened. One read at a time. The words come from {@code <keys>.reading}, {@code .count} (the number),
 * {@code .unsupported} and {@code .failed} (the reason).
 */
public class HostReadList<T> {

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final String action;
    private final Function<IocageClient, CompletableFuture<List<T>>> read;
    private final String keys;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(false);

    /** {@code read} is asked only where the host offers {@code action}. */
    protected HostReadList(IocageClient client, Executor fx, Messages msg, String action,
                           Function<IocageClient, CompletableFuture<List<T>>> read, String keys) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
        this.action = action;
        this.read = read;
        this.keys = keys;
    }

    public ObservableList<T> rows() {
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

    /** Adds rows read after the first ones (an older page) and says how many there are now. Call on the FX thread. */
    protected final void append(List<T> more) {
        rows.addAll(more);
        status.set(msg.get(keys + ".count", rows.size()));
    }

    /** Says the message {@code key} where the count or the reason would be: how a further read went. FX thread. */
    protected final void say(String key, Object... args) {
        status.set(msg.get(key, args));
    }

    /** Says why a further read failed; the rows read so far stay. Call on the FX thread. */
    protected final void failed(Throwable error) {
        status.set(msg.get(keys + ".failed", Notifier.oneLine(Notifier.text(msg, error))));
    }

    /** Reads them again; a refresh asked for while one runs is that one. Call on the FX thread. */
    public CompletableFuture<Void> refresh() {
        if (reading.get()) {
            return CompletableFuture.completedFuture(null);
        }
        reading.set(true);
        status.set(msg.get(keys + ".reading"));
        CompletableFuture<List<T>> answer = client.extensions().thenCompose(ext -> ext.contains(action)
                ? read.apply(client) : CompletableFuture.completedFuture(null));
        return Notifier.logged(answer.handleAsync((list, error) -> {
            reading.set(false);
            if (error != null) {
                rows.clear();
                status.set(msg.get(keys + ".failed", Notifier.oneLine(Notifier.text(msg, error))));
            } else if (list == null) {
                rows.clear();
                status.set(msg.get(keys + ".unsupported"));
            } else {
                rows.setAll(list);
                status.set(msg.get(keys + ".count", list.size()));
            }
            return null;
        }, fx), "the list of " + action);
    }
}
