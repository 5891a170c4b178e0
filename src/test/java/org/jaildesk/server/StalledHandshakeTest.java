package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.Trouble;
import org.jaildesk.client.WebSocketOptions;
import org.jaildesk.client.WebSocketTransport;
import org.junit.jupiter.api.Test;

/**
 * A connection that reaches the host but whose handshake never finishes (Java-WebSocket's TLS channel leaves one hanging
 * now and then) is given up at the connect timeout and made once more; a host that never finishes one is given up
 * after that second try.
 */
class StalledHandshakeTest extends ServerTestBase {

    /** Passes connections on to the server, except the first {@code stalled}, which it holds without a byte. */
    private static final class StallingProxy implements AutoCloseable {
        final ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger accepted = new AtomicInteger();
        final List<Socket> open = new CopyOnWriteArrayList<>();

        StallingProxy(int stalled, int to) throws IOException {
            Thread t = new Thread(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket s = listening.accept();
                        open.add(s);
                        if (accepted.incrementAndGet() > stalled) {
                            Socket server = new Socket(InetAddress.getLoopbackAddress(), to);
                            open.add(server);
                            copy(s.getInputStream(), server.getOutputStream());
                            copy(server.getInputStream(), s.getOutputStream());
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "stalling-proxy");
            t.setDaemon(true);
            t.start();
        }

        private void copy(InputStream in, OutputStream out) {
            Thread t = new Thread(() -> {
                try (in; out) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side closed: the other goes with it
                }
            }, "stalling-proxy-copy");
            t.setDaemon(true);
            t.start();
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + listening.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            listening.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    private IocageClient through(StallingProxy proxy) {
        WebSocketTransport t = new WebSocketTransport(new WebSocketOptions(proxy.uri(), "admin",
                ServerFixture.PASSWORD::toCharArray, new KnownHosts(dir.resolve("known")), Duration.ofSeconds(20),
                Duration.ofSeconds(1), true));
        open.add(t);
        return new IocageClient(t);
    }

    @Test
    void aHandshakeThatHangsIsTriedOnceMore() throws Exception {
        try (StallingProxy proxy = new StallingProxy(1, fx.server.wsPort())) {
            assertEquals(12, through(proxy).listJails().get(30, TimeUnit.SECONDS).size());
            assertEquals(2, proxy.accepted.get(), "the hung one, then one that went through");
        }
    }

    @Test
    void aHostWhoseHandshakesAllHangIsGivenUpAfterTheSecondTry() throws Exception {
        try (StallingProxy proxy = new StallingProxy(Integer.MAX_VALUE, fx.server.wsPort())) {
            IocageClientException e = failureOf(through(proxy).listJails());
            assertEquals(Trouble.CANNOT_CONNECT, e.trouble(), e.getMessage());
            assertEquals(2, proxy.accepted.get());
        }
    }

    /** Over wss the same: the host is reached, its TLS handshake hangs, and the second connection goes through. */
    @Test
    void aTlsHandshakeThatHangsIsTriedOnceMore() throws Exception {
        java.nio.file.Path state = java.nio.file.Files.createDirectories(dir.resolve("tls"));
        try (ServerFixture tls = new ServerFixture(state, true, org.jaildesk.sim.SimulatedIocage.Config.instant(
                org.jaildesk.sim.SimulatedIocage.Flavor.PYTHON));
             StallingProxy proxy = new StallingProxy(1, tls.server.wsPort())) {
            URI wss = URI.create("wss://127.0.0.1:" + proxy.listening.getLocalPort());
            KnownHosts known = new KnownHosts(dir.resolve("known-tls"));
            known.accept("127.0.0.1:" + proxy.listening.getLocalPort(), tls.server.fingerprint().orElseThrow());
            WebSocketTransport t = new WebSocketTransport(new WebSocketOptions(wss, "admin", ServerFixture.PASSWORD::toCharArray,
                    known, Duration.ofSeconds(20), Duration.ofSeconds(1), true));
            open.add(t);
            assertEquals(12, new IocageClient(t).listJails().get(30, TimeUnit.SECONDS).size());
            assertEquals(2, proxy.accepted.get());
        }
    }
}
