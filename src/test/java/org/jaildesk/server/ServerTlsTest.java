package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.UntrustedCertificateException;
import org.jaildesk.client.WebSocketOptions;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wss with trust on first use, a certificate that stays across restarts, and a client that reconnects. */
class ServerTlsTest {

    @TempDir
    Path dir;

    private static IocageClientException failure(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return assertInstanceOf(IocageClientException.class, e.getCause());
    }

    private WebSocketTransport transport(ServerFixture fx, KnownHosts known, boolean reconnect) {
        return new WebSocketTransport(new WebSocketOptions(fx.wsUri(), "admin", ServerFixture.PASSWORD::toCharArray,
                known, Duration.ofSeconds(20), Duration.ofSeconds(10), reconnect));
    }

    @Test
    void firstUseShowsTheFingerprintThenAcceptedWorksThenAChangedCertificateIsRefused() throws Exception {
        KnownHosts known = new KnownHosts(dir.resolve("known-hosts.properties"));
        String hostPort;
        int ws;
        int rest;
        String fingerprint;
        try (ServerFixture fx = new ServerFixture(dir.resolve("a"), true, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON))) {
            assertEquals("wss", fx.server.scheme());
            ws = fx.server.wsPort();
            rest = fx.server.restPort();
            hostPort = "127.0.0.1:" + ws;
            fingerprint = fx.server.fingerprint().orElseThrow();
            try (WebSocketTransport t = transport(fx, known, false)) {
                IocageClientException e = failure(new IocageClient(t).listJails());
                UntrustedCertificateException u = assertInstanceOf(UntrustedCertificateException.class, e.getCause());
                assertEquals(fingerprint, u.fingerprint());
                assertTrue(!u.changed());
            }
            known.accept(hostPort, fingerprint);
            try (WebSocketTransport t = transport(fx, known, false)) {
                assertEquals(12, new IocageClient(t).listJails().join().size());
            }
        }
        // The same state folder keeps the same certificate across a restart.
        try (ServerFixture again = new ServerFixture(dir.resolve("a"), true, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON),
                ws, rest, Duration.ofSeconds(30))) {
            assertEquals(fingerprint, again.server.fingerprint().orElseThrow());
        }
        // Another certificate on the same address is refused as changed, until accepted again.
        try (ServerFixture other = new ServerFixture(dir.resolve("b"), true, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON),
                ws, rest, Duration.ofSeconds(30));
             WebSocketTransport t = transport(other, known, false)) {
            IocageClientException e = failure(new IocageClient(t).listJails());
            UntrustedCertificateException u = assertInstanceOf(UntrustedCertificateException.class, e.getCause());
            assertTrue(u.changed());
            assertTrue(e.getMessage().contains("CHANGED"));
        }
    }

    @Test
    void theServerFilesAreOwnerOnly() throws Exception {
        try (ServerFixture fx = new ServerFixture(dir, true, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON))) {
            for (String f : new String[] {"server.p12", "users"}) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(dir.resolve(f))), f);
            }
        }
    }

    @Test
    void aClientReconnectsAfterAServerRestartAndPendingRequestsFailClearly() throws Exception {
        KnownHosts known = new KnownHosts(dir.resolve("known"));
        SimulatedIocage.Config slow = new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 0, Duration.ZERO,
                Duration.ofMillis(100), null);
        ServerFixture fx = new ServerFixture(dir.resolve("s"), false, slow);
        int ws = fx.server.wsPort();
        int rest = fx.server.restPort();
        try (WebSocketTransport t = transport(fx, known, true)) {
            java.util.concurrent.CountDownLatch reconnected = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean dropped = new java.util.concurrent.atomic.AtomicBoolean();
            IocageClient c = new IocageClient(t);
            assertEquals(12, c.listJails().join().size());
            t.onState(s -> {
                if (s == WebSocketTransport.State.DISCONNECTED) {
                    dropped.set(true);
                } else if (s == WebSocketTransport.State.CONNECTED && dropped.get()) {
                    reconnected.countDown();
                }
            });
            CompletableFuture<String> longJob = c.fetchRelease("14.2-RELEASE");
            fx.close();
            IocageClientException e = failure(longJob);
            assertEquals(IocageClientException.Kind.TRANSPORT, e.kind());
            // The server says why as it closes. Over TLS its close frame can lose a race with the end of the socket (seen
            // once in many runs, under a full build's load, 2026-11-29): the client then can only say the connection
            // was lost. Either way the request fails at once, says so, and is not sent again.
            assertTrue(e.getMessage().contains("closed the connection before the reply came (server shutting down); the request"
                    + " was not sent again") || e.getMessage().contains("was lost before the reply came; the request was not sent"
                    + " again"), e.getMessage());
            ServerFixture restarted = new ServerFixture(dir.resolve("s"), false, slow, ws, rest, Duration.ofSeconds(30));
            try {
                // The transport reconnects by itself, with growing pauses; a new request goes through once it has.
                assertTrue(reconnected.await(30, TimeUnit.SECONDS), "no reconnect within 30 s");
                assertEquals(WebSocketTransport.State.CONNECTED, t.state());
                assertEquals(12, c.listJails().join().size());
                assertTrue(!restarted.host.runner().describe().isEmpty());
            } finally {
                restarted.close();
            }
        }
    }
}
