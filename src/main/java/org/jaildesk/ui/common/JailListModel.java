package org.jaildesk.ui.common;

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

/**
 * One jail's list of something the host keeps for it (an inspector tab: its snapshots, its mounts), read on demand
 * through a JailDesk extension; a host without the extension, or whose iocage cannot do it (its answer says
 * {@code unsupported}), says so and its buttons stay off. Changes run as jobs
 * (every change does); the list is read again after each, and when the host says a jail changed while it is shown.
 * The placeholder's words are the bundle's {@code <keys>.select}, {@code .loading}, {@code .failed},
 * {@code .unsupported} and {@code .none}.
 */
public abstract class JailListModel<T> {

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final Notifier notifier;
    private final String extension;
    private final String keys;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper supported = new ReadOnlyBooleanWrapper(true);
    /** Answers that belong to an older request (another jail selected meanwhile) are dropped. */
    private long asked;
    /** How many changes the host has announced; a change of our own that it announced needs no reading of its own. */
    private long announced;
    /** The last {@link #load}, done once its answer is shown. */
    private CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);

    protected JailListModel(IocageClient client, Executor fx, Messages msg, Notifier notifier, String extension, String keys) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
        this.notifier = notifier;
        this.extension = extension;
        this.keys = keys;
        placeholder.set(msg.get(keys + ".select"));
    }

    /** The host's answer for {@code jail}, once it is known to offer the extension. */
    protected abstract CompletableFuture<List<T>> list(IocageClient client, String jail);

    protected IocageClient client() {
        return client;
    }

    protected Messages msg() {
        return msg;
    }

    /**
     * Whether the host offers the extension, asked of the host itself (for a change to several jails, which no one
     * jail's list has answered); if not, or if the host cannot be asked, the window says so, the latter as a failure
     * of {@code what}. On the FX thread.
     */
    public CompletableFuture<Boolean> offered(String what) {
        return client.extensions().handleAsync((ext, error) -> {
            if (error != null) {
                notifier.failure(what, error);
                return false;
            }
            if (!ext.contains(extension)) {
                notifier.refusal(msg.get(keys + ".unsupported"));
                return false;
            }
            return true;
        }, fx);
    }

    public ObservableList<T> rows() {
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

    /** False on a host that does not offer the extension: the buttons stay off. */
    public ReadOnlyBooleanProperty supported() {
        return supported.getReadOnlyProperty();
    }

    /** Done once the last load's answer is shown (what {@link #supported()} says is then known for its host). */
    public CompletableFuture<Void> ready() {
        return loading;
    }

    /** Shows {@code jail}'s list (null: none selected). On the FX thread. */
    public CompletableFuture<Void> load(String jail) {
        loading = read(jail);
        return loading;
    }

    private CompletableFuture<Void> read(String jail) {
        long mine = ++asked;
        subject.set(jail);
        rows.clear();
        if (jail == null) {
            placeholder.set(msg.get(keys + ".select"));
            return CompletableFuture.completedFuture(null);
        }
        placeholder.set(msg.get(keys + ".loading", jail));
        CompletableFuture<List<T>> read = client.extensions().thenCompose(ext -> ext.contains(extension)
                ? list(client, jail) : CompletableFuture.completedFuture(null));
        return Notifier.logged(read.handleAsync((list, error) -> {
            if (mine != asked) {
                return null;
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            boolean cannot = cause instanceof org.jaildesk.client.IocageClientException e
                    && e.kind() == org.jaildesk.client.IocageClientException.Kind.UNSUPPORTED;
            supported.set(!cannot && (error != null || list != null));
            if (cannot) {
                placeholder.set(msg.get(keys + ".unsupported"));
            } else if (error != null) {
                placeholder.set(msg.get(keys + ".failed", jail, Notifier.oneLine(Notifier.text(msg, error))));
            } else if (list == null) {
                placeholder.set(msg.get(keys + ".unsupported"));
            } else {
                placeholder.set(msg.get(keys + ".none", jail));
                rows.setAll(list);
            }
            return null;
        }, fx), "the " + keys + " view");
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

    /** Reads the shown jail's list again (after a change, or when the host says one happened). */
    public CompletableFuture<Void> reload() {
        return subject.get() == null ? CompletableFuture.completedFuture(null) : load(subject.get());
    }

    /**
     * A change to {@code jail}, reported as {@code what}: done, or why not. The list is read again, unless the host
     * announced the change (its event read it already); a failed change is not announced, and iocage may have
     * changed something.
     */
    protected CompletableFuture<String> follow(Supplier<CompletableFuture<String>> call, String what, String jail) {
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
