package org.jaildesk.ui.jails;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * What the host's running jails use now (extension {@code jailusage}), read after each listing, for the table's
 * CPU and memory columns. One read at a time: a refresh while one runs goes without. A host without the extension,
 * or one whose read failed, has no figures (the columns stay empty; {@link #problem()} says why) and no notice: the
 * listing is what a refresh is for.
 */
public final class JailUsages {

    static final String EXTENSION = "jailusage";
    private static final Logger LOG = Logger.getLogger(JailUsages.class.getName());

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final ReadOnlyObjectWrapper<Map<Integer, JailUsage>> byJid = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final AtomicBoolean reading = new AtomicBoolean();
    /** The listed jails, whose JIDs name the figures' jails; read on the FX thread. */
    private final List<Jail> listed;
    /** Each running jail's last hour, by jail id (a JID changes at every start); FX thread. */
    private final Map<String, UsageHistory> history = new HashMap<>();
    private LongSupplier epochSeconds = () -> System.currentTimeMillis() / 1000;

    JailUsages(IocageClient client, Executor fx, Messages msg, List<Jail> listed) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
        this.listed = listed;
    }

    /** The wall clock samples are timed by (for tests). */
    void clock(LongSupplier epochSeconds) {
        this.epochSeconds = epochSeconds;
    }

    /**
     * The jail's figures over the last hour as this window read them (empty before the second read, or for a jail that
     * did not run meanwhile); FX thread.
     */
    public UsageHistory.Samples history(Jail jail) {
        UsageHistory h = history.get(jail.id());
        return h == null ? new UsageHistory.Samples(new long[0], new double[0], new double[0]) : h.samples();
    }

    /**
     * The jail's last day as means of ten minutes (those an earlier session saved too; empty for a jail that did not
     * run meanwhile); FX thread.
     */
    public UsageHistory.Samples day(Jail jail) {
        UsageHistory h = history.get(jail.id());
        return h == null ? new UsageHistory.Samples(new long[0], new double[0], new double[0]) : h.day();
    }

    /** Each jail's last day by jail id, to be saved; FX thread. */
    Map<String, UsageHistory.Samples> days() {
        Map<String, UsageHistory.Samples> out = new HashMap<>();
        history.forEach((id, h) -> {
            UsageHistory.Samples d = h.day();
            if (d.size() > 0) {
                out.put(id, d);
            }
        });
        return out;
    }

    /**
     * Puts back the days an earlier session saved, by jail id, for the jails this window has not read figures of yet
     * (a jail no longer listed is let go at the next read); FX thread.
     */
    void restore(Map<String, UsageHistory.Samples> saved) {
        saved.forEach((id, d) -> history.computeIfAbsent(id, k -> new UsageHistory()).restoreDay(d));
    }

    /** Adds a sample to each listed running jail's history; lets go of those of jails no longer listed. */
    private void record(Map<Integer, JailUsage> usage) {
        long now = epochSeconds.getAsLong();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Jail j : listed) {
            ids.add(j.id());
            JailUsage u = of(j, usage);
            if (u != null) {
                history.computeIfAbsent(j.id(), k -> new UsageHistory()).add(now, u.cpuPercent(), u.memoryBytes());
            }
        }
        history.keySet().retainAll(ids);
    }

    /** The figures of the running jails by JID; replaced as a whole by each read. */
    public ReadOnlyObjectProperty<Map<Integer, JailUsage>> byJid() {
        return byJid.getReadOnlyProperty();
    }

    /** Why there are no figures, in the window's language; empty while there are. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** A running jail's figures; null for a stopped jail, or while none are known. */
    public JailUsage of(Jail jail) {
        return of(jail, byJid.get());
    }

    private static JailUsage of(Jail jail, Map<Integer, JailUsage> usage) {
        return jail.jid().isPresent() ? usage.get(jail.jid().getAsInt()) : null;
    }

    /** Reads the figures again unless a read is running; completes once they are shown. */
    CompletableFuture<Void> read() {
        if (!reading.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return client.extensions()
                .thenCompose(ext -> ext.contains(EXTENSION) ? client.jailUsage()
                        : CompletableFuture.<Map<Integer, JailUsage>>failedFuture(new IocageClientException(
                                IocageClientException.Kind.UNSUPPORTED, msg.get("usage.unsupported"))))
                .handleAsync((usage, error) -> {
                    reading.set(false);
                    if (error == null) {
                        record(usage);
                        byJid.set(Map.copyOf(usage));
                        problem.set("");
                    } else {
                        Throwable why = Notifier.unwrap(error);
                        LOG.log(Level.FINE, "no usage figures", why);
                        byJid.set(Map.of());
                        // A host's message may be of any length: the tooltip quotes it as the notice bar does.
                        problem.set(msg.get("usage.none", Notifier.oneLine(String.valueOf(why.getMessage()))));
                    }
                    return null;
                }, fx);
    }
}
