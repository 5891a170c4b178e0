package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.WebSocketOptions;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;

/** What the server bounds, and how it fails: message sizes, requests waiting, clients that do not read or log in, its port. */
class ServerLimitsTest extends ServerTestBase {

    @Test
    void anOversizeMessageIsRefusedWith400() throws Exception {
        RawClient c = raw();
        login(c);
        c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"big\",\"args\":{\"action\":\"listjails\",\"pad\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}}");
        JsonNode r = json(c.next());
        assertEquals("400", r.get("args").get("code").asText());
        assertTrue(r.get("args").get("message").asText().startsWith("message too large"));
    }

    @Test
    void aPortInUseIsAStartFailureNotALaterOne() throws Exception {
        UserStore users = UserStore.load(dir.resolve("second-users"));
        users.put("admin", ServerFixture.PASSWORD.toCharArray());
        SysadmServer second = new SysadmServer(fx.host, ServerConfig.defaults(java.net.InetAddress.getLoopbackAddress(),
                dir.resolve("second"), "second").withPorts(fx.server.wsPort(), 0).withTls(false),
                users, null, "test");
        open.add(second);
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    logged.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            assertTrue(assertThrows(java.io.IOException.class, second::start).getMessage().contains("cannot listen"));
        } finally {
            root.removeHandler(capture);
        }
        // The exception is the whole report: no stack trace from Java-WebSocket or second line of ours before it.
        assertEquals(List.of(), logged.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        // A listener that never listened has not "stopped": nothing may report it as a failure of a running server.
        assertThrows(java.util.concurrent.TimeoutException.class, () -> second.failed().get(1, java.util.concurrent.TimeUnit.SECONDS));
    }

    /** A host's message larger than the client takes closes the connection, fails that request, and nothing else. */
    @Test
    void aReplyLargerThanTheClientTakesFailsThatRequestAndTheNextOneWorks() throws Exception {
        // 12 jails are some 2 KB of listing; 1 KB is the limit here (256 MiB in the app).
        WebSocketTransport t = new WebSocketTransport(new WebSocketOptions(fx.wsUri(), "admin",
                ServerFixture.PASSWORD::toCharArray, new KnownHosts(dir.resolve("known")), Duration.ofSeconds(20),
                Duration.ofSeconds(10), true), 1024);
        open.add(t);
        IocageClient c = new IocageClient(t);
        IocageClientException e = failureOf(c.listJails());
        assertEquals(org.jaildesk.client.Trouble.TOO_BIG, e.trouble(), e.getMessage());
        assertTrue(e.getMessage().contains("a reply from 127.0.0.1:" + fx.server.wsPort() + " was larger than 1 KiB"), e.getMessage());
        assertEquals(java.util.Optional.of("tank"), c.currentPool().get(20, TimeUnit.SECONDS), "a small reply on a new connection");
    }

    @Test
    void aListenerThatFailsForGoodStopsTheWholeServer() throws Exception {
        int ws = fx.server.wsPort();
        int rest = fx.server.restPort();
        java.io.IOException boom = new java.io.IOException("selector failed");
        fx.server.fatal(boom);
        assertEquals(boom, fx.server.failed().get(10, java.util.concurrent.TimeUnit.SECONDS));
        for (int port : new int[] {ws, rest}) {
            try (java.net.Socket s = new java.net.Socket()) {
                assertThrows(java.io.IOException.class, () -> s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000),
                        "nothing listens on " + port + " any more");
            }
        }
    }

    @Test
    void aSocketThatDoesNotLogInIsClosedAfterTheGraceTime() throws Exception {
        RawClient c = raw();
        assertTrue(c.awaitClose(10));
        assertTrue(c.closeReason.contains("not logged in"), c.closeReason);
    }

    /**
     * One connection may have 256 requests waiting; more are refused at once, each with its id, and the connection
     * serves again once replies have come. (Without the bound one client could queue work and memory without end.)
     */
    @Test
    void aConnectionWithTooManyRequestsWaitingIsToldToWait() throws Exception {
        try (ServerFixture slow = new ServerFixture(dir.resolve("slow"), false, new SimulatedIocage.Config(
                SimulatedIocage.Flavor.PYTHON, 0, Duration.ofSeconds(1), Duration.ZERO, null), 0, 0, Duration.ofSeconds(2))) {
            RawClient c = RawClient.open(slow.wsUri());
            open.add(c::close);
            login(c);
            int sent = SysadmServer.MAX_IN_FLIGHT + 44;
            for (int i = 0; i < sent; i++) {
                c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"l" + i + "\",\"args\":{\"action\":\"listjails\"}}");
            }
            List<String> refused = new ArrayList<>();
            int listed = 0;
            for (int i = 0; i < sent; i++) {
                JsonNode m = json(c.next());
                if (m.path("args").has("listjails")) {
                    listed++;
                } else {
                    assertEquals("too many requests waiting on this connection (256): send more when their replies have come",
                            m.path("args").path("message").asText(), m.toString());
                    refused.add(m.get("id").asText());
                }
            }
            assertEquals(SysadmServer.MAX_IN_FLIGHT, listed);
            assertEquals(44, refused.size());
            assertEquals("l256", refused.get(0), "the ones over the bound are refused, in order");
            c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"again\",\"args\":{\"action\":\"listjails\"}}");
            JsonNode again = json(c.next());
            assertEquals("again", again.get("id").asText());
            assertTrue(again.path("args").has("listjails"), again.toString());
        }
    }

    /**
     * A client that sends but never reads: its replies (listings of 10,000 jails, megabytes each) would pile up in the
     * server's memory without end. Past 64 MiB queued the server closes the connection.
     */
    @Test
    void aClientThatNeverReadsIsClosedBeforeItsRepliesFillTheServer() throws Exception {
        try (ServerFixture big = new ServerFixture(dir.resolve("big"), false, new SimulatedIocage.Config(
                SimulatedIocage.Flavor.PYTHON, 10_000, Duration.ZERO, Duration.ZERO, null), 0, 0, Duration.ofMinutes(5));
             java.net.Socket socket = new java.net.Socket()) {
            socket.setReceiveBufferSize(4096); // before connecting: the kernel holds little for a client that reads nothing
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", big.server.wsPort()), 10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String handshake = readHandshake(socket.getInputStream());
            assertTrue(handshake.startsWith("HTTP/1.1 101"), handshake);
            org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> big.server.openSockets() == 1);
            sendFrame(out, "{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"login\",\"args\":{\"username\":\"admin\","
                    + "\"password\":\"" + ServerFixture.PASSWORD + "\"}}");
            // Some 2 MB a reply: about 32 fill 64 MiB; 80 are sent unless the server closes before.
            int sent = 0;
            try {
                while (sent < 80 && big.server.openSockets() == 1) {
                    sendFrame(out, "{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"l" + sent
                            + "\",\"args\":{\"action\":\"listjails\"}}");
                    sent++;
                }
            } catch (java.net.SocketException closedWhileSending) {
                // The server closed it while a request was on its way.
            }
            org.testfx.util.WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> big.server.openSockets() == 0);
            assertTrue(sent > 20, "closed after " + sent + " listings of some 2 MB: before 64 MiB were queued");
        }
    }

    /** The server's answer to the upgrade request, read byte by byte up to its blank line (nothing after it). */
    private static String readHandshake(java.io.InputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    /** One text frame as a client sends it: masked, here with the key 0 (the payload goes as it is). */
    private static void sendFrame(java.io.OutputStream out, String text) throws java.io.IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream f = new java.io.ByteArrayOutputStream();
        f.write(0x81);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else {
            f.write(0x80 | 126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xff);
        }
        f.write(new byte[4]);
        f.write(payload);
        out.write(f.toByteArray());
        out.flush();
    }
}
