package org.jaildesk.ui.jails;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When a table's background refresh is due: after the refresh interval, and on a host whose listing is slow, after a
 * multiple of the time the last listing took, so that an idle window does not keep a large pool listing all the time.
 */
final class ListingPace {

    /**
     * A background refresh waits at least this many times as long as the last listing took, after it ended: on a
     * large pool where {@code iocage list} takes 90 s, an idle window lists every 6 minutes instead of all the time.
     */
    static final int LOAD_FACTOR = 4;

    /**
     * The longest a background refresh waits because listings are slow (one that hung until its timeout, say): well
     * within a JailDesk server's 15-minute token lifetime, so an idle window stays logged in.
     */
    static final Duration WAIT_CAP = Duration.ofMinutes(10);

    private volatile LongSupplier clock = System::nanoTime;
    /** When the last listing ended (nanoTime) and how long it took. */
    private volatile long lastEnded;
    private volatile long lastTook;
    private volatile boolean listedOnce;

    void clock(LongSupplier nanos) {
        this.clock = nanos;
    }

    long now() {
        return clock.getAsLong();
    }

    /** A listing that began at {@code began} ({@link #now}) has ended, now, however it ended. */
    void ended(long began) {
        long ended = now();
        lastTook = ended - began;
        lastEnded = ended;
        listedOnce = true;
    }

    /**
     * Whether a background refresh is due: nothing listed yet, or since the last listing ended both {@code interval}
     * and {@link #LOAD_FACTOR} times that listing's duration (up to {@link #WAIT_CAP}) have passed.
     */
    boolean due(Duration interval) {
        if (!listedOnce) {
            return true;
        }
        long wait = Math.max(interval.toNanos(), Math.min(WAIT_CAP.toNanos(), LOAD_FACTOR * lastTook));
        return now() - lastEnded >= wait;
    }
}
