package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.jaildesk.domain.Jail;

/**
 * The jails of one host that this desktop keeps from being destroyed (Proxmox's "protection"): while a jail is marked,
 * <i>Destroy</i> is off for it and a clean that would destroy it refuses, until the mark is removed. The marks are
 * kept by jail id in {@code ui-state.json}, with the host's table layout; they guard what this JailDesk does, not iocage
 * on the host or another desktop. A mark stays with its id when the jail is gone (a new jail of that name is
 * protected too: the safe side) and follows a rename.
 *
 * <p>Used on the FX thread.
 */
public final class ProtectedJails {

    /** The most marks kept for one host: more than any host has jails. */
    public static final int MOST = 10_000;
    /** A jail id is a name or a UUID; one longer than this in the saved file is no jail's. */
    private static final int LONGEST = 255;

    private final ObservableSet<String> ids = FXCollections.observableSet(new TreeSet<>());
    private final ObservableSet<String> shown = FXCollections.unmodifiableObservableSet(ids);
    private Consumer<List<String>> changed = marks -> { };
    private Keeper keeper;
    private java.util.concurrent.Executor fx;
    private Consumer<Throwable> failed = e -> { };

    /**
     * A host that keeps the marks itself ({@code jaildesk serve}'s {@code protectjail}): it refuses to destroy a marked
     * jail for every client, not only this desktop. Answers are the host's marks after.
     */
    public interface Keeper {
        java.util.concurrent.CompletableFuture<List<String>> set(String id, boolean on);

        java.util.concurrent.CompletableFuture<List<String>> list();
    }

    /**
     * Hands this desktop's marks to {@code keeper}; once it has them, the marks are the keeper's from then on: protect
     * and unprotect ask it, and the marks shown are what it answers (on {@code fx}), read then. Marks made or taken away
     * here while they are handed over go too, so that none is lost on the way. {@code failed} is told why the keeper did
     * not do what was asked. Completes with whether the keeper took over: where it did not take this desktop's marks,
     * they stay the ones that count (nothing is left unprotected), and the failure is told. Call on the FX thread.
     */
    public java.util.concurrent.CompletableFuture<Boolean> keptBy(Keeper keeper, java.util.concurrent.Executor fx,
                                                                 Consumer<Throwable> failed) {
        java.util.concurrent.CompletableFuture<Boolean> done = new java.util.concurrent.CompletableFuture<>();
        handOver(keeper, fx, failed, new TreeSet<>(), done);
        return done;
    }

    /** Sends the keeper what this desktop's marks are now beside what it was sent; switches once nothing is left. */
    private void handOver(Keeper keeper, java.util.concurrent.Executor fx, Consumer<Throwable> failed, java.util.Set<String> sent,
                          java.util.concurrent.CompletableFuture<Boolean> done) {
        List<String> add = ids.stream().filter(id -> !sent.contains(id)).toList();
        List<String> remove = sent.stream().filter(id -> !ids.contains(id)).toList();
        if (add.isEmpty() && remove.isEmpty()) {
            this.keeper = keeper;
            this.fx = fx;
            this.failed = failed;
            reread();
            done.complete(true);
            return;
        }
        java.util.concurrent.CompletableFuture<List<String>> chain = java.util.concurrent.CompletableFuture.completedFuture(null);
        for (String id : add) {
            chain = chain.thenCompose(x -> keeper.set(id, true));
        }
        for (String id : remove) {
            chain = chain.thenCompose(x -> keeper.set(id, false));
        }
        chain.handleAsync((x, error) -> {
            if (error != null) {
                failed.accept(error);
                done.complete(false);
            } else {
                sent.addAll(add);
                sent.removeAll(remove);
                handOver(keeper, fx, failed, sent, done);
            }
            return null;
        }, fx);
    }

    /** Whether the host keeps the marks ({@link #keptBy}), rather than this desktop. */
    public boolean onHost() {
        return keeper != null;
    }

    /** The host's marks as it answered the request numbered {@code asked}. */
    private record Answer(long asked, List<String> marks) {
    }

    /** The number of the newest request to the keeper, counted as each is sent (on any thread). */
    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    /** The number of the newest request whose answer was taken (on the FX thread). */
    private long taken;

