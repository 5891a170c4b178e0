package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.domain.Jail;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Protocol;
import org.junit.jupiter.api.Test;

/** The server over plain ws on loopback: the protocol, auth, events and the audit. (TLS has its own test.) */
class ServerWebSocketTest extends ServerTestBase {

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
        assertEquals("too many failed logins; try again later", again.handshake.getFieldValue(Protocol.REFUSED_HEADER),
                "and told so in the handshake's reply, which a reset cannot drop as it can the close frame");
        // JailDesk's own client says why, in the server's words, every time, not only that the connection closed or
        // could not be made: it reads the refusal in the handshake's reply. (With the close frame alone, one attempt
        // in about a hundred got the reason lost to the TCP close, under load; RefusedConnectionTest has that case.)
        String hostPort = fx.wsUri().getHost() + ":" + fx.wsUri().getPort();
        for (int i = 0; i < 5; i++) {
            WebSocketTransport t = transport(ServerFixture.PASSWORD);
            assertEquals(hostPort + " closed the connection: too many failed logins; try again later",
                    failureOf(new IocageClient(t).listJails()).getMessage());
            t.close();
        }
        fx.clock.advance(Duration.ofMinutes(61));
        RawClient later = raw();
        login(later);
    }

    /** Logs in with the right password on {@code c}, blocked: the refusal names {@code expected}. */
    /** Logs {@code c} in as admin with the password: the session's token. */
    private static String tokenOfLogin(RawClient c) throws Exception {
        c.send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"a\",\"args\":{\"username\":\"admin\",\"password\":\""
                + ServerFixture.PASSWORD + "\"}}");
        return json(c.next()).get("args").get(0).asText();
    }

    /** The reply to an {@code auth_token} with {@code token}, request {@code id}, on {@code c}. */
    private static JsonNode withToken(RawClient c, String id, String token) throws Exception {
        c.send("{\"namespace\":\"rpc\",\"name\":\"auth_token\",\"id\":\"" + id + "\",\"args\":{\"token\":\"" + token + "\"}}");
        return json(c.next());
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
            assertEquals("401", withToken(other, "t", t).get("args").get("code").asText(), "token '" + t + "'");
        }
    }

    /**
     * A client back with the token of a session that lapsed (a desktop asleep overnight) is refused, saying so, but is
     * no guesser: its tries do not count against its address, as unknown tokens' do; after a day its token is unknown.
     */
    @Test
    void aLapsedSessionsTokenIsRefusedWithoutCountingAgainstItsAddress() throws Exception {
        RawClient c = raw();
        String token = tokenOfLogin(c);
        fx.clock.advance(Duration.ofSeconds(901));
        refusedUncounted(token, "the token's session has ended: log in again", "session_ended");
        // Unknown tokens are guesses: the fifth blocks the address.
        RawClient guess = raw();
        for (int i = 0; i < 5; i++) {
            assertEquals("401", withToken(guess, "g" + i, "guess" + i).get("args").get("code").asText());
        }
        assertTrue(withToken(guess, "late", token).get("args").get("message").asText().startsWith(Protocol.LOGINS_BLOCKED));
        // A day later the lapsed token is an unknown one.
        fx.clock.advance(Duration.ofHours(25));
        RawClient day = raw();
        assertEquals("the token is unknown or expired", withToken(day, "d", token).get("args").get("message").asText());
    }

    /**
     * {@code token} tried eight times from one address, each refused with {@code message} and audited with {@code
     * why}, and none counted: the password still logs in then. Returns that login's token.
     */
    private String refusedUncounted(String token, String message, String why) throws Exception {
        RawClient back = raw();
        for (int i = 0; i < 8; i++) {
            JsonNode r = withToken(back, "t" + i, token);
            assertEquals("401", r.get("args").get("code").asText());
            assertEquals(message, r.get("args").get("message").asText());
        }
        back.send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"p\",\"args\":{\"username\":\"admin\",\"password\":\""
                + ServerFixture.PASSWORD + "\"}}");
        JsonNode in = json(back.next());
        assertEquals("response", in.get("name").asText(), "eight tries blocked nothing");
        assertTrue(java.nio.file.Files.readString(fx.server.auditFile())
                .contains("user=- from=127.0.0.1 action=login target=token result=error:" + why));
        return in.get("args").get(0).asText();
    }

    /**
     * After the server restarted, the desktops that were connected come back with the tokens of its last run: refused,
     * saying why, and not counted against their address (an office's desktops behind one address would block it for an
     * hour at every restart otherwise). A made-up token of this run, or of a later one, still counts.
     */
    @Test
    void aTokenFromBeforeARestartIsRefusedWithoutCountingAgainstItsAddress() throws Exception {
        String token = tokenOfLogin(raw());
        restart(Duration.ofMinutes(5));
        String now = refusedUncounted(token, "the token's session ended when the server restarted: log in again",
                "server_restarted");
        // Of this run's form but unknown, or of a start yet to come: guesses, and the fifth blocks the address.
        String random = token.substring(token.indexOf('.') + 1);
        RawClient guess = raw();
        List<String> made = List.of(now.substring(0, now.indexOf('.') + 1) + random,
                TokenStore.startTag(fx.clock.millis() + 60_000) + random, "x" + token, token + "x", random);
        for (int i = 0; i < made.size(); i++) {
            assertEquals("the token is unknown or expired", withToken(guess, "g" + i, made.get(i)).get("args").get("message").asText());
        }
        assertTrue(withToken(guess, "late", token).get("args").get("message").asText().startsWith(Protocol.LOGINS_BLOCKED));
    }

    /**
     * However often it is used, a session ends 12 hours after its login (the token slides 900 s at a time up to there,
     * never past it), also where its token was taken to another connection: its user logs in again.
     */
    @Test
    void aSessionUsedWithoutPauseStillEndsTwelveHoursAfterItsLogin() throws Exception {
        RawClient c = raw();
        String token = tokenOfLogin(c);
        Duration used = Duration.ZERO;
        int n = 0;
        // Used every 14 minutes until a minute before the limit.
        while (used.plusMinutes(14).compareTo(ServerConfig.DEFAULT_SESSION_LIMIT.minusMinutes(1)) <= 0) {
            fx.clock.advance(Duration.ofMinutes(14));
            used = used.plusMinutes(14);
            c.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q" + n + "\",\"args\":{}}");
            assertEquals("response", json(c.next()).get("name").asText(), "used after " + used);
            n++;
        }
        RawClient d = raw();
        assertEquals("response", withToken(d, "t", token).get("name").asText(), "the token, on another connection, before the limit");
        fx.clock.advance(ServerConfig.DEFAULT_SESSION_LIMIT.minus(used));
        c.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"late\",\"args\":{}}");
        assertEquals("401", json(c.next()).get("args").get("code").asText(), "12 hours after the login, used or not");
        d.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"late2\",\"args\":{}}");
        assertEquals("401", json(d.next()).get("args").get("code").asText(), "its token taken elsewhere ends with it");
        c.send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"again\",\"args\":{\"username\":\"admin\",\"password\":\""
                + ServerFixture.PASSWORD + "\"}}");
        assertEquals("response", json(c.next()).get("name").asText(), "a new login begins a new session");
        c.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"fresh\",\"args\":{}}");
        assertEquals("response", json(c.next()).get("name").asText());
    }

    @Test
    void aTokenWorksOnAnotherConnectionAndAuthClearEndsIt() throws Exception {
        RawClient c = raw();
        String token = tokenOfLogin(c);
        RawClient d = raw();
        assertEquals("response", withToken(d, "t", token).get("name").asText());
        d.send("{\"namespace\":\"rpc\",\"name\":\"auth_clear\",\"id\":\"c\",\"args\":\"\"}");
        d.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q\",\"args\":{}}");
        JsonNode r = json(d.next());
        assertEquals("q", r.get("id").asText(), "auth_clear sends no reply");
        assertEquals("401", r.get("args").get("code").asText());
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
    void queryAdvertisesTheExtensions() throws Exception {
        RawClient c = raw();
        login(c);
        c.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q\",\"args\":{}}");
        JsonNode q = json(c.next()).get("args");
        assertEquals("read/write", q.get("sysadm/iocage").asText());
        assertTrue(q.get("jaildesk").get("extensions").toString().contains("setjailsettings"));
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

    /** A change is audited under the user who asked, even when the session logged out (a desktop quitting) before it ended. */
    @Test
    void aChangeEndingAfterItsSessionLoggedOutIsAuditedUnderItsUser() throws Exception {
        RawClient c = raw();
        login(c);
        c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"f\",\"args\":{\"action\":\"fetchrelease\",\"release\":\"14.2-RELEASE\"}}");
        c.send("{\"namespace\":\"rpc\",\"name\":\"auth_clear\",\"id\":\"c\",\"args\":\"\"}");
        java.nio.file.Path file = fx.server.auditFile();
        org.testfx.util.WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> java.nio.file.Files.readString(file).contains("action=fetchrelease"));
        String audit = java.nio.file.Files.readString(file);
        assertTrue(audit.contains("user=admin from=127.0.0.1 action=fetchrelease target=14.2-RELEASE result=ok"), audit);
    }

    /** The audit log read back through the server, newest first; the read itself is not audited. */
    @Test
    void theAuditLogIsReadBackNewestFirstAndTheReadIsNotAudited() throws Exception {
        IocageClient c = new IocageClient(transport(ServerFixture.PASSWORD));
        assertTrue(c.extensions().join().contains("listaudit"));
        c.startJail("mail").join();
        failureOf(c.destroyJail("db01"));
        java.util.List<org.jaildesk.domain.AuditEntry> log = c.listAudit().join();
        assertEquals(java.util.List.of("destroyjail", "startjail", "login"), log.stream().map(org.jaildesk.domain.AuditEntry::action).toList());
        assertEquals(List.of("admin", "127.0.0.1", "password", "ok"), List.of(log.get(2).user(), log.get(2).from(),
                log.get(2).target(), log.get(2).result()), "the login, and how it was made");
        org.jaildesk.domain.AuditEntry newest = log.get(0);
        assertEquals("admin", newest.user());
        assertEquals("127.0.0.1", newest.from());
        assertEquals("db01", newest.target());
        assertTrue(newest.result().startsWith("error:jail_db01_is_running"), newest.result());
        c.listAudit().join();
        assertFalse(java.nio.file.Files.readString(fx.server.auditFile()).contains("listaudit"));
    }

    /**
     * A log longer than one answer is read page by page through {@code before}, by the client and by the action log's
     * view; a {@code before} that is no earlier answer's {@code older} is refused and reads nothing.
     */
    @Test
    void theAuditLogIsReadPageByPage() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            lines.append("2026-11-28T10:00:00Z user=admin from=192.0.2.7 action=startjail target=j").append(i).append(" result=ok\n");
        }
        IocageClient c = new IocageClient(transport(ServerFixture.PASSWORD));
        c.extensions().join(); // logged in (which the log records) before the log is written over
        java.nio.file.Files.writeString(fx.server.auditFile(), lines.toString());
        org.jaildesk.domain.AuditPage first = c.listAuditPage("").join();
        assertEquals(500, first.entries().size());
        assertEquals("j1199", first.entries().get(0).target());
        assertTrue(first.hasOlder());
        org.jaildesk.domain.AuditPage second = c.listAuditPage(first.older()).join();
        assertEquals("j699", second.entries().get(0).target());
        org.jaildesk.domain.AuditPage third = c.listAuditPage(second.older()).join();
        assertEquals(200, third.entries().size());
        assertEquals("j0", third.entries().get(199).target());
        assertFalse(third.hasOlder());

        org.jaildesk.ui.pools.ActionLogViewModel vm = new org.jaildesk.ui.pools.ActionLogViewModel(c, Runnable::run,
                new org.jaildesk.ui.common.Messages(java.util.Locale.ENGLISH));
        vm.refresh().get(10, TimeUnit.SECONDS);
        assertEquals(500, vm.rows().size());
        assertTrue(vm.hasOlder().get());
        vm.readOlder().get(10, TimeUnit.SECONDS);
        vm.readOlder().get(10, TimeUnit.SECONDS);
        assertEquals(1_200, vm.rows().size());
        assertEquals("j0", vm.rows().get(1_199).target());
        assertFalse(vm.hasOlder().get());
        assertEquals("1,200 entries (the newest first)", vm.status().get());
        vm.refresh().get(10, TimeUnit.SECONDS);
        assertEquals(500, vm.rows().size(), "a refresh starts from the newest again");
        // Read all: page after page to the start, every entry once.
        vm.readAll().get(10, TimeUnit.SECONDS);
        assertEquals(1_200, vm.rows().size());
        assertEquals("j0", vm.rows().get(1_199).target());
        assertEquals(1_200, vm.rows().stream().map(org.jaildesk.domain.AuditEntry::target).distinct().count());
        assertFalse(vm.hasOlder().get());
        assertFalse(vm.readingAll().get());
        // It stops at its most (here 700): after the page that reaches it, the rest left for Older entries.
        org.jaildesk.ui.pools.ActionLogViewModel capped = org.jaildesk.ui.pools.ActionLogTesting.capped(c, 700);
        capped.refresh().get(10, TimeUnit.SECONDS);
        capped.readAll().get(10, TimeUnit.SECONDS);
        assertEquals(1_000, capped.rows().size());
        assertTrue(capped.hasOlder().get());
        // Stopped while its first page is on its way (a round trip, against the next statement): that page, no more.
        vm.refresh().get(10, TimeUnit.SECONDS);
        java.util.concurrent.CompletableFuture<Void> stopped = vm.readAll();
        vm.stopReadingAll();
        stopped.get(10, TimeUnit.SECONDS);
        assertEquals(1_000, vm.rows().size());
        assertTrue(vm.hasOlder().get());
        assertFalse(vm.readingAll().get());
        vm.refresh().get(10, TimeUnit.SECONDS);

        // The log rotated on the server between two pages, as newsyslog does it: the next page reads on in audit.log.0.
        assertTrue(first.older().matches("[0-9]+-[0-9a-f]{8}"), first.older());
        java.nio.file.Path rotated = fx.server.auditFile().resolveSibling("audit.log.0");
        java.nio.file.Files.move(fx.server.auditFile(), rotated);
        c.startJail("mail").join(); // a new log begins
        org.jaildesk.domain.AuditPage after = c.listAuditPage(first.older()).join();
        assertFalse(after.rotated());
        assertEquals("j699", after.entries().get(0).target());
        // Then compressed by a program the server does not read (bzip2): the view says so and asks for no more.
        java.nio.file.Files.move(rotated, rotated.resolveSibling("audit.log.0.bz2"));
        org.jaildesk.domain.AuditPage lost = c.listAuditPage(first.older()).join();
        assertTrue(lost.rotated());
        assertEquals(List.of(), lost.entries());
        vm.readOlder().get(10, TimeUnit.SECONDS);
        assertEquals(500, vm.rows().size());
        assertFalse(vm.hasOlder().get());
        assertTrue(vm.status().get().startsWith("500 entries (the newest first). The log was rotated on the server"), vm.status().get());

        RawClient raw = raw();
        login(raw);
        for (String bad : List.of("\"-1\"", "\"$(x)\"", "\"1e3\"", "\"\"", "12", "\"1234567890123456789\"",
                "\"5-\"", "\"5-0A1B2C3D\"", "\"5-0a1b2c3\"", "\"5-0a1b2c3d4\"", "\"5-0a1b2c3d-\"", "\"5;0a1b2c3d\"",
                "\"" + "9".repeat(10_000) + "\"", "[\"5\"]")) {
            raw.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"b\",\"args\":{\"action\":\"listaudit\",\"before\":"
                    + bad + "}}");
            JsonNode r = json(raw.next());
            assertEquals("400", r.get("args").get("code").asText(), bad.length() > 40 ? "10,000 digits" : bad);
        }
    }

    /**
     * A jail the server keeps protected is not destroyed, alone or by a clean, whoever asks; the mark is audited, kept
     * in the state folder readable by the server's user only, and a name that is no jail's is refused and not kept.
     */
    @Test
    void aJailProtectedOnTheServerIsNotDestroyedByAnyClient() throws Exception {
        IocageClient c = new IocageClient(transport(ServerFixture.PASSWORD));
        assertTrue(c.extensions().join().containsAll(List.of("listprotected", "protectjail", "unprotectjail")));
        assertEquals(List.of(), c.listProtected().join());
        assertEquals(List.of("mail"), c.setProtected("mail", true).join());
        assertEquals(List.of("mail"), c.listProtected().join());
        IocageClientException refused = failureOf(c.destroyJail("mail"));
        assertTrue(refused.getMessage().contains("mail is protected from destroy on this server"), refused.getMessage());
        refused = failureOf(c.cleanJails());
        assertTrue(refused.getMessage().contains("protected from destroy on this server (mail)"), refused.getMessage());
        // Releases go with the jails made from them; templates and images do not hold mail.
        assertTrue(failureOf(c.cleanReleases()).getMessage().contains("(mail)"));
        assertTrue(failureOf(c.cleanAll()).getMessage().contains("(mail)"));
        c.cleanTemplates().join();
        assertTrue(c.listJails().join().stream().anyMatch(j -> j.id().equals("mail")), "mail is still there");
        java.nio.file.Path kept = fx.server.auditFile().resolveSibling("protected.txt");
        assertEquals("mail\n", java.nio.file.Files.readString(kept));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(kept)));

        RawClient raw = raw();
        login(raw);
        for (String bad : List.of("\"-f\"", "\"a;b\"", "\"$(x)\"", "\"a\\nb\"", "\"" + "x".repeat(10_000_000) + "\"", "7", "null")) {
            raw.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"p\",\"args\":{\"action\":\"protectjail\",\"jail\":"
                    + bad + "}}");
            JsonNode r = json(raw.next());
            assertEquals("400", r.get("args").get("code").asText(), bad.length() > 40 ? "10 MB" : bad);
        }
        assertEquals(List.of("mail"), c.listProtected().join(), "nothing kept of them");

        assertEquals(List.of(), c.setProtected("mail", false).join());
        c.destroyJail("mail").join();
        assertFalse(c.listJails().join().stream().anyMatch(j -> j.id().equals("mail")));
        String audit = java.nio.file.Files.readString(fx.server.auditFile());
        assertTrue(audit.contains("action=protectjail target=mail result=ok"), audit);
        assertTrue(audit.contains("action=unprotectjail target=mail result=ok"), audit);
        assertTrue(audit.contains("action=protectjail target=-f result=refused:"), audit);
        assertFalse(audit.contains("listprotected"), "a read is not audited");
    }

    /** A protected jail renamed keeps its protection under its new name. */
    @Test
    void aProtectedJailRenamedStaysProtected() throws Exception {
        IocageClient c = new IocageClient(transport(ServerFixture.PASSWORD));
        c.setProtected("mail", true).join();
        c.renameJail("mail", "post").join();
        assertEquals(List.of("post"), c.listProtected().join());
        assertTrue(failureOf(c.destroyJail("post")).getMessage().contains("post is protected from destroy"));
    }

    /**
     * Every other client hears when a mark changes, by a client or a rename, to read the marks again: not for a mark
     * that was there already, not for one refused, and not as a jail change (on which every client lists iocage's jails).
     */
    @Test
    void everyClientHearsWhenTheProtectionChanges() throws Exception {
        IocageClient a = new IocageClient(transport(ServerFixture.PASSWORD));
        WebSocketTransport bt = transport(ServerFixture.PASSWORD);
        BlockingQueue<Event> heard = new LinkedBlockingQueue<>();
        bt.onEvent(e -> {
            if (!e.name().equals("dispatcher")) {
                heard.add(e);
            }
        });
        IocageClient b = new IocageClient(bt);
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        AutoCloseable listening = b.onProtectionChanged(() -> told.add("told"));
        b.listJails().join();
        a.setProtected("mail", true).join();
        a.setProtected("mail", true).join(); // there already: nothing changes
        RawClient raw = raw();
        login(raw);
        raw.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"p\",\"args\":{\"action\":\"protectjail\",\"jail\":\"-f\"}}");
        assertEquals("400", json(raw.next()).get("args").get("code").asText());
        a.renameJail("mail", "post").join();
        a.setProtected("post", false).join();
        a.listJails().join();
        List<String> events = new ArrayList<>();
        for (Event e; (e = heard.poll(10, TimeUnit.SECONDS)) != null; ) {
            events.add(e.name() + " " + e.args().path("action").asText() + " " + e.args().path("jail").asText());
            if (events.size() == 4) {
                break;
            }
        }
        assertEquals(List.of("jaildesk-protected protectjail mail", "jaildesk-protected renamejail post",
                "jaildesk-jails renamejail post", "jaildesk-protected unprotectjail post"), events);
        for (int i = 0; i < 3; i++) {
            assertEquals("told", told.poll(10, TimeUnit.SECONDS), "the client's listener hears each of them");
        }
        assertEquals(null, told.poll(), "and not the jail change: " + told);
        listening.close();
    }
}
