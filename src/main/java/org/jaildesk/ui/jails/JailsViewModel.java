package org.jaildesk.ui.jails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.UntrustedCertificateException;
import org.jaildesk.domain.Jail;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * The jail table of one host: its rows, the search, the selection, and every jail action. Calls go to the client
 * off the FX thread; results come back through the injected executor ({@code Platform::runLater} in the app,
 * {@code Runnable::run} in tests). Imports nothing from the scene graph.
 */
public final class JailsViewModel {

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final Notifier notifier;
    private final ObservableList<Jail> jails = FXCollections.observableArrayList();
    private final ObservableList<Jail> jailsView = FXCollections.unmodifiableObservableList(jails);
    private final FilteredList<Jail> visible = new FilteredList<>(jails, j -> true);
    private final ObservableList<Jail> selection = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Jail> focused = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> lastFailure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> listedAt = new ReadOnlyObjectWrapper<>();
    private volatile Clock clock = Clock.systemDefaultZone();
    private final Map<JailAction, StringBinding> whyNot = new EnumMap<>(JailAction.class);
    private final Map<JailAction, BooleanBinding> can = new EnumMap<>(JailAction.class);
    private final ListingPace pace = new ListingPace();
    private final JailCommands commands;
    private final NewJails newJails;
    private final JailUpkeep upkeep;
    private final PropertyColumns properties;
    private final JailUsages usages;
    private final ProtectedJails protection = new ProtectedJails();
    /** Why this login changes nothing on the host (it may only read), or "" while it may change; known after the login. */
    private final javafx.beans.property.ReadOnlyStringWrapper readOnly = new javafx.beans.property.ReadOnlyStringWrapper("");
    /** Whether the host has said what this login may do; asked again after each listing until it has. */
    private final java.util.concurrent.atomic.AtomicBoolean accessKnown = new java.util.concurrent.atomic.AtomicBoolean();