    /** Sends {@code request} to the keeper under the next number. */
    private java.util.concurrent.CompletableFuture<Answer> send(
            java.util.function.Supplier<java.util.concurrent.CompletableFuture<List<String>>> request) {
        long asked = sent.incrementAndGet();
        return request.get().thenApply(marks -> new Answer(asked, marks));
    }

    /**
     * Takes the host's answer, unless the answer to a request sent after it was taken first: a host answers requests in
     * the order sent, each with the marks as they were then, but the answers may be handed on out of that order, and
     * the newest marks must not be replaced by older ones.
     */
    private void take(java.util.concurrent.CompletableFuture<Answer> answer) {
        answer.handleAsync((a, error) -> {
            if (error != null) {
                failed.accept(error);
            } else if (a.asked() > taken) {
                taken = a.asked();
                // A host's answer is taken as far as this desktop would keep marks itself.
                ids.retainAll(a.marks());
                ids.addAll(a.marks().stream().filter(ProtectedJails::isId).limit(MOST).toList());
            }
            return null;
        }, fx);
    }

    /**
     * Reads the host's marks again where the host keeps them: another client (or a rename) changed them. Call on the
     * FX thread; nothing where this desktop keeps the marks.
     */
    public void reread() {
        if (keeper != null) {
            take(send(keeper::list));
        }
    }

    /** Asks the host to mark ({@code on}) or unmark each of {@code which}, one after the other; nothing for none. */
    private void ask(List<String> which, boolean on) {
        if (which.isEmpty()) {
            return;
        }
        java.util.concurrent.CompletableFuture<Answer> chain = java.util.concurrent.CompletableFuture.completedFuture(null);
        for (String id : which) {
            chain = chain.thenCompose(x -> send(() -> keeper.set(id, on)));
        }
        take(chain);
    }

    /** The ids marked, in order; changes as marks are added and removed. */
    public ObservableSet<String> ids() {
        return shown;
    }

    public boolean has(Jail jail) {
        return ids.contains(jail.id());
    }

    public boolean has(String id) {
        return ids.contains(id);
    }

    /** Marks every one of {@code jails} (those marked already stay so); false if the host already has {@link #MOST}. */
    public boolean protect(Collection<Jail> jails) {
        List<String> add = jails.stream().map(Jail::id).filter(id -> !ids.contains(id)).distinct().toList();
        if (ids.size() + add.size() > MOST) {
            return false;
        }
        if (keeper != null) {
            ask(add, true);
            return true;
        }
        if (ids.addAll(add)) {
            changed.accept(new ArrayList<>(ids));
        }
        return true;
    }

    public void unprotect(Collection<Jail> jails) {
        if (keeper != null) {
            ask(jails.stream().map(Jail::id).filter(ids::contains).distinct().toList(), false);
            return;
        }
        if (ids.removeAll(jails.stream().map(Jail::id).toList())) {
            changed.accept(new ArrayList<>(ids));
        }
    }

    /** A marked jail now goes by {@code to} (a rename on a host whose ids are names). */
    public void moved(String from, String to) {
        if (!from.equals(to) && ids.remove(from)) {
            ids.add(to);
            // A host that keeps the marks has moved its own with the rename.
            if (keeper == null) {
                changed.accept(new ArrayList<>(ids));
            }
        }
    }

    /**
     * Puts back the marks saved for the host, adding to those made since; returns how many were not a jail id (empty,
     * longer than 255 characters, with a control character, or beyond {@link #MOST}), which are dropped.
     */
    public int restore(Collection<String> saved) {
        int dropped = 0;
        for (String id : saved) {
            if (isId(id) && (ids.contains(id) || ids.size() < MOST)) {
                ids.add(id);
            } else {
                dropped++;
            }
        }
        return dropped;
    }

    /** Told the marks, in order, once after each change made here (to keep them); not after {@link #restore}. */
    public void onChange(Consumer<List<String>> told) {
        this.changed = told;
    }

    private static boolean isId(String id) {
        return id != null && !id.isEmpty() && id.length() <= LONGEST && id.chars().noneMatch(Character::isISOControl)
                && id.strip().equals(id);
    }
}
