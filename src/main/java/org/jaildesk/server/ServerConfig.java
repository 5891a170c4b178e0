package org.jaildesk.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How {@code jaildesk serve} listens and guards: addresses and ports (0 picks a free one), TLS or not, where state
 * lives, the name it gives in {@code identify}, and the security limits.
 */
public record ServerConfig(InetAddress bind, int wsPort, int restPort, boolean tls, Path stateDir, String hostName,
                           int maxMessageBytes, Duration authGrace, Duration tokenLifetime, Duration sessionLimit,
                           int failLimit, Duration failWindow, Duration blockFor, Clock clock) {

    public static final int DEFAULT_WS_PORT = 12150;
    public static final int DEFAULT_REST_PORT = 12151;
    /**
     * The longest a session lasts, however often it is used (a token alone slides on for as long as it is used): then
     * its user logs in again (a desktop with a login key without asking anything).
     */
    public static final Duration DEFAULT_SESSION_LIMIT = Duration.ofHours(12);

    public static ServerConfig defaults(InetAddress bind, Path stateDir, String hostName) {
        return new ServerConfig(bind, DEFAULT_WS_PORT, DEFAULT_REST_PORT, true, stateDir, hostName, 1024 * 1024,
                Duration.ofSeconds(30), Duration.ofSeconds(900), DEFAULT_SESSION_LIMIT, 5, Duration.ofMinutes(10), Duration.ofMinutes(60),
                Clock.systemUTC());
    }

    public ServerConfig withPorts(int ws, int rest) {
        return new ServerConfig(bind, ws, rest, tls, stateDir, hostName, maxMessageBytes, authGrace, tokenLifetime,
                sessionLimit, failLimit, failWindow, blockFor, clock);
    }

    public ServerConfig withTls(boolean on) {
        return new ServerConfig(bind, wsPort, restPort, on, stateDir, hostName, maxMessageBytes, authGrace, tokenLifetime,
                sessionLimit, failLimit, failWindow, blockFor, clock);
    }

    public ServerConfig withClock(Clock c) {
        return new ServerConfig(bind, wsPort, restPort, tls, stateDir, hostName, maxMessageBytes, authGrace, tokenLifetime,
                sessionLimit, failLimit, failWindow, blockFor, c);
    }

    public ServerConfig withAuthGrace(Duration grace) {
        return new ServerConfig(bind, wsPort, restPort, tls, stateDir, hostName, maxMessageBytes, grace, tokenLifetime,
                sessionLimit, failLimit, failWindow, blockFor, clock);
    }

    public ServerConfig withSessionLimit(Duration limit) {
        return new ServerConfig(bind, wsPort, restPort, tls, stateDir, hostName, maxMessageBytes, authGrace, tokenLifetime,
                limit, failLimit, failWindow, blockFor, clock);
    }

    public ServerConfig withThrottle(int limit, Duration block) {
        return new ServerConfig(bind, wsPort, restPort, tls, stateDir, hostName, maxMessageBytes, authGrace, tokenLifetime,
                sessionLimit, limit, failWindow, block, clock);
    }
}
