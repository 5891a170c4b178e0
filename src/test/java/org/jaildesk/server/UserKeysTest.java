package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jaildesk.protocol.KeyLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registered login keys' file: who owns a key, the limits, and a change that cannot be saved. */
class UserKeysTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final List<KeyPair> PAIRS = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void pairs() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        for (int i = 0; i < UserKeys.PER_USER + 1; i++) {
            PAIRS.add(g.generateKeyPair());
        }
    }

    private static String pub(int i) {
        return KeyLogin.pubKey(PAIRS.get(i).getPublic());
    }

    @Test
    void aKeyBelongsToOneUserAndTheAnswerNamesItsOwnerAmongTheUsersStillThere() throws Exception {
        UserKeys keys = UserKeys.load(dir.resolve("users.keys"));
        keys.register("alice", pub(0), "laptop", "", T0);
        keys.register("bob", pub(1), "desk", "", T0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> keys.register("bob", pub(0), "x", "", T0));
        assertEquals("this key is registered to another user", e.getMessage());
        // Registered again by its owner: the new nickname, the first date.
        keys.register("alice", pub(0), "laptop (new name)", "a@example.org", T0.plusSeconds(60));
        UserKeys read = UserKeys.load(dir.resolve("users.keys"));
        assertEquals(List.of("laptop (new name)"), read.of("alice").stream().map(UserKeys.Key::nickname).toList());
        assertEquals(T0, read.of("alice").get(0).registered());
        String c = KeyLogin.challenge();
        String signed = KeyLogin.sign(PAIRS.get(1).getPrivate(), c);
        assertEquals("bob", read.signer(c, signed, List.of("alice", "bob")).orElseThrow().user());
        assertTrue(read.signer(c, signed, List.of("alice")).isEmpty(), "a user no longer there does not log in");
        assertTrue(read.signer(KeyLogin.challenge(), signed, List.of("bob")).isEmpty(), "signed another challenge");
        assertEquals(1, read.keepOnly(List.of("alice")));
        assertTrue(UserKeys.load(dir.resolve("users.keys")).of("bob").isEmpty());
        assertFalse(read.revoke("alice", pub(1)));
        assertTrue(read.revoke("alice", pub(0)));
    }

    @Test
    void aUserRegistersAtMostPerUserKeys() throws Exception {
        UserKeys keys = UserKeys.load(dir.resolve("users.keys"));
        for (int i = 0; i < UserKeys.PER_USER; i++) {
            keys.register("alice", pub(i), "d" + i, "", T0);
        }
        assertThrows(IllegalArgumentException.class, () -> keys.register("alice", pub(UserKeys.PER_USER), "one more", "", T0));
        keys.register("alice", pub(3), "renamed", "", T0); // one of them again is no new key
        assertEquals(UserKeys.PER_USER, UserKeys.load(dir.resolve("users.keys")).of("alice").size());
    }

    @Test
    void aChangeThatCannotBeSavedIsNotMade() throws Exception {
        Path folder = dir.resolve("state");
        Files.createDirectories(folder);
        UserKeys keys = UserKeys.load(folder.resolve("users.keys"));
        keys.register("alice", pub(0), "laptop", "", T0);
        // The temporary file's name taken by a folder with something in it: the new file cannot be written.
        Files.createDirectories(folder.resolve("users.keys.tmp").resolve("x"));
        assertThrows(IOException.class, () -> keys.register("alice", pub(1), "desk", "", T0));
        assertThrows(IOException.class, () -> keys.revoke("alice", pub(0)));
        assertEquals(List.of("laptop"), keys.of("alice").stream().map(UserKeys.Key::nickname).toList(), "as before");
        String c = KeyLogin.challenge();
        assertTrue(keys.signer(c, KeyLogin.sign(PAIRS.get(1).getPrivate(), c), List.of("alice")).isEmpty());
        assertEquals("alice", keys.signer(c, KeyLogin.sign(PAIRS.get(0).getPrivate(), c), List.of("alice")).orElseThrow().user(),
                "a revoke that was not saved leaves the key working");
    }

    /** {@code jaildesk user keys --revoke-all} while the server runs: the server's next login sees it. */
    @Test
    void aFileChangedByAnotherProcessIsReadAgainAndOneDamagedLetsNoKeyInAndIsNotWrittenOver() throws Exception {
        Path f = dir.resolve("users.keys");
        UserKeys server = UserKeys.load(f);
        server.register("alice", pub(0), "laptop", "", T0);
        String c = KeyLogin.challenge();
        String signed = KeyLogin.sign(PAIRS.get(0).getPrivate(), c);
        assertEquals("alice", server.signer(c, signed, List.of("alice")).orElseThrow().user());
        java.security.interfaces.RSAPublicKey first = (java.security.interfaces.RSAPublicKey) PAIRS.get(0).getPublic();
        assertTrue(server.holds("alice", first));
        assertFalse(server.holds("bob", first), "another user's key");
        UserKeys.load(f).keepOnly(List.of());
        assertTrue(server.signer(c, signed, List.of("alice")).isEmpty(), "revoked by the other process");
        assertFalse(server.holds("alice", first), "a session begun with it ends");
        server.register("alice", pub(1), "desk", "", T0);
        assertEquals(List.of("desk"), UserKeys.load(f).of("alice").stream().map(UserKeys.Key::nickname).toList(),
                "the revoked key did not come back with the next change");
        String damaged = Files.readString(f) + "alice:1:::AAAA\n";
        Files.writeString(f, damaged);
        c = KeyLogin.challenge();
        assertTrue(server.signer(c, KeyLogin.sign(PAIRS.get(1).getPrivate(), c), List.of("alice")).isEmpty());
        assertThrows(IOException.class, () -> server.register("alice", pub(2), "third", "", T0));
        assertEquals(damaged, Files.readString(f), "not written over");
    }

    @Test
    void aDamagedLineIsRefusedWithItsNumber() throws Exception {
        Path f = dir.resolve("users.keys");
        for (String line : List.of("alice:1:AA:AA", "Alice:1::" + ":" + pub(0), "alice:x:::" + pub(0), "alice:1:::AAAA",
                "alice:1:%%%::" + pub(0), "alice:1:" + java.util.Base64.getUrlEncoder().encodeToString("a\nb".getBytes()) + "::" + pub(0))) {
            Files.writeString(f, "# keys\n" + line + "\n");
            Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            IOException e = assertThrows(IOException.class, () -> UserKeys.load(f), line);
            assertTrue(e.getMessage().contains("line 2 is damaged"), e.getMessage());
        }
    }
}
