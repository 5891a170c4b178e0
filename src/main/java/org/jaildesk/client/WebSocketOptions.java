package org.jaildesk.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a {@link WebSocketTransport} reaches and logs in to its host.
 *
 * @param url            {@code wss://host:12150}; without a port, {@link #DEFAULT_PORT}
 * @param user           login name
 * @param password       asked when a password login is needed; the array is wiped after use
 * @param knownHosts     accepted certificate fingerprints (wss only)
 * @param requestTimeout how long to wait for one reply
 * @param reconnect      reconnect in the background after a drop
 * @param keys           the host's login key on this desktop, tried before the password; {@link KeyLogins#NONE}
 * @param codes          asks the one-time code of a user whose login needs one, after the password; {@link #NO_CODES}
 */
public record WebSocketOptions(URI url, String user, Supplier<char[]> password, KnownHosts knownHosts,
                               Duration requestTimeout, Duration connectTimeout, boolean reconnect, KeyLogins keys,
                               OneTimeCodes codes) {

    /** sysadm's WebSocket port, meant where a URL names none: {@code wss://nas} is {@code wss://nas:12150}, not 443. */
    public static final int DEFAULT_PORT = 12150;

    /** Asks the user the one-time code of their authenticator app; null when they cancel. */
    @FunctionalInterface
    public interface OneTimeCodes {
        /** @param again the code given before did not hold */
        String ask(boolean again);
    }

    /** For callers that cannot ask: a login that needs a code fails, saying so. */
    public static final OneTimeCodes NO_CODES = again -> null;

    public WebSocketOptions {
        url = withDefaultPort(url);
        keys = keys == null ? KeyLogins.NONE : keys;
        codes = codes == null ? NO_CODES : codes;
    }

    /** Options without key login or one-time codes. */
    public WebSocketOptions(URI url, String user, Supplier<char[]> password, KnownHosts knownHosts, Duration requestTimeout,
                            Duration connectTimeout, boolean reconnect) {
        this(url, user, password, knownHosts, requestTimeout, connectTimeout, reconnect, KeyLogins.NONE, NO_CODES);
    }

    /** Options with key login, without one-time codes. */
    public WebSocketOptions(URI url, String user, Supplier<char[]> password, KnownHosts knownHosts, Duration requestTimeout,
                            Duration connectTimeout, boolean reconnect, KeyLogins keys) {
        this(url, user, password, knownHosts, requestTimeout, connectTimeout, reconnect, keys, NO_CODES);
    }

    /**
     * Whether {@code u} can name a sysadm server: {@code wss://} (or {@code ws://}, which the transport allows only on
     * loopback), a host, and a port of 1 to 65535 if any (the default is {@link #DEFAULT_PORT}).
     */
    public static boolean isServerUrl(URI u) {
        return namesServerHost(u) && (u.getPort() == -1 || u.getPort() >= 1 && u.getPort() <= 65535);
    }

    /** The first half of {@link #isServerUrl}: {@code wss://} or {@code ws://} and a host, whatever its port. */
    public static boolean namesServerHost(URI u) {
        return u != null && ("wss".equals(u.getScheme()) || "ws".equals(u.getScheme())) && u.getHost() != null;
    }

    /** {@code u} with {@link #DEFAULT_PORT} where it names no port (the socket library would take 443 or 80). */
    public static URI withDefaultPort(URI u) {
        if (u == null || u.getPort() >= 0 || u.getHost() == null) {
            return u;
        }
        try {
            return new URI(u.getScheme(), u.getUserInfo(), u.getHost(), DEFAULT_PORT, u.getPath(), u.getQuery(), u.getFragment());
        } catch (URISyntaxException e) {
            return u;
        }
    }
}
