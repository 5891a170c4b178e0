package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.protocol.Protocol;
import org.junit.jupiter.api.Test;

/**
 * A user given a new password, or one-time codes, while the server runs (jaildesk user add, user codes): every session
 * they had ends at its next request, their tokens no longer pass, and events stop reaching them; a desktop that knows
 * the new password logs in again by itself, and the request that met the ended session is sent again.
 */
class CredentialsChangeTest extends ServerTestBase {

    private static final String NEW = "a brand new passphrase";

    private static JsonNode ask(RawClient c, String ns, String name, String id, String args) throws Exception {
        c.send("{\"namespace\":\"" + ns + "\",\"name\":\"" + name + "\",\"id\":\"" + id + "\",\"args\":" + args + "}");
        return replyTo(c, id);
    }

    private static String code(JsonNode reply) {
        return reply.path("namespace").asText().equals("error") ? reply.path("args").path("code").asText() : "ok";
    }

    /** Logs {@code c} in as admin with {@code password}; its token. */
    private static String token(RawClient c, String password) throws Exception {
        JsonNode r = ask(c, "rpc", "auth", "a", "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
        assertEquals("ok", code(r), r.toString());
        return r.path("args").get(0).asText();
    }

    /** Subscribes {@code c} to jail changes (the reply is in the events namespace, which replyTo skips: a query after it). */
    private static void subscribe(RawClient c) throws Exception {
        c.send("{\"namespace\":\"events\",\"name\":\"subscribe\",\"id\":\"s\",\"args\":[\"" + Protocol.JAIL_CHANGED_EVENT + "\"]}");
        assertEquals("ok", code(ask(c, "rpc", "query", "sq", "{}")));
    }

    /** The users store's clock, moved on by {@link #lookAgain}: it looks at its file again only so often. */
    private final long[] now = {1_000};

    @org.junit.jupiter.api.BeforeEach
    void clock() {
        fx.users.clock(() -> now[0]);
    }

    /** Past the time the users store waits before it looks whether its file changed. */
    private void lookAgain() {
        now[0] += UserStore.LOOK_EVERY.toNanos();
    }

    @Test
    void aNewPasswordEndsTheSessionsTokensAndEventsOfTheOldOne() throws Exception {
        RawClient old = raw();
        String token = token(old, ServerFixture.PASSWORD);
        subscribe(old);
        RawClient other = raw();
        other.login("admin", ServerFixture.PASSWORD);
        assertEquals("ok", code(ask(other, "rpc", "query", "q0", "{}")));

        UserStore.load(dir.resolve("users")).put("admin", NEW.toCharArray());
        lookAgain();

        // A session begun after the change hears a jail start; the old one hears nothing, and its next request is 401.
        RawClient fresh = raw();
        token(fresh, NEW);
        subscribe(fresh);
        fresh.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"start\",\"args\":{\"action\":\"startjail\",\"jail\":\"mail\"}}");
        boolean started = false;
        boolean heard = false;
        while (!started || !heard) {
            JsonNode m = json(fresh.next());
            started |= m.path("id").asText().equals("start") && code(m).equals("ok");
            heard |= m.path("name").asText().equals(Protocol.JAIL_CHANGED_EVENT);
        }
        List<String> oldHeard = new ArrayList<>();
        old.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q1\",\"args\":{}}");
        JsonNode m;
        do {
            m = json(old.next());
            oldHeard.add(m.toString());
        } while (!m.path("id").asText().equals("q1"));
        assertEquals(1, oldHeard.size(), "no event after the password changed: " + oldHeard);
        assertEquals("401", code(m), "the old session ends");
        assertEquals("401", code(ask(other, "rpc", "query", "q2", "{}")), "every session of the old password ends");
        assertEquals("401", code(ask(raw(), "rpc", "auth_token", "t", "{\"token\":\"" + token + "\"}")), "its token no longer passes");
        assertEquals("401", code(ask(raw(), "rpc", "auth", "a", "{\"username\":\"admin\",\"password\":\"" + ServerFixture.PASSWORD + "\"}")));
        assertEquals("ok", code(ask(fresh, "rpc", "query", "q3", "{}")), "the new password's session holds");
    }

    @Test
    void oneTimeCodesTurnedOnEndTheSessionsBegunWithoutACode() throws Exception {
        RawClient c = raw();
        String token = token(c, ServerFixture.PASSWORD);
        UserStore.load(dir.resolve("users")).setCodes("admin", true);
        lookAgain();
        assertEquals("401", code(ask(c, "rpc", "query", "q", "{}")));
        assertEquals("401", code(ask(raw(), "rpc", "auth_token", "t", "{\"token\":\"" + token + "\"}")));
    }

    @Test
    void nothingChangedEndsNothing() throws Exception {
        RawClient c = raw();
        String token = token(c, ServerFixture.PASSWORD);
        // Another user added and the file written again: admin's password is what it was.
        UserStore.load(dir.resolve("users")).put("ops", "another long passphrase".toCharArray());
        lookAgain();
        assertEquals("ok", code(ask(c, "rpc", "query", "q", "{}")));
        assertEquals("ok", code(ask(raw(), "rpc", "auth_token", "t", "{\"token\":\"" + token + "\"}")));
    }

    @Test
    void aDesktopThatKnowsTheNewPasswordLogsInAgainAndItsRequestGoesThrough() throws Exception {
        AtomicReference<String> known = new AtomicReference<>(ServerFixture.PASSWORD);
        int[] asked = {0};
        List<Boolean> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebSocketTransport[] self = new WebSocketTransport[1];
        WebSocketTransport t = transport(() -> {
            asked[0]++;
            ended.add(self[0].askingAfterEndedSession());
            return known.get().toCharArray();
        });
        self[0] = t;
        IocageClient client = new IocageClient(t);
        assertEquals(12, client.listJails().join().size());
        assertEquals(1, asked[0]);

        UserStore.load(dir.resolve("users")).put("admin", NEW.toCharArray());
        lookAgain();
        known.set(NEW);
        List<java.util.concurrent.CompletableFuture<List<org.jaildesk.domain.Jail>>> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(client.listJails());
        }
        for (var f : four) {
            assertEquals(12, f.join().size(), "each listing that met the ended session was sent again");
        }
        assertEquals(2, asked[0], "the password asked once more, for all of them");
        assertEquals(List.of(false, true), ended, "the second time, the dialog can say the host ended the session");
        assertFalse(t.askingAfterEndedSession());
        assertTrue(client.startJail("mail").join() != null);
    }

    @Test
    void aDesktopWithTheOldPasswordIsToldItWasRefused() throws Exception {
        IocageClient client = new IocageClient(transport(ServerFixture.PASSWORD));
        assertEquals(12, client.listJails().join().size());
        UserStore.load(dir.resolve("users")).put("admin", NEW.toCharArray());
        lookAgain();
        org.jaildesk.client.IocageClientException e = failureOf(client.listJails());
        assertEquals(org.jaildesk.client.Trouble.LOGIN_REFUSED, e.trouble(), e.getMessage());
        // Held: asked no more until the user asks for it (Refresh), and refused at once meanwhile.
        assertEquals(org.jaildesk.client.Trouble.PASSWORD_WAS_REFUSED, failureOf(client.listJails()).trouble());
    }
}