    public JailsViewModel(IocageClient client, Executor fx, Messages msg, Notifier notifier) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
        this.notifier = notifier;
        // Loaded once a listing has come back: the time it came is kept anyway, for the status bar.
        loaded.bind(listedAt.isNotNull());
        for (JailAction a : JailAction.values()) {
            StringBinding why = Bindings.createStringBinding(() -> a.changes() && !readOnly.get().isEmpty() ? readOnly.get()
                    : a.whyNot(selection, protection::has, msg), selection, protection.ids(), readOnly);
            whyNot.put(a, why);
            can.put(a, why.isEmpty());
        }
        selection.addListener((ListChangeListener<Jail>) c ->
                focused.set(selection.size() == 1 ? selection.get(0) : null));
        commands = new JailCommands(client, fx, msg, notifier, protection, this::refreshAfterChange);
        newJails = new NewJails(client, fx, msg, jails, commands::after, protection);
        upkeep = new JailUpkeep(client, msg, notifier, commands::after);
        properties = new PropertyColumns(client, fx, msg);
        usages = new JailUsages(client, fx, msg, jails);
        query.addListener((o, a, b) -> visible.setPredicate(JailFilter.parse(b, usages::of, this::field)));
        // A search that compares figures (cpu:>50) lets other jails through once the figures change; one that names a
        // property column (priority:>10), once its values do.
        usages.byJid().addListener((o, a, b) -> {
            if (JailFilter.comparesFigures(query.get())) {
                visible.setPredicate(JailFilter.parse(query.get(), usages::of, this::field));
            }
        });
        properties.values().addListener((o, a, b) -> {
            if (query.get() != null && query.get().contains(":")) {
                visible.setPredicate(JailFilter.parse(query.get(), usages::of, this::field));
            }
        });
        protection.ids().addListener((javafx.collections.SetChangeListener<String>) c -> {
            if (query.get() != null && query.get().toLowerCase(java.util.Locale.ROOT).contains("protected:")) {
                visible.setPredicate(JailFilter.parse(query.get(), usages::of, this::field));
            }
        });
    }

    /** The search's fields beyond a jail's own: {@code protected:yes} (or {@code no}), and the property columns. */
    private Function<Jail, String> field(String name) {
        return name.equals("protected") ? j -> protection.has(j) ? "yes" : "no" : properties.field(name);
    }

    /** The jails of this host that this desktop keeps from being destroyed. */
    public ProtectedJails protection() {
        return protection;
    }

    /** Protects the selected jails from destroy (those protected already stay so). */
    public void protectSelected() {
        if (!protection.protect(List.copyOf(selection))) {
            notifier.refusal(msg.get("protect.tooMany", Integer.toString(ProtectedJails.MOST)));
        }
    }

    public void unprotectSelected() {
        protection.unprotect(List.copyOf(selection));
    }

    /** What the running jails use, read after each listing. */
    public JailUsages usages() {
        return usages;
    }

    /** Making jails: names, releases and templates to choose from, create and clone. */
    public NewJails newJails() {
        return newJails;
    }

    /** Updates and upgrades. */
    public JailUpkeep upkeep() {
        return upkeep;
    }

    /** The properties the table shows as columns. */
    public PropertyColumns properties() {
        return properties;
    }

    public IocageClient client() {
        return client;
    }

    /**
     * Every jail of the host. One view for every caller: a view made per call listens to the list only weakly, so a
     * listener added to it stopped hearing once the view was collected (the UUID column's first listing, now and then).
     */
    public ObservableList<Jail> jails() {
        return jailsView;
    }

    /** The jails the search lets through, for the table. */
    public FilteredList<Jail> visible() {
        return visible;
    }

    /** What the table has selected; the view keeps it up to date. */
    public ObservableList<Jail> selection() {
        return selection;
    }

    public StringProperty query() {
        return query;
    }

    public ReadOnlyBooleanProperty refreshing() {
        return refreshing.getReadOnlyProperty();
    }

    /** The rows shown are older than a refresh that is running or failed. */
    public ReadOnlyBooleanProperty stale() {
        return stale.getReadOnlyProperty();
    }

    /** At least one listing has arrived (so an empty table means "no jails", not "not loaded yet"). */
    public ReadOnlyBooleanProperty loaded() {
        return loaded.getReadOnlyProperty();
    }

    /** When the rows were last listed (a listing that came back), or null before the first. */
    public ReadOnlyObjectProperty<Instant> listedAt() {
        return listedAt.getReadOnlyProperty();
    }

    /** Why the last refresh failed, or null after a good one. */
    public ReadOnlyObjectProperty<Throwable> lastFailure() {
        return lastFailure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Jail> focused() {
        return focused.getReadOnlyProperty();
    }

    /**
     * Why this login may change nothing on the host ("" while it may): a server's user who may only read, as the host
     * says once logged in. Every action that changes a jail is then off with this reason.
     */
    public javafx.beans.property.ReadOnlyStringProperty readOnly() {
        return readOnly.getReadOnlyProperty();
    }

    /** Asks the host what this login may do, once it has answered (after the login); the reason follows on the FX thread. */
    private void learnAccess() {
        if (accessKnown.get()) {
            return;
        }
        Notifier.logged(client.extensions().thenAcceptAsync(ext -> {
            if (accessKnown.compareAndSet(false, true)) {
                readOnly.set(ext.contains(org.jaildesk.protocol.Protocol.READ_ONLY) ? msg.get("why.readOnly") : "");
            }
        }, fx), "what this login may do");
    }

    /** Whether {@code action} can run on the selection now. */
    public BooleanBinding can(JailAction action) {
        return can.get(action);
    }

    /** Why {@code action} cannot run on the selection now, in the window's language; empty when it can. */
    public StringBinding whyNot(JailAction action) {
        return whyNot.get(action);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The clock (nanoTime) background refreshes are timed by (for tests). */
    public void clock(LongSupplier nanos) {
        pace.clock(nanos);
    }

    /** The clock {@link #listedAt} reads (for tests). */
    public void wallClock(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether the background timer should refresh now: nothing is being listed, and the last listing (however it was
     * asked for, and whether it succeeded or not) is long enough ago; see {@link ListingPace}.
     */
    public boolean backgroundRefreshDue(Duration interval) {
        return !refreshing.get() && pace.due(interval);
    }

    private volatile boolean closed;

    /**
     * This table's host was let go (reopened with other settings, or removed): it lists no more, so an action that
     * finishes on the old connection does not come back with a listing (or a notice) of its own.
     */
    public void close() {
        closed = true;
    }

    /** The listing running now; guarded by {@code this}. */
    private CompletableFuture<Void> running;
    /** The listing that starts when the running one is done, shared by everyone who asked meanwhile. */
    private CompletableFuture<Void> next;

    /**
     * Refreshes the table: a listing starts now or, while one is running, right after it. Everyone who asks
     * meanwhile (change events, finished actions, F5, the background timer) shares that one next listing, so at most
     * one {@code iocage list} runs for the table at a time (on a large pool one takes a minute) and an older listing
     * never lands after a newer one. The future completes once the table shows a listing started after this call.
     */
    public CompletableFuture<Void> refresh() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            if (running != null) {
                if (next == null) {
                    next = new CompletableFuture<>();
                }
                return next;
            }
            running = new CompletableFuture<>();
        }
        CompletableFuture<Void> mine = running;
        list(mine);
        return mine;
    }

    private void list(CompletableFuture<Void> done) {
        refreshing.set(true);
        if (loaded.get()) {
            stale.set(true);
        }
        long began = pace.now();
        Notifier.logged(client.listJails().handleAsync((list, error) -> {
            pace.ended(began);
            CompletableFuture<Void> waiting;
            synchronized (this) {
                waiting = next;
                next = null;
                running = waiting;
            }
            try {
                refreshing.set(waiting != null);
                if (error != null) {
                    Throwable e = Notifier.unwrap(error);
                    lastFailure.set(e);
                    if (certificateNotKnownYet(e)) {
                        // The first connection: the window asks about the certificate now; a notice saying the same
                        // behind that question would only repeat it (it comes if the question is declined).
                        notifier.failedQuietly(msg.get("action.refresh"));
                    } else {
                        notifier.failure(msg.get("action.refresh"), error);
                    }
                } else {
                    lastFailure.set(null);
                    notifier.succeeded(msg.get("action.refresh"));
                    replace(list);
                    // After the rows: the figures are joined to them by JID, which changes at every start.
                    Notifier.logged(usages.read(), "the jails' usage figures");
                    Notifier.logged(properties.readAll(), "the property columns");
                    listedAt.set(clock.instant());
                    stale.set(waiting != null);
                    learnAccess();
                }
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                throw e;
            } finally {
                if (waiting != null) {
                    list(waiting);
                }
            }
            return null;
        }, fx), "the jail table's refresh");
    }

    /** A host's certificate seen for the first time (not a changed one, which is always shown as a warning). */
    static boolean certificateNotKnownYet(Throwable e) {
        return UntrustedCertificateException.in(e).filter(u -> !u.changed()).isPresent();
    }

    /**
     * Replaces the rows, keeping the selection on the jails that are still there (by id). The selection is read after
     * the rows changed: the table may have changed it meanwhile (a jail just created, renamed or imported is selected
     * as soon as the table shows it), and that is what the user sees selected.
     */
    private void replace(List<Jail> list) {
        ListedRows.replace(jails, list);
        Map<String, Jail> byId = new HashMap<>();
        list.forEach(j -> byId.put(j.id(), j));
        List<Jail> reselected = new ArrayList<>();
        for (String id : selection.stream().map(Jail::id).toList()) {
            Jail j = byId.get(id);
            if (j != null) {
                reselected.add(j);
            }
        }
        selection.setAll(reselected);
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    /** Starts every selected jail that is down; one refresh when all are done. */
    public CompletableFuture<Void> startSelected() {
        return commands.start(List.copyOf(selection));
    }

    public CompletableFuture<Void> stopSelected() {
        return commands.stop(List.copyOf(selection));
    }

    public CompletableFuture<Void> restartSelected() {
        return commands.restart(List.copyOf(selection));
    }

    public CompletableFuture<Void> capSelected() {
        return commands.cap(List.copyOf(selection));
    }

    /** What the jails are told to do: start, stop, destroy, run a command, …. */
    public JailCommands commands() {
        return commands;
    }

    /** The listing a change event of the host asked for last; call on the FX thread. */
    private CompletableFuture<Void> announced;

    /**
     * The host says a jail changed (any client's action, ours included): the table lists again. A host that says so
     * announces every change it makes, after the change is done; see {@link #refreshAfterChange}.
     */
    public CompletableFuture<Void> hostChanged() {
        announced = refresh();
        return announced;
    }

    /**
     * After one of our own changes. A host that announces its changes has already asked for a listing that starts
     * after this change was done (its event comes before its reply), so a second one would only repeat it: on a large
     * pool, another minute of {@code iocage list}. A failed change is not announced (iocage may still have changed
     * something), and a host that announces nothing (the original sysadm server) gets a listing of our own.
     */
    private CompletableFuture<Void> refreshAfterChange(boolean succeeded) {
        return succeeded && announced != null ? announced : refresh();
    }
}
