package org.jaildesk.host;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The changes a host runs, kept for what needs to find them again: a cancel by the request's id, a stop by all of them,
 * a listing that may be shared only while none begins, and a job of which one runs at a time. Each method named "on
 * the change's thread" is called by the thread that runs the change.
 */
final class RunningChanges {

    private final Map<String, Thread> byId = new ConcurrentHashMap<>();
    /** The threads running a change now, with an id or without (which {@link #cancel} cannot name). */
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /** The threads {@link #stopAll} interrupted while they ran a change. */
    private final Set<Thread> cutOff = ConcurrentHashMap.newKeySet();
    /** The ids of the jobs accepted and not yet answered that run one at a time. */
    private final Set<String> openJobs = ConcurrentHashMap.newKeySet();
    /** Set by {@link #stopAll}: changes that start from then on are answered as cancelled without running. */
    private volatile boolean stopping;
    private final AtomicInteger stopped = new AtomicInteger();
    private final AtomicLong begun = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    /** True on a host thread while it runs a change whose end is not counted yet. */
    private final ThreadLocal<Boolean> open = ThreadLocal.withInitial(() -> false);

    /** Takes the job's turn; false while the same job is running or waiting. */
    boolean claimJob(String job) {
        return openJobs.add(job);
    }

    void releaseJob(String job) {
        openJobs.remove(job);
    }

    /** On the change's thread, as it begins; {@code id} may be empty (it then cannot be cancelled by id). */
    void begin(String id) {
        Thread me = Thread.currentThread();
        if (!id.isEmpty()) {
            byId.put(id, me);
        }
        begun.incrementAndGet();
        open.set(true);
        threads.add(me);
    }

    /** On the change's thread, before it runs anything: true if the host is stopping (the change is to run nothing). */
    boolean refusedByStop() {
        if (!stopping) {
            return false;
        }
        // Claimed here or by stopAll, never counted twice.
        if (threads.remove(Thread.currentThread())) {
            stopped.incrementAndGet();
        }
        return true;
    }

    /** On the change's thread, after it ran: true if the stop interrupted it. */
    boolean cutOffByStop() {
        return cutOff.remove(Thread.currentThread());
    }

    /** On the change's thread, when it is answered; clears its interrupt. */
    void end(String id) {
        Thread me = Thread.currentThread();
        threads.remove(me);
        cutOff.remove(me);
        endOpen();
        byId.remove(id, me);
        Thread.interrupted();
    }

    /**
     * Counts the current thread's change as ended: when it announces itself (every client may ask for a listing at
     * once then, and those listings should be shared), or when it returns without doing so.
     */
    void endOpen() {
        if (open.get()) {
            open.set(false);
            ended.incrementAndGet();
        }
    }

    /** How many changes have begun so far. */
    long begun() {
        return begun.get();
    }

    /** True if every change of the {@code begun} so far has ended. */
    boolean quietSince(long begun) {
        return ended.get() == begun;
    }

    /** Interrupts the change of that request id, if one runs; false if none does. */
    boolean cancel(String requestId) {
        Thread t = byId.get(requestId);
        if (t == null) {
            return false;
        }
        t.interrupt();
        return true;
    }

    /** From now on no change runs: those running are interrupted, those that begin later run nothing. */
    void stopAll() {
        stopping = true;
        for (Thread t : threads) {
            if (threads.remove(t)) {
                stopped.incrementAndGet();
                cutOff.add(t);
                t.interrupt();
            }
        }
    }

    /** How many changes the stop interrupted or kept from running. */
    int stopped() {
        return stopped.get();
    }
}
