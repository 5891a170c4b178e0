package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jaildesk.protocol.SysadmCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A login is waited for a minute at most, however long the requests may wait. */
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
}
