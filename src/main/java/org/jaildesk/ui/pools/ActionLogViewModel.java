package org.jaildesk.ui.pools;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.AuditEntry;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.ui.common.HostReadList;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * A server's action log: who changed what on the host, and who logged in, from where, and how it went, as its audit log has it (the
 * server's own action {@code listaudit}), newest first. Every desktop's changes are in it, not only this one's. A host
 * that keeps none (this machine, the demo host, the original sysadm server) says so instead. The server answers 500
 * entries at a time; {@link #readOlder} adds the 500 before the oldest shown.
 */
public final class ActionLogViewModel extends HostReadList<AuditEntry> {

    private final IocageClient client;
    private final Executor fx;
    /** Where the entries before the oldest shown start, as the server said with the last page; "" when none are. */
    private final AtomicReference<String> older;
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper readingOlder = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper readingAll = new ReadOnlyBooleanWrapper(false);
    /** Set to end {@link #readAll} after the page it reads (on the FX thread; read where the page's answer is). */
    private volatile boolean stopAll;
    /** {@link #readAll} stops once this many entries are read: {@link #ALL_MAX}, less in tests. */
    private final int allMax;
    private final BooleanProperty logins = new SimpleBooleanProperty(true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final FilteredList<AuditEntry> shown = new FilteredList<>(rows());

    public ActionLogViewModel(IocageClient client, Executor fx, Messages msg) {
        this(client, fx, msg, ALL_MAX);
    }

    /** With {@link #readAll} stopping at {@code allMax} entries (tests). */
    ActionLogViewModel(IocageClient client, Executor fx, Messages msg, int allMax) {
        this(client, fx, msg, new AtomicReference<>(""), allMax);
    }

    private ActionLogViewModel(IocageClient client, Executor fx, Messages msg, AtomicReference<String> older, int allMax) {
        super(client, fx, msg, Protocol.LIST_AUDIT, c -> c.listAuditPage("").thenApply(page -> {
            older.set(page.older());
            return page.entries();
        }), "actionLog");
        this.client = client;
        this.fx = fx;
        this.older = older;
        this.allMax = allMax;
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            boolean all = logins.get();
            java.util.List<String> words = words(filter.get());
            return all && words.isEmpty() ? null
                    : e -> (all || !Protocol.AUDIT_LOGIN.equals(e.action())) && words.stream().allMatch(w -> holds(e, w));
        }, logins, filter));
    }

    /** Whether the logins are shown with the changes (they are at first); off, only the changes. */
    public BooleanProperty logins() {
        return logins;
    }

    /** The most of the filter's text that counts: what is typed after it is not looked for. */
    public static final int FILTER_MAX = 200;

    /**
     * Words the entries shown must hold, each in its user, address, action, target or result (any case; "" shows every
     * entry read). Only the entries read are filtered: {@link #readOlder} reads more.
     */
    public StringProperty filter() {
        return filter;
    }

    /** The filter's words, lower case, from its first {@link #FILTER_MAX} characters. */
    private static java.util.List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return java.util.List.of();
        }
        String cut = text.length() > FILTER_MAX ? text.substring(0, FILTER_MAX) : text;
        return java.util.Arrays.stream(cut.toLowerCase(java.util.Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static boolean holds(AuditEntry e, String word) {
        for (String field : new String[] {e.user(), e.from(), e.action(), e.target(), e.result()}) {
            if (field != null && field.toLowerCase(java.util.Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The entries read, as shown: the logins left out while {@link #logins} is off, and only those the filter lets through. */
    public ObservableList<AuditEntry> shown() {
        return shown;
    }

    /** Whether the log holds entries before the oldest shown. */
    public ReadOnlyBooleanProperty hasOlder() {
        return hasOlder.getReadOnlyProperty();
    }

    /** True while {@link #readOlder} reads. */
    public ReadOnlyBooleanProperty readingOlder() {
        return readingOlder.getReadOnlyProperty();
    }

    /**
     * Reads the newest entries again (and forgets the older ones read); not while older ones are being read, which
     * would be added to the list it starts again. Call on the FX thread.
     */
    @Override
    public CompletableFuture<Void> refresh() {
        if (readingOlder.get() || readingAll.get()) {
            return CompletableFuture.completedFuture(null);
        }
        older.set("");
        hasOlder.set(false);
        return super.refresh().thenRunAsync(() -> hasOlder.set(!older.get().isEmpty()), fx);
    }

    /** Adds the entries before the oldest shown, up to 500; nothing while a read runs or when there are none. */
    public CompletableFuture<Void> readOlder() {
        return older().thenApply(read -> null);
    }

    /** The most entries {@link #readAll} reads: some 20 MB of rows, months of a busy host's log. */
    public static final int ALL_MAX = 100_000;

    /** True while {@link #readAll} reads, from its first page to its last. */
    public ReadOnlyBooleanProperty readingAll() {
        return readingAll.getReadOnlyProperty();
    }

    /**
     * Reads the older entries page after page, to the log's start (through its rotated files), for the filter to look
     * through them all: until there are none, one cannot be read, {@link #stopReadingAll} is called, or
     * {@link #ALL_MAX} entries are read ({@link #readOlder} reads on from there). Call on the FX thread.
     */
    public CompletableFuture<Void> readAll() {
        if (readingAll.get() || !hasOlder.get() || readingOlder.get() || reading().get()) {
            return CompletableFuture.completedFuture(null);
        }
        stopAll = false;
        readingAll.set(true);
        return nextPage().whenCompleteAsync((done, error) -> readingAll.set(false), fx);
    }

    private CompletableFuture<Void> nextPage() {
        return older().thenComposeAsync(read -> read && !stopAll && hasOlder.get() && rows().size() < allMax ? nextPage()
                : CompletableFuture.completedFuture(null), fx);
    }

    /** Ends {@link #readAll} after the page it is reading; FX thread. */
    public void stopReadingAll() {
        stopAll = true;
    }

    /** {@link #readOlder}: whether a page was read (false: none asked, or it could not be read). */
    private CompletableFuture<Boolean> older() {
        String before = older.get();
        if (before.isEmpty() || readingOlder.get() || reading().get()) {
            return CompletableFuture.completedFuture(false);
        }
        readingOlder.set(true);
        return Notifier.logged(client.listAuditPage(before).handleAsync((page, error) -> {
            readingOlder.set(false);
            if (error != null) {
                failed(error);
                return false;
            } else {
                older.set(page.older());
                append(page.entries());
                hasOlder.set(page.hasOlder());
                if (page.rotated()) {
                    // The file the offset was in cannot be read on the server any more: nothing older from here.
                    say("actionLog.rotated", rows().size());
                }
                return true;
            }
        }, fx), "the older entries of the action log");
    }
}
