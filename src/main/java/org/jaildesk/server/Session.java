package org.jaildesk.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** One client connection (or one REST request): where it comes from, who is logged in, what it listens to. */
final class Session {

    private static final AtomicLong COUNT = new AtomicLong();

    final String address;
    /**
     * Put before the id of each request of this connection that goes to the host: clients choose their ids, so two
     * clients may both send "jd5", and the host, which knows running changes by id, must tell them apart.
     */
    final String requestPrefix = "c" + COUNT.incrementAndGet() + "/";
    final Consumer<String> sender;
    final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    volatile String user;
    volatile String token;
    /** Logged in with a key (or a token of such a login): it may not register keys. */
    volatile boolean byKey;
    /** The key login's challenge this connection was sent ({@code auth_ssl}'s first stage), or null; and until when it holds. */
    volatile String challenge;
    volatile java.time.Instant challengeUntil;
    /** Set at the first successful login; the grace timer closes only sockets that never logged in. */
    volatile boolean everLoggedIn;
    /** Requests of this connection waiting for their replies (see {@link SysadmServer#MAX_IN_FLIGHT}). */
    final AtomicInteger inFlight = new AtomicInteger();

    Session(String address, Consumer<String> sender) {
        this.address = address;
        this.sender = sender;
    }

    boolean loggedIn() {
        return user != null;
    }

    void logOut() {
        user = null;
        token = null;
        byKey = false;
        challenge = null;
    }
}
