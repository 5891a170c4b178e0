package org.jaildesk.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session tokens: 32 random bytes, valid while used at least every {@code lifetime} (sliding, 900 s by default, as
 * the sysadm server's real behaviour), and never past {@code limit} after they were issued (12 hours by default),
 * however often used: a token taken once does not last for ever. Only a SHA-256 of each token is kept. An empty or
 * unknown token never passes. Each token starts with the store's start ({@link #startTag}, no secret): one made before
 * the server last started is known as such after the restart, with nothing kept on disk.
 */
public final class TokenStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Whose a token is: {@code key}, the registered key the session began with (null after a password login; a key
     * cannot register more keys, see Gate), and the session ends when it is revoked; {@code credentials}, what the
     * user logged in with then (see {@link UserStore#credentials}): the session ends when that changes.
     */
    public record Held(String user, java.security.interfaces.RSAPublicKey key, String credentials) {

        /** Whether the session began with a key login. */
        public boolean byKey() {
            return key != null;
        }
    }

    /** A token's session: it lapses at {@code expires} unless used before, and ends at {@code ends} in any case. */
    private record Session(Held held, Instant expires, Instant ends) {

        Session usedAt(Instant now, Duration lifetime) {
            Instant next = now.plus(lifetime);
            return new Session(held, next.isBefore(ends) ? next : ends, ends);
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /**
     * Tokens of sessions that lapsed or ended, by digest, with when: a client that comes back with one is no guesser
     * (see {@link #lapsed}). Kept {@link #LAPSED_KEPT}, at most {@link #LAPSED_MOST}.
     */
    private final Map<String, Instant> lapsed = new ConcurrentHashMap<>();
    /** How long a lapsed token is known as one: a desktop asleep overnight comes back with it. */
    static final Duration LAPSED_KEPT = Duration.ofHours(24);
    /** The most lapsed tokens kept: beyond it, a lapsed token counts as an unknown one. */
    static final int LAPSED_MOST = 10_000;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration limit;
    /** When this store began, in milliseconds since 1970: the start of every token it issues. */
    private final long started;

    public TokenStore(Clock clock, Duration lifetime, Duration limit) {
        if (lifetime.isNegative() || lifetime.isZero() || limit.compareTo(lifetime) < 0) {
            throw new IllegalArgumentException("a session's limit is at least a token's lifetime");
        }
        this.clock = clock;
        this.lifetime = lifetime;
        this.limit = limit;
        this.started = clock.millis();
    }

    /** The start of a token issued by a store begun at {@code millis}: the time in base 36, then a dot. */
    static String startTag(long millis) {
        return Long.toString(millis, 36) + ".";
    }

    /** The most characters of a token's start read: a time in base 36 has 9 until the year 5188. */
    private static final int TAG_MOST = 12;

    /**
     * Whether {@code token} has the form of one issued by a store begun before this one: a client back after the server
     * restarted (its sessions ended with it), not someone guessing. Only the form is read: such a token never passes
     * (this store issues none with that start), so a made-up one wins nothing.
     */
    public boolean fromEarlierStart(String token) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot > TAG_MOST || token.length() - dot - 1 != 43) {
            return false;
        }
        for (int i = 0; i < dot; i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        try {
            return Long.parseLong(token.substring(0, dot), 36) < started;
        } catch (NumberFormatException e) {
            return false; // past a long
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new token for {@code held}'s user. */
    public String issue(Held held) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = startTag(started) + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        sessions.put(digest(token), new Session(held, now.plus(lifetime), now.plus(limit)));
        purge();
        return token;
    }

    /** Whose {@code token} is, pushing its expiry forward; empty when the token is empty, unknown or expired. */
    public Optional<Held> use(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String key = digest(token);
        Session s = sessions.get(key);
        Instant now = clock.instant();
        if (s == null) {
            return Optional.empty();
        }
        if (!now.isBefore(s.expires())) {
            sessions.remove(key);
            lapse(key, now);
            return Optional.empty();
        }
        sessions.put(key, s.usedAt(now, lifetime));
        return Optional.of(s.held());
    }

    /** Whose {@code token} is, as {@link #use} says, without pushing its expiry forward (events do not keep a session). */
    public Optional<Held> peek(String token) {
        Session s = token == null || token.isEmpty() ? null : sessions.get(digest(token));
        return s == null || !clock.instant().isBefore(s.expires()) ? Optional.empty() : Optional.of(s.held());
    }

    public void revoke(String token) {
        if (token != null && !token.isEmpty()) {
            sessions.remove(digest(token));
        }
    }

    /**
     * Ends {@code token}'s session as the host ended it (its user's password or codes changed, its key was revoked):
     * it no longer passes, and is known as {@link #lapsed} when it comes back.
     */
    public void end(String token) {
        if (token != null && !token.isEmpty() && sessions.remove(digest(token)) != null) {
            lapse(digest(token), clock.instant());
        }
    }

    /**
     * Whether {@code token} belonged to a session that lapsed or ended here within {@link #LAPSED_KEPT}: a client
     * coming back after a sleep, not someone guessing, so its refusal need not count against its address. Unknown
     * tokens, and those revoked by a logout or a new login, are not.
     */
    public boolean lapsed(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        Instant at = lapsed.get(digest(token));
        return at != null && clock.instant().isBefore(at.plus(LAPSED_KEPT));
    }

    private void lapse(String key, Instant now) {
        if (lapsed.size() < LAPSED_MOST) {
            lapsed.put(key, now);
        }
    }

    private void purge() {
        Instant now = clock.instant();
        sessions.entrySet().removeIf(e -> {
            if (now.isBefore(e.getValue().expires())) {
                return false;
            }
            lapse(e.getKey(), now);
            return true;
        });
        lapsed.values().removeIf(at -> !now.isBefore(at.plus(LAPSED_KEPT)));
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
