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
                           int maxMessageBytes, Duration authGrace, Duration tokenLifetime, int failLimit,
                           Duration failWindow, Duration blockFor, Clock clock) {

    public static final int DEFAULT_WS_PORT = 12150;
    public static final int DEFAULT_REST_PORT = 12151;

    public static ServerConfig defaults(InetAddress bind, Path stateDir, String hostName) {
        return new ServerConfig(bind, DEFAULT_WS_PORT, DEFAULT_REST_PORT, true, stateDir, hostName, 1024 * 1024,
                Duration.ofSeconds(30), Duration.ofSeconds(900), 5, Duration.ofMinutes(10), Duration.ofMinutes(60),
                Clock.systemUTC());
    }

    public ServerConfig withPorts(int ws, int rest) {
        return new ServerConfig(bind, ws, rest, tls, stateDir, hostName, maxMessageBytes, authGrace, tokenLifetime,
                failLimit, failWindow, blockFor, clock);
    }

    public ServerConfig withTls(boolean on) {
        return new ServerConfig(bind, wsPort, restPort, on, stateDir, hostName, maxMessageBytes, authGrace, tokenLifetime,
                failLimit, failWindow, blockFor, clock);
    }

    public ServerConfig withClock(Clock c) {
        return new ServerConfig(bind, wsPort, restPort, tls, stateDir, hostName, maxMessageBytes, authGrace, tokenLifetime,
                failLimit, failWindow, blockFor, c);
    }

    public ServerConfig withAuthGrace(Duration grace) {
        return new ServerConfig(bind, wsPort, restPort, tls, stateDir, hostName, maxMessageBytes, grace, tokenLifetime,
                failLimit, failWindow, blockFor, clock);
    }

    public ServerConfig withThrottle(int limit, Duration block) {
        return new ServerConfig(bind, wsPort, restPort, tls, stateDir, hostName, maxMessageBytes, authGrace, tokenLifetime,
                limit, failWindow, block, clock);
    }
}
