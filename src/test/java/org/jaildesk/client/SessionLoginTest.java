package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.KeyLogin;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.protocol.SysadmCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login is waited for a minute at most, however long the requests may wait; a login key is forgotten only when the
 * host refused the key itself.
 */
class SessionLoginTest {

    @TempDir
    Path dir;

    private WebSocketOptions options(Duration requestTimeout) {
        return new WebSocketOptions(URI.create("wss://nas"), "admin", "pw"::toCharArray,
                new KnownHosts(dir.resolve("known")), requestTimeout, Duration.ofSeconds(15), true);
    }

    @Test
    void theLoginWaitsAMinuteAtMostThoughRequestsWaitHalfAnHour() {
        assertEquals(Duration.ofSeconds(60), SessionLogin.waitFor(options(Duration.ofMinutes(30))));
        assertEquals(Duration.ofSeconds(5), SessionLogin.waitFor(options(Duration.ofSeconds(5))));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // with the requests' half hour as its wait it would hang, not fail
    void aLoginNobodyAnswersFailsWhenItsWaitIsOver() {
        SessionLogin login = new SessionLogin(options(Duration.ofMinutes(30)), new SysadmCodec(), new AtomicLong(),
                Duration.ofMillis(300));
        IocageClientException e = assertThrows(IocageClientException.class,
                () -> login.withPassword(r -> new CompletableFuture<>(), "pw".toCharArray()));
        assertEquals(Trouble.NO_LOGIN_REPLY, e.trouble());
        assertEquals("no reply to the login from nas:12150 within 0 s", e.getMessage());
    }

    /** A kept key, and what the login told it. */
    private static final class Kept implements KeyLogins {
        final java.security.PrivateKey key = KeyLogin.newKeyPair().getPrivate();
        boolean forgotten;
        final java.util.List<String> forNow = new java.util.ArrayList<>();

        @Override
        public java.util.Optional<java.security.PrivateKey> find() {
            return forgotten ? java.util.Optional.empty() : java.util.Optional.of(key);
        }

        @Override
        public boolean wanted() {
            return false;
        }

        @Override
        public void keep(java.security.PrivateKey k) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forget() {
            forgotten = true;
        }

        @Override
        public void refusedForNow(String why) {
            forNow.add(why);
        }
    }

    /**
     * A key login against a host that gives a challenge (or, with {@code refusedAtOnce}, refuses to) and refuses the
     * answer with {@code words}: what became of the key.
     */
    private Kept keyLoginRefused(String words, boolean refusedAtOnce) {
        Kept kept = new Kept();
        WebSocketOptions o = new WebSocketOptions(URI.create("wss://nas"), "admin", () -> null,
                new KnownHosts(dir.resolve("known")), Duration.ofSeconds(5), Duration.ofSeconds(5), true, kept);
        SessionLogin login = new SessionLogin(o, new SysadmCodec(), new AtomicLong(), Duration.ofSeconds(5));
        java.util.function.Function<Request, CompletableFuture<Reply>> host = r -> CompletableFuture.completedFuture(
                refusedAtOnce || r.args().has("encrypted_string") ? ErrorReply.of(r.id(), ErrorCode.UNAUTHORIZED, words)
                        : Response.to(r, new SysadmCodec().mapper().createObjectNode().put("test_string", KeyLogin.challenge())));
        assertFalse(login.withKey(host));
        return kept;
    }

    @Test
    void aKeyRefusedForNowIsKeptAndOneRefusedItselfIsForgotten() {
        // The address blocked after too many failed logins, before or after the challenge: the key was not checked.
        String blocked = Protocol.LOGINS_BLOCKED + " from 10.0.0.5; try again later";
        for (boolean atOnce : new boolean[] {true, false}) {
            Kept kept = keyLoginRefused(blocked, atOnce);
            assertFalse(kept.forgotten, "blocked, at once: " + atOnce);
            assertEquals(java.util.List.of(blocked), kept.forNow);
        }
        // The challenge lapsed before the answer came.
        Kept lapsed = keyLoginRefused(Protocol.NO_CHALLENGE + " for an answer on this connection", false);
        assertFalse(lapsed.forgotten);
        assertEquals(1, lapsed.forNow.size());
        // The key itself refused: by JailDesk's server, or in another host's words.
        for (String words : new String[] {"the answer was signed with no key registered here", "bad signature"}) {
            Kept refused = keyLoginRefused(words, false);
            assertTrue(refused.forgotten, words);
            assertEquals(java.util.List.of(), refused.forNow);
        }
        // A host that offers no key login at all: nothing forgotten, nothing told.
        Kept none = keyLoginRefused("unknown action auth_ssl", true);
        assertFalse(none.forgotten);
        assertEquals(java.util.List.of(), none.forNow);
    }
}
