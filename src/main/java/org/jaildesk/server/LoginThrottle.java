package org.jaildesk.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per address. After {@code limit} failures within {@code window} the address is blocked for
 * {@code block}; a success clears its count. Loopback is throttled like any other address.
 */
public final class LoginThrottle {

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Duration block;

    public LoginThrottle(Clock clock, int limit, Duration window, Duration block) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
        this.block = block;
    }

    public boolean isBlocked(String address) {
        Failures f = byAddress.get(address);
        return f != null && f.blockedUntil() != null && clock.instant().isBefore(f.blockedUntil());
    }

    /** Records a failure; returns true when this failure blocks the address. */
    public boolean fail(String address) {
        Instant now = clock.instant();
        Failures f = byAddress.compute(address, (k, old) -> {
            int count = old == null || old.last().plus(window).isBefore(now) ? 1 : old.count() + 1;
            Instant until = count >= limit ? now.plus(block) : old == null ? null : old.blockedUntil();
            return new Failures(count, now, until);
        });
        return f.count() >= limit;
    }

    public void succeed(String address) {
        byAddress.remove(address);
    }
}
