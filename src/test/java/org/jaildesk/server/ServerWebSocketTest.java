package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.domain.Jail;
import org.jaildesk.protocol.Event;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over plain ws on loopback: the protocol, auth and limits. (TLS has its own test.) */
class ServerWebSocketTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    ServerFixture fx;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fx = new ServerFixture(dir, false, new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 0, Duration.ZERO,
                Duration.ofMillis(20), null), 0, 0, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        fx.close();
    }

    private WebSocketTransport transport(String password) {
        return transport(password::toCharArray);
    }

    /** A transport that asks {@code password} for the password each time it logs in. */
    private WebSocketTransport transport(java.util.function.Supplier<char[]> password) {
        WebSocketTransport t = new WebSocketTransport(new WebSocketTransport.Options(fx.wsUri(), "admin",
                password, new KnownHosts(dir.resolve("known")), Duration.ofSeconds(20), Duration.ofSeconds(10), true));
        open.add(t);
        return t;
    }

    private RawClient raw() throws InterruptedException {
        RawClient c = RawClient.open(fx.wsUri());
        open.add(c::close);
        return c;
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    private static void login(RawClient c) throws Exception {
        c.login("admin", ServerFixture.PASSWORD);
    }

    @Test
    void everySeedActionWorksOverWebSocket() {
        IocageClient c = new IocageClient(transport(ServerFixture.PASSWORD));
        List<Jail> jails = c.listJails().join();
        assertEquals(12, jails.size());
        assertTrue(c.getDefaultSettings().join().values().size() > 90);
        assertEquals("10", c.getJailSetting("db01", "priority").join());
        assertEquals("10", c.getJailSettings("db01").join().get("priority"));
        assertEquals("10", c.getAllJailSettings("db01").join().get("priority"));
        assertEquals(12, c.getSettingOfAllJails("boot").join().size());
        assertEquals(12, c.df().join().size());
        assertFalse(c.startJail("mail").join().alreadyInState());
        assertEquals(List.of("mail"), c.execJail("mail", "root", "hostname").join().lines());
        assertFalse(c.stopJail("mail").join().alreadyInState());
        assertEquals("mail2", c.cloneJail("mail", "tag=mail2").join().tag());
        assertEquals("n1", c.createJail("tag=n1 release=14.1-RELEASE", "").join().tag());
        assertEquals("n1", c.destroyJail("n1").join());
        assertTrue(failureOf(c.capJail("db01")).getMessage().contains("not supported"));
        assertEquals("All templates have been cleaned.", c.cleanTemplates().join());
        assertEquals("pool backup activated.", c.activatePool("backup").join());
        assertEquals("backup", c.currentPool().join().orElseThrow());
        assertTrue(failureOf(c.deactivatePool("backup")).getMessage().contains("not supported"));
        assertEquals("All jails have been cleaned.", c.cleanJails().join());
        assertEquals("All RELEASEs have been cleaned.", c.cleanReleases().join());
        assertEquals("All iocage datasets have been cleaned.", c.cleanAll().join());
    }

    private static IocageClientException failureOf(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            return assertInstanceOf(IocageClientException.class, e.getCause());
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void nothingButIdentifyWorksBeforeLogin() throws Exception {
        RawClient c = raw();
        c.send("{\"namespace\":\"rpc\",\"name\":\"identify\",\"id\":\"i\",\"args\":\"\"}");
        JsonNode id = json(c.next());
        assertEquals("server", id.get("args").get("type").asText());
        assertEquals("Demo host (simulated)", id.get("args").get("hostname").asText());
        for (String req : List.of("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"x\",\"args\":{\"action\":\"listjails\"}}",
                "{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"x\",\"args\":{}}",
                "{\"namespace\":\"events\",\"name\":\"subscribe\",\"id\":\"x\",\"args\":[\"dispatcher\"]}",
                "{\"namespace\":\"nosuch\",\"name\":\"thing\",\"id\":\"x\",\"args\":{}}")) {
            c.send(req);
            JsonNode r = json(c.next());
            assertEquals("error", r.get("namespace").asText());
            assertEquals("401", r.get("args").get("code").asText(), req);
        }
    }

    @Test
    void malformedRequestsGet400AndTheConnectionKeepsServing() throws Exception {
        RawClient c = raw();
        login(c);
        for (String bad : List.of("not json", "[1,2]", "{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":7,\"args\":{}}",
                "{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"x\",\"args\":\"listjails\"}",
                "{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"x\",\"args\":[\"listjails\"]}",
                "{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"x\",\"args\":{\"action\":\"nuke\"}}",
                "{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"x\",\"args\":{\"action\":\"startjail\",\"jail\":\"$(reboot)\"}}")) {
            c.send(bad);
            JsonNode r = json(c.next());
            assertEquals("400", r.get("args").get("code").asText(), bad);
            assertFalse(r.get("args").get("message").asText().isBlank());
        }
        c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"ok\",\"args\":{\"action\":\"listjails\"}}");
        assertEquals("ok", json(c.next()).get("id").asText());
    }

    @Test
    void anUnknownNamespaceIs404() throws Exception {
        RawClient c = raw();
        login(c);
        c.send("{\"namespace\":\"sysadm\",\"name\":\"pkg\",\"id\":\"x\",\"args\":{}}");
        assertEquals("404", json(c.next()).get("args").get("code").asText());
    }

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
    void wrongPasswordsAre401AndTheFifthBlocksTheAddress() throws Exception {
        RawClient c = raw();
        for (int i = 1; i <= 5; i++) {
            c.send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"a" + i + "\",\"args\":{\"username\":\"admin\",\"password\":\"guess" + i + "\"}}");
            assertEquals("401", json(c.next()).get("args").get("code").asText());
        }
        login(c, "too many failed logins");
        RawClient again = new RawClient(fx.wsUri());
        open.add(again::close);
        again.connectBlocking(10, TimeUnit.SECONDS);
        assertTrue(again.awaitClose(10), "a new connection from a blocked address is closed at once");
        fx.clock.advance(Duration.ofMinutes(61));
        RawClient later = raw();
        login(later);
    }

    private static void login(RawClient c, String expected) throws Exception {
        c.send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"ok\",\"args\":{\"username\":\"admin\",\"password\":\""
                + ServerFixture.PASSWORD + "\"}}");
        JsonNode r = json(c.next());
        assertEquals("401", r.get("args").get("code").asText(), "even the right password is refused while blocked");
        assertTrue(r.get("args").get("message").asText().contains(expected));
    }

    @Test
    void tokensExpireAfter900sWithoutUseAndEmptyOrForeignTokensNeverPass() throws Exception {
        RawClient c = raw();
        c.send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"a\",\"args\":{\"username\":\"admin\",\"password\":\""
                + ServerFixture.PASSWORD + "\"}}");
        JsonNode auth = json(c.next());
        String token = auth.get("args").get(0).asText();
        assertEquals(900, auth.get("args").get(1).asInt());
        assertTrue(token.length() >= 40);
        fx.clock.advance(Duration.ofSeconds(899));
        c.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q1\",\"args\":{}}");
        assertEquals("response", json(c.next()).get("name").asText(), "used within 900 s: still valid, and pushed on");
        fx.clock.advance(Duration.ofSeconds(899));
        c.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q2\",\"args\":{}}");
        assertEquals("response", json(c.next()).get("name").asText());
        fx.clock.advance(Duration.ofSeconds(901));
        c.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q3\",\"args\":{}}");
        assertEquals("401", json(c.next()).get("args").get("code").asText(), "expired");
        RawClient other = raw();
        for (String t : List.of(token, "", "x", token.substring(1))) {
            other.send("{\"namespace\":\"rpc\",\"name\":\"auth_token\",\"id\":\"t\",\"args\":{\"token\":\"" + t + "\"}}");
            assertEquals("401", json(other.next()).get("args").get("code").asText(), "token '" + t + "'");
        }
    }

    @Test
    void aTokenWorksOnAnotherConnectionAndAuthClearEndsIt() throws Exception {
        RawClient c = raw();
        c.send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"a\",\"args\":{\"username\":\"admin\",\"password\":\""
                + ServerFixture.PASSWORD + "\"}}");
        String token = json(c.next()).get("args").get(0).asText();
        RawClient d = raw();
        d.send("{\"namespace\":\"rpc\",\"name\":\"auth_token\",\"id\":\"t\",\"args\":{\"token\":\"" + token + "\"}}");
        assertEquals("response", json(d.next()).get("name").asText());
        d.send("{\"namespace\":\"rpc\",\"name\":\"auth_clear\",\"id\":\"c\",\"args\":\"\"}");
        d.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q\",\"args\":{}}");
        JsonNode r = json(d.next());
        assertEquals("q", r.get("id").asText(), "auth_clear sends no reply");
        assertEquals("401", r.get("args").get("code").asText());
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

    /** A person may take longer than the login grace to type a password: the client logs in on a new socket then. */
    @Test
    void aPasswordTypedAfterTheGraceTimeStillLogsInAndIsAskedOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        WebSocketTransport t = transport(() -> {
            asked.incrementAndGet();
            // "Typing" until the server has closed the socket for not logging in within its 2 s grace.
            try {
                org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> fx.server.openSockets() == 0);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the server kept the idle socket open", e);
            }
            return ServerFixture.PASSWORD.toCharArray();
        });
        assertEquals(12, new IocageClient(t).listJails().get(30, java.util.concurrent.TimeUnit.SECONDS).size());
        assertEquals(1, asked.get(), "the password is asked once");
    }

    /** Cancel on the password dialog is an answer: nothing asks again by itself until the user asks to connect. */
    @Test
    void aCancelledLoginIsNotAskedAgainUntilTheUserAsks() throws Exception {
        heldUntilTheUserAsks("", "login was cancelled", "login was cancelled");
    }

    /**
     * A wrong password is not asked for again by the next background refresh (every 30 s in the app) either: only
     * when the user asks to connect.
     */
    @Test
    void aRefusedPasswordIsNotAskedAgainUntilTheUserAsks() throws Exception {
        heldUntilTheUserAsks("wrong", "refused: wrong user name or password; Refresh asks", "the password was refused");
    }

    /**
     * The first answer to the password prompt ("" for Cancel) fails the first request with {@code first}; a later
     * request fails with {@code later} without asking; after {@code resumeLogin} the right password is asked for.
     */
    private void heldUntilTheUserAsks(String answer, String first, String later) throws Exception {
        java.util.Deque<String> answers = new java.util.concurrent.ConcurrentLinkedDeque<>(List.of(answer, ServerFixture.PASSWORD));
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        WebSocketTransport t = transport(() -> {
            asked.incrementAndGet();
            String a = answers.poll();
            return a == null || a.isEmpty() ? null : a.toCharArray();
        });
        IocageClient c = new IocageClient(t);
        IocageClientException e = failureOf(c.listJails());
        assertEquals("401", e.code());
        assertTrue(e.getMessage().contains(first), e.getMessage());
        IocageClientException again = failureOf(c.listJails());
        assertTrue(again.getMessage().contains(later), "a later request fails too: " + again.getMessage());
        assertEquals(1, asked.get(), "without asking again");
        t.resumeLogin();
        assertEquals(12, c.listJails().get(20, java.util.concurrent.TimeUnit.SECONDS).size());
        assertEquals(2, asked.get());
    }

    /** A host's message larger than the client takes closes the connection, fails that request, and nothing else. */
    @Test
    void aReplyLargerThanTheClientTakesFailsThatRequestAndTheNextOneWorks() throws Exception {
        // 12 jails are some 2 KB of listing; 1 KB is the limit here (256 MiB in the app).
        WebSocketTransport t = new WebSocketTransport(new WebSocketTransport.Options(fx.wsUri(), "admin",
                ServerFixture.PASSWORD::toCharArray, new KnownHosts(dir.resolve("known")), Duration.ofSeconds(20),
                Duration.ofSeconds(10), true), 1024);
        open.add(t);
        IocageClient c = new IocageClient(t);
        IocageClientException e = failureOf(c.listJails());
        assertEquals(org.jaildesk.client.Trouble.TOO_BIG, e.trouble(), e.getMessage());
        assertTrue(e.getMessage().contains("a reply from 127.0.0.1:" + fx.server.wsPort() + " was larger than 1 KiB"), e.getMessage());
        assertEquals(java.util.Optional.of("tank"), c.currentPool().get(20, TimeUnit.SECONDS), "a small reply on a new connection");
    }

    /** A refused login closes its socket; that must not start a reconnect that asks for the password again. */
    @Test
    void aRefusedLoginDoesNotReconnectAndAskAgainOnItsOwn() throws Exception {
        java.util.concurrent.CountDownLatch askedAgain = new java.util.concurrent.CountDownLatch(2);
        WebSocketTransport t = transport(() -> {
            askedAgain.countDown();
            return "wrong password".toCharArray();
        });
        assertEquals("401", failureOf(new IocageClient(t).listJails()).code());
        // The old code reconnected 0.5 s after the refused socket closed, and asked again.
        assertFalse(askedAgain.await(2, java.util.concurrent.TimeUnit.SECONDS), "asked again without a request");
        assertEquals(WebSocketTransport.State.FAILED, t.state());
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

    @Test
    void queryAdvertisesTheExtensions() throws Exception {
        RawClient c = raw();
        login(c);
        c.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q\",\"args\":{}}");
        JsonNode q = json(c.next()).get("args");
        assertEquals("read/write", q.get("sysadm/iocage").asText());
        assertTrue(q.get("jaildesk").get("extensions").toString().contains("setjailsettings"));
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

    @Test
    void repliesComeOutOfOrderAndMatchTheirRequests() throws Exception {
        RawClient c = raw();
        login(c);
        c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"slow\",\"args\":{\"action\":\"fetchrelease\",\"release\":\"14.2-RELEASE\"}}");
        c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"fast\",\"args\":{\"action\":\"listjails\"}}");
        JsonNode first = json(c.next());
        JsonNode second = json(c.next());
        assertEquals("fast", first.get("id").asText(), "the quick listing overtakes the fetch");
        assertTrue(first.get("args").has("listjails"));
        assertEquals("slow", second.get("id").asText());
        assertTrue(second.get("args").has("fetchrelease"));
    }

    @Test
    void everyClientHearsWhenAnotherChangesAJail() throws Exception {
        IocageClient a = new IocageClient(transport(ServerFixture.PASSWORD));
        WebSocketTransport bt = transport(ServerFixture.PASSWORD);
        BlockingQueue<Event> heard = new LinkedBlockingQueue<>();
        bt.onEvent(heard::add);
        new IocageClient(bt).listJails().join();
        a.startJail("mail").join();
        Event e;
        do {
            e = heard.poll(10, TimeUnit.SECONDS);
        } while (e != null && !e.name().equals("jaildesk-jails"));
        assertTrue(e != null, "no jail-change event arrived");
        assertEquals("startjail", e.args().get("action").asText());
        assertEquals("mail", e.args().get("jail").asText());
    }

    @Test
    void longJobsSendProgressEvents() throws Exception {
        WebSocketTransport t = transport(ServerFixture.PASSWORD);
        BlockingQueue<Event> heard = new LinkedBlockingQueue<>();
        t.onEvent(heard::add);
        IocageClient c = new IocageClient(t);
        c.fetchRelease("14.2-RELEASE").join();
        List<Event> all = new ArrayList<>(heard);
        assertTrue(all.stream().anyMatch(e -> e.args().path("percent").asInt() == 50), all.toString());
        assertTrue(all.stream().anyMatch(e -> e.args().path("state").asText().equals("finished")));
    }

    /** The reply to request {@code id}, skipping events and other replies. */
    private static JsonNode replyTo(RawClient c, String id) throws Exception {
        return repliesTo(c, id).get(id);
    }

    /** The replies to requests {@code ids}, in whatever order they come, skipping events and other replies. */
    private static Map<String, JsonNode> repliesTo(RawClient c, String... ids) throws Exception {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        while (out.size() < ids.length) {
            JsonNode m = json(c.next());
            if (List.of(ids).contains(m.path("id").asText()) && !m.path("namespace").asText().equals("events")) {
                out.put(m.path("id").asText(), m);
            }
        }
        return out;
    }

    /**
     * A connection stops its own change and no other: ids are the clients' own, so a second connection may use the
     * same one; its cancel finds nothing of its own, and its change of that id is not the one stopped.
     */
    @Test
    void aConnectionCancelsItsOwnChangeOnly() throws Exception {
        RawClient a = raw();
        login(a);
        a.send("{\"namespace\":\"events\",\"name\":\"subscribe\",\"id\":\"s\",\"args\":[\"dispatcher\"]}");
        a.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"job\",\"args\":{\"action\":\"fetchrelease\",\"release\":\"14.2-RELEASE\"}}");
        String m;
        do {
            m = a.next();
        } while (!m.contains("Downloading"));
        RawClient b = raw();
        login(b);
        // b's own fetch under the same id waits behind a's (one host-wide change at a time).
        b.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"job\",\"args\":{\"action\":\"fetchrelease\",\"release\":\"13.3-RELEASE\"}}");
        b.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"b1\",\"args\":{\"action\":\"cancel\",\"id\":\"nope\"}}");
        assertEquals("no change with id 'nope' is running on this connection", replyTo(b, "b1").at("/args/cancel/error").asText());
        a.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"a1\",\"args\":{\"action\":\"cancel\",\"id\":\"job\"}}");
        // The cancelled change may answer before the cancel does.
        Map<String, JsonNode> as = repliesTo(a, "a1", "job");
        assertEquals("true", as.get("a1").at("/args/cancel/cancelled").asText());
        assertEquals("cancelled: iocage was stopped", as.get("job").at("/args/fetchrelease/error").asText());
        JsonNode bs = replyTo(b, "job");
        assertEquals("release 13.3-RELEASE fetched.", bs.at("/args/fetchrelease/success").asText(), bs.toString());
        String audit = java.nio.file.Files.readString(fx.server.auditFile());
        assertTrue(audit.contains("action=cancel target=nope result=error:not_running"), audit);
        assertTrue(audit.contains("action=cancel target=job result=ok"), audit);
        assertTrue(audit.contains("action=fetchrelease target=14.2-RELEASE result=error:cancelled:_iocage_was_stopped"), audit);
    }

    @Test
    void cancelNeedsTheIdOfARequest() throws Exception {
        RawClient c = raw();
        login(c);
        for (String args : List.of("{\"action\":\"cancel\"}", "{\"action\":\"cancel\",\"id\":\"\"}",
                "{\"action\":\"cancel\",\"id\":7}")) {
            c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"x\",\"args\":" + args + "}");
            JsonNode r = replyTo(c, "x");
            assertEquals("400", r.at("/args/code").asText(), r.toString());
        }
        // Ids that look like commands, options or log lines are only ids: nothing of them runs, and the audit line
        // stays one line.
        for (String id : List.of("-f", "a;b", "$(touch x)", "line\\nbreak", "x".repeat(100_000))) {
            c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"y\",\"args\":{\"action\":\"cancel\",\"id\":"
                    + JSON.writeValueAsString(id.replace("\\n", "\n")) + "}}");
            JsonNode r = replyTo(c, "y");
            assertTrue(r.at("/args/cancel/error").asText().startsWith("no change with id '"), r.toString().substring(0, Math.min(300, r.toString().length())));
        }
        String audit = java.nio.file.Files.readString(fx.server.auditFile());
        assertEquals(5, audit.lines().filter(l -> l.contains("action=cancel")).count(), audit.substring(0, Math.min(2000, audit.length())));
        assertTrue(audit.lines().allMatch(l -> l.length() < 400), "audit lines are clipped");
        assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("x")), "nothing ran");
    }

    /** The desktop's way: a remote job offers Cancel where the server can stop it, and Cancel stops it. */
    @Test
    void aRemoteJobCanBeCancelledFromTheClient() throws Exception {
        WebSocketTransport t = transport(ServerFixture.PASSWORD);
        java.util.concurrent.CountDownLatch downloading = new java.util.concurrent.CountDownLatch(1);
        List<java.util.function.BooleanSupplier> cancels = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<String> result = new CompletableFuture<>();
        IocageClient c = new IocageClient(new org.jaildesk.client.JobTransport(t, (action, target, cancel) -> {
            if (cancel != null) {
                cancels.add(cancel);
            }
            return new org.jaildesk.client.JobSink.Job() {
                @Override
                public void line(String line, int percent) {
                    downloading.countDown();
                }

                @Override
                public void finished(boolean ok, String message, List<String> output) {
                    result.complete((ok ? "ok " : "failed ") + message);
                }
            };
        }));
        assertFalse(t.canCancel(), "not known before the host is asked");
        c.listJails().join();
        assertTrue(t.canCancel(), "our server advertises cancel at login");
        CompletableFuture<String> fetch = c.fetchRelease("14.2-RELEASE");
        assertTrue(downloading.await(30, TimeUnit.SECONDS));
        assertEquals(1, cancels.size(), "the job offers Cancel");
        assertTrue(cancels.get(0).getAsBoolean());
        assertEquals("failed cancelled: iocage was stopped", result.get(30, TimeUnit.SECONDS));
        assertTrue(fetch.handle((r, e) -> e != null).get(30, TimeUnit.SECONDS), "the call fails too");
        assertFalse(t.cancel("no-such-request"));
    }

    @Test
    void aWrongPasswordFailsTheCallWithA401() {
        IocageClientException e = failureOf(new IocageClient(transport("wrong password")).listJails());
        assertEquals("401", e.code());
        assertTrue(e.getMessage().contains("wrong user name or password"));
    }

    @Test
    void askingWhichPoolIsActiveIsNotAuditedActivatingOneIs() throws Exception {
        IocageClient c = new IocageClient(transport(ServerFixture.PASSWORD));
        assertEquals(java.util.Optional.of("tank"), c.currentPool().join());
        c.activatePool("tank").join();
        String audit = java.nio.file.Files.readString(fx.server.auditFile());
        assertTrue(audit.contains("action=activatepool target=tank result=ok"), audit);
        assertEquals(1, audit.split("action=activatepool", -1).length - 1, audit);
    }

    @Test
    void mutatingActionsAreAuditedWithoutSecrets() throws Exception {
        IocageClient c = new IocageClient(transport(ServerFixture.PASSWORD));
        c.startJail("mail").join();
        c.setJailSettings("mail", Map.of("notes", "hello")).join();
        c.createJail("tag=shop release=14.1-RELEASE", "-b").join();
        failureOf(c.destroyJail("db01"));
        String audit = java.nio.file.Files.readString(fx.server.auditFile());
        assertTrue(audit.contains("user=admin from=127.0.0.1 action=startjail target=mail result=ok"), audit);
        assertTrue(audit.contains("action=setjailsettings target=mail result=ok"), audit);
        assertTrue(audit.contains("action=createjail target=shop result=ok"), audit);
        assertTrue(audit.contains("action=destroyjail target=db01 result=error:jail_db01_is_running"), audit);
        assertFalse(audit.contains(ServerFixture.PASSWORD.split(" ")[1]));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(fx.server.auditFile())));
    }
}
