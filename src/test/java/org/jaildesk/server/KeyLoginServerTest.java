package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jaildesk.protocol.KeyLogin;
import org.jaildesk.protocol.Protocol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Key login (sysadm's {@code rpc/auth_ssl}) and the key registration of {@code rpc/settings}, on the real server. */
class KeyLoginServerTest extends ServerTestBase {

    private static KeyPair desk;
    private static KeyPair other;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        desk = g.generateKeyPair();
        other = g.generateKeyPair();
    }

    private static String rpc(String name, String id, Object args) throws Exception {
        ObjectNode m = JSON.createObjectNode();
        m.put("namespace", "rpc").put("name", name).put("id", id);
        m.set("args", JSON.valueToTree(args));
        return JSON.writeValueAsString(m);
    }

    private static JsonNode ask(RawClient c, String name, String id, Object args) throws Exception {
        c.send(rpc(name, id, args));
        return replyTo(c, id);
    }

    private static JsonNode register(RawClient c, KeyPair k, String nickname) throws Exception {
        return ask(c, "settings", "reg", java.util.Map.of("action", "register_ssl_cert", "pub_key", KeyLogin.pubKey(k.getPublic()),
                "nickname", nickname, "email", "admin@example.org"));
    }

    /** Both stages of a key login with {@code k} on {@code c}: the second stage's reply. */
    private static JsonNode keyLogin(RawClient c, KeyPair k) throws Exception {
        JsonNode first = ask(c, "auth_ssl", "k1", "");
        String challenge = first.path("args").path("test_string").asText();
        assertTrue(KeyLogin.isChallenge(challenge), first.toString());
        return ask(c, "auth_ssl", "k2", java.util.Map.of("encrypted_string", KeyLogin.sign(k.getPrivate(), challenge)));
    }

    private static String code(JsonNode reply) {
        return reply.path("name").asText().equals("error") ? reply.path("args").path("code").asText() : "ok";
    }

    private Path keysFile() {
        return UserKeys.fileFor(dir.resolve("users"));
    }

    @Test
    void aKeyRegisteredWithThePasswordLogsInOnAnotherConnectionAndIsListedAndAudited() throws Exception {
        RawClient c = raw();
        login(c);
        assertEquals("ok", code(register(c, desk, "JailDesk on laptop")));
        JsonNode list = ask(c, "settings", "ls", java.util.Map.of("action", "list_ssl_certs"));
        String details = list.path("args").path("admin").path(KeyLogin.pubKey(desk.getPublic())).asText();
        assertTrue(details.startsWith("Nickname: JailDesk on laptop\nEmail: admin@example.org\nDate Registered: 2026-11-26T10:00:00Z"),
                list.toString());
        assertTrue(Files.readString(fx.server.auditFile()).contains("action=register_ssl_cert target=JailDesk_on_laptop result=ok"));

        RawClient d = raw();
        JsonNode in = keyLogin(d, desk);
        assertEquals("ok", code(in), in.toString());
        assertEquals(900, in.path("args").get(1).asInt());
        assertEquals("ok", code(ask(d, "query", "q", java.util.Map.of())), "logged in by the key");
        assertEquals("ok", code(ask(d, "settings", "ls", java.util.Map.of("action", "list_ssl_certs"))));
        assertTrue(Files.readString(fx.server.auditFile()).contains("user=admin from=127.0.0.1 action=login target=key result=ok"),
                "a key login audited as one");
    }

    @Test
    void anAnswerWithoutAChallengeTooLateTwiceOrByAnotherKeyIsAFailedLogin() throws Exception {
        RawClient c = raw();
        login(c);
        register(c, desk, "desk");
        RawClient d = raw();
        // One answer a challenge: a right one sent again is refused (failure 1).
        String once = ask(d, "auth_ssl", "k1", "").path("args").path("test_string").asText();
        String answer = KeyLogin.sign(desk.getPrivate(), once);
        assertEquals("ok", code(ask(d, "auth_ssl", "k2", java.util.Map.of("encrypted_string", answer))));
        JsonNode again = ask(d, "auth_ssl", "k3", java.util.Map.of("encrypted_string", answer));
        assertEquals("401", code(again));
        // The words a client keeps its key on: the key was not checked.
        assertTrue(again.path("args").path("message").asText().startsWith(Protocol.NO_CHALLENGE), again.toString());
        assertEquals("401", code(ask(d, "query", "q", java.util.Map.of())), "a failed login ends the session it replaced");
        // No challenge asked on a connection (2).
        assertEquals("401", code(ask(raw(), "auth_ssl", "x", java.util.Map.of("encrypted_string", answer))));
        // A key nobody registered (3): words a client forgets its key on.
        JsonNode unknown = keyLogin(d, other);
        assertEquals("401", code(unknown));
        String said = unknown.path("args").path("message").asText();
        assertFalse(said.startsWith(Protocol.NO_CHALLENGE) || said.startsWith(Protocol.LOGINS_BLOCKED), said);
        // Too late: 30 s (4).
        String late = ask(d, "auth_ssl", "k1", "").path("args").path("test_string").asText();
        fx.clock.advance(Duration.ofSeconds(30));
        assertEquals("401", code(ask(d, "auth_ssl", "k2", java.util.Map.of("encrypted_string", KeyLogin.sign(desk.getPrivate(), late)))));
        // The fifth blocks the address, and then even the right key is refused at once.
        assertEquals("401", code(keyLogin(d, other)));
        JsonNode blocked = ask(d, "auth_ssl", "k1", "");
        assertEquals("401", code(blocked));
        assertTrue(blocked.path("args").path("message").asText().startsWith(Protocol.LOGINS_BLOCKED), blocked.toString());
    }

    @Test
    void aSessionBegunWithAKeyListsAndRevokesButCannotRegisterAndARevokedKeyNoLongerLogsIn() throws Exception {
        RawClient c = raw();
        login(c);
        register(c, desk, "desk");
        RawClient d = raw();
        JsonNode in = keyLogin(d, desk);
        assertEquals("403", code(register(d, other, "sneaked in")));
        String token = in.path("args").get(0).asText();
        RawClient e = raw();
        assertEquals("ok", code(ask(e, "auth_token", "t", java.util.Map.of("token", token))));
        assertEquals("403", code(register(e, other, "through the token")), "the key's token is the key's session");
        assertEquals(1, UserKeys.load(keysFile()).of("admin").size());
        assertFalse(Files.readString(keysFile()).contains(KeyLogin.pubKey(other.getPublic())));
        assertTrue(Files.readString(fx.server.auditFile()).contains("action=register_ssl_cert target=sneaked_in result=refused:403"));

        assertEquals("ok", code(ask(d, "settings", "rv", java.util.Map.of("action", "revoke_ssl_cert",
                "pub_key", KeyLogin.pubKey(desk.getPublic())))));
        assertTrue(Files.readString(fx.server.auditFile()).contains("action=revoke_ssl_cert target=desk result=ok"));
        assertEquals("401", code(ask(d, "query", "q", java.util.Map.of())), "the session begun with it ended with it");
        assertEquals("400", code(ask(c, "settings", "rv2", java.util.Map.of("action", "revoke_ssl_cert",
                "pub_key", KeyLogin.pubKey(desk.getPublic())))), "revoked already");
        assertEquals("401", code(keyLogin(raw(), desk)));
        assertTrue(UserKeys.load(keysFile()).of("admin").isEmpty());
    }

    @Test
    void badKeysNamesAndArgumentsAreRefusedAndNothingIsKept() throws Exception {
        RawClient c = raw();
        login(c);
        register(c, desk, "desk");
        String before = Files.readString(keysFile());
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        String pemOfGarbage = Base64.getEncoder().encodeToString(
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n".getBytes(StandardCharsets.US_ASCII));
        String good = KeyLogin.pubKey(other.getPublic());
        List<java.util.Map<String, Object>> bad = List.of(
                java.util.Map.of("action", "register_ssl_cert"),
                java.util.Map.of("action", "register_ssl_cert", "pub_key", "not base64 $(x)"),
                java.util.Map.of("action", "register_ssl_cert", "pub_key", pemOfGarbage),
                java.util.Map.of("action", "register_ssl_cert", "pub_key", KeyLogin.pubKey(small.generateKeyPair().getPublic())),
                java.util.Map.of("action", "register_ssl_cert", "pub_key", KeyLogin.pubKey(ec.generateKeyPair().getPublic())),
                java.util.Map.of("action", "register_ssl_cert", "pub_key", "A".repeat(900_000)),
                java.util.Map.of("action", "register_ssl_cert", "pub_key", 5),
                java.util.Map.of("action", "register_ssl_cert", "pub_key", good, "nickname", "a\nb"),
                java.util.Map.of("action", "register_ssl_cert", "pub_key", good, "nickname", "n".repeat(65)),
                java.util.Map.of("action", "register_ssl_cert", "pub_key", good, "email", List.of("x")),
                java.util.Map.of("action", "revoke_ssl_cert", "pub_key", good),
                java.util.Map.of("action", "revoke_ssl_cert", "pub_key", KeyLogin.pubKey(desk.getPublic()), "user", "root"),
                java.util.Map.of("action", "list_ssl_checksums"),
                java.util.Map.of("action", "-f"));
        int i = 0;
        for (java.util.Map<String, Object> args : bad) {
            JsonNode r = ask(c, "settings", "b" + i++, args);
            assertEquals("400", code(r), args.toString().substring(0, Math.min(200, args.toString().length())) + " → " + r);
        }
        assertEquals(before, Files.readString(keysFile()), "nothing kept");
        for (Object args : List.of(5, List.of(), java.util.Map.of("md5_key", "x"), java.util.Map.of("encrypted_string", 5))) {
            assertEquals("400", code(ask(raw(), "auth_ssl", "s", args)), String.valueOf(args));
        }
        assertEquals("401", code(ask(raw(), "settings", "n", java.util.Map.of("action", "list_ssl_certs"))), "not logged in");
    }

    @Test
    void theKeysFileIsOwnerOnlyAndRefusedWhenOthersMayChangeIt() throws Exception {
        RawClient c = raw();
        login(c);
        register(c, desk, "desk");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keysFile())));
        Files.setPosixFilePermissions(keysFile(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.AccessDeniedException.class, () -> UserKeys.load(keysFile()));
    }

    /**
     * A revoked key ends the sessions begun with it, and their tokens, at once (a stolen key leaves no session behind):
     * revoked by the user over {@code rpc/settings}, or by {@code jaildesk user keys --revoke-all} while the server runs.
     * Sessions begun with the password, or with another key, go on.
     */
    @Test
    void aRevokedKeyEndsTheSessionsBegunWithItAndOnlyThose() throws Exception {
        RawClient c = raw();
        login(c);
        register(c, desk, "desk");
        register(c, other, "other");
        RawClient d = raw();
        String token = keyLogin(d, desk).path("args").get(0).asText();
        RawClient e = raw();
        assertEquals("ok", code(ask(e, "auth_token", "t", java.util.Map.of("token", token))));
        RawClient o = raw();
        assertEquals("ok", code(keyLogin(o, other)));
        assertEquals("ok", code(ask(d, "query", "q1", java.util.Map.of())));

        assertEquals("ok", code(ask(c, "settings", "rv", java.util.Map.of("action", "revoke_ssl_cert",
                "pub_key", KeyLogin.pubKey(desk.getPublic())))));
        JsonNode ended = ask(d, "query", "q2", java.util.Map.of());
        assertEquals("401", code(ended), "the key's session ends");
        assertTrue(ended.path("args").path("message").asText().startsWith(org.jaildesk.protocol.Protocol.KEY_REVOKED + ": "),
                "said so, for the client to forget the key rather than try it: " + ended);
        assertEquals("401", code(ask(e, "query", "q3", java.util.Map.of())), "and the one its token began");
        assertEquals("401", code(ask(raw(), "auth_token", "t2", java.util.Map.of("token", token))));
        assertEquals("ok", code(ask(c, "query", "q4", java.util.Map.of())), "the password's session goes on");
        assertEquals("ok", code(ask(o, "query", "q5", java.util.Map.of())), "another key's session goes on");

        // jaildesk user keys admin --revoke-all, from another process.
        UserKeys.load(keysFile()).keepOnly(java.util.List.of());
        assertEquals("401", code(ask(o, "query", "q6", java.util.Map.of())));
        assertEquals("ok", code(ask(c, "query", "q7", java.util.Map.of())));
    }

    /** jaildesk user remove while the server runs: the user's sessions, tokens and keys end at once. */
    @Test
    void aUserRemovedWhileTheServerRunsIsLoggedOutAndTheirTokenAndKeyNoLongerPass() throws Exception {
        long[] now = {1_000};
        fx.users.clock(() -> now[0]);
        RawClient c = raw();
        login(c);
        register(c, desk, "desk");
        RawClient d = raw();
        String token = keyLogin(d, desk).path("args").get(0).asText();
        assertEquals("ok", code(ask(c, "query", "q1", java.util.Map.of())));
        UserStore cli = UserStore.load(dir.resolve("users"));
        cli.put("ops", "another long passphrase".toCharArray());
        cli.remove("admin");
        now[0] += UserStore.LOOK_EVERY.toNanos();
        assertEquals("401", code(ask(c, "query", "q2", java.util.Map.of())), "the password session ends");
        JsonNode gone = ask(d, "query", "q3", java.util.Map.of());
        assertEquals("401", code(gone), "the key session ends");
        assertFalse(gone.path("args").path("message").asText().startsWith(org.jaildesk.protocol.Protocol.KEY_REVOKED),
                "its user is gone, not only its key");
        assertEquals("401", code(ask(raw(), "auth_token", "t", java.util.Map.of("token", token))));
        assertEquals("401", code(keyLogin(raw(), desk)));
        assertEquals("401", code(ask(raw(), "auth", "a", java.util.Map.of("username", "admin", "password", ServerFixture.PASSWORD))));
        RawClient ops = raw();
        ops.login("ops", "another long passphrase"); // a user added is let in without a restart
    }
}
