package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeAndUserCommandTest extends CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void userAddReadsThePasswordFromStdinAndStoresOnlyAHash() throws Exception {
        addAdmin();
        String text = Files.readString(dir.resolve("users"));
        assertTrue(text.contains("admin:pbkdf2-sha256:"));
        assertFalse(text.contains("passphrase"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("users"))));
        assertFalse(out.toString().contains("passphrase"));
        assertEquals(0, run("user", "list", "--users", dir.resolve("users").toString()));
        assertTrue(out.toString().contains("admin"));
    }

    @Test
    void userKeysListsAUsersLoginKeysAndRemovingTheUserTakesThemAway() throws Exception {
        addAdmin();
        assertEquals(0, withStdin("another passphrase\n", "user", "add", "bob", "--users", dir.resolve("users").toString()));
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.KeyPair k = g.generateKeyPair();
        org.jaildesk.server.UserKeys keys = org.jaildesk.server.UserKeys.load(dir.resolve("users.keys"));
        keys.register("admin", org.jaildesk.protocol.KeyLogin.pubKey(k.getPublic()), "laptop", "", java.time.Instant.EPOCH);
        keys.register("bob", org.jaildesk.protocol.KeyLogin.pubKey(g.generateKeyPair().getPublic()), "bob's", "", java.time.Instant.EPOCH);
        out.getBuffer().setLength(0);
        assertEquals(0, run("user", "keys", "admin", "--users", dir.resolve("users").toString()));
        String listed = out.toString();
        assertTrue(listed.contains("1970-01-01T00:00:00Z  laptop  RSA 2048  "
                + org.jaildesk.protocol.KeyLogin.fingerprint(k.getPublic())), listed);
        assertFalse(listed.contains("bob's"), listed);
        assertEquals(0, run("user", "remove", "admin", "--users", dir.resolve("users").toString()));
        assertTrue(out.toString().contains("user admin removed with 1 login key\n"), out.toString());
        out.getBuffer().setLength(0);
        // A name that is no user's is said to be so, not listed as a user without keys; the same for a revoke.
        String usersFile = dir.resolve("users").toString();
        assertEquals(1, run("user", "keys", "admin", "--users", usersFile));
        assertEquals("no user admin in " + usersFile, err.toString().strip());
        assertEquals(1, run("user", "keys", "admin", "--revoke-all", "--users", usersFile));
        assertEquals(1, run("user", "keys", "a\nb", "--users", usersFile));
        assertTrue(err.toString().endsWith("no user a\\u000ab in " + usersFile + "\n"), err.toString());
        assertEquals(1, run("user", "remove", "a\nb", "--users", usersFile));
        assertTrue(err.toString().endsWith("no user a\\u000ab\n"), err.toString());
        assertEquals("", out.toString());
        assertEquals(0, run("user", "keys", "bob", "--revoke-all", "--users", usersFile));
        assertTrue(out.toString().contains("1 login key of bob revoked"), out.toString());
        assertTrue(org.jaildesk.server.UserKeys.load(dir.resolve("users.keys")).of("bob").isEmpty());
        out.getBuffer().setLength(0);
        assertEquals(0, run("user", "keys", "bob", "--users", usersFile));
        assertEquals("no login keys of bob", out.toString().strip());
    }

    /** One key taken away by its fingerprint or nickname; a name that fits none or several takes nothing. */
    @Test
    void userKeysRevokeTakesOneKeyByFingerprintOrNickname() throws Exception {
        addAdmin();
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        org.jaildesk.server.UserKeys keys = org.jaildesk.server.UserKeys.load(dir.resolve("users.keys"));
        java.util.List<java.security.PublicKey> k = new java.util.ArrayList<>();
        for (String nick : java.util.List.of("nightly", "laptop", "laptop")) {
            java.security.PublicKey p = g.generateKeyPair().getPublic();
            k.add(p);
            keys.register("admin", org.jaildesk.protocol.KeyLogin.pubKey(p), nick, "", java.time.Instant.EPOCH);
        }
        String users = dir.resolve("users").toString();
        assertEquals(1, run("user", "keys", "admin", "--revoke", "laptop", "--users", users));
        assertTrue(err.toString().contains("several login keys of admin are called laptop"), err.toString());
        assertEquals(1, run("user", "keys", "admin", "--revoke", "$(x)", "--users", users));
        assertTrue(err.toString().contains("no login key of admin is $(x)"), err.toString());
        assertEquals(3, org.jaildesk.server.UserKeys.load(dir.resolve("users.keys")).of("admin").size(), "nothing taken");
        out.getBuffer().setLength(0);
        assertEquals(0, run("user", "keys", "admin", "--revoke", "nightly", "--users", users), err.toString());
        assertTrue(out.toString().startsWith("revoked: 1970-01-01T00:00:00Z  nightly  RSA 2048"), out.toString());
        assertEquals(0, run("user", "keys", "admin", "--revoke", org.jaildesk.protocol.KeyLogin.fingerprint(k.get(2)),
                "--users", users));
        assertEquals(java.util.List.of(org.jaildesk.protocol.KeyLogin.pubKey(k.get(1))), org.jaildesk.server.UserKeys
                .load(dir.resolve("users.keys")).of("admin").stream().map(org.jaildesk.server.UserKeys.Key::pubKey).toList());
    }

    /** A script's key added with a bad nickname or for a bad name: refused, nothing written. */
    @Test
    void userKeysAddRefusesBadNicknamesAndNamesAndWritesNothing() throws Exception {
        addAdmin();
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path pub = dir.resolve("script.pub");
        Files.writeString(pub, KeyFilesTest.pem("PUBLIC KEY", g.generateKeyPair().getPublic().getEncoded()));
        String users = dir.resolve("users").toString();
        for (String nick : java.util.List.of("two\nlines", "bell\u0007", "n".repeat(10_000_000))) {
            err.getBuffer().setLength(0);
            assertEquals(1, run("user", "keys", "admin", "--add", pub.toString(), "--nickname", nick, "--users", users));
            assertTrue(err.toString().startsWith("cannot add the key: 'nickname'"), err.toString().substring(0, Math.min(80, err.toString().length())));
            assertTrue(err.toString().length() < 200, "the nickname is not echoed");
        }
        for (String name : java.util.List.of("a;b", "$(x)", "nobody")) {
            err.getBuffer().setLength(0);
            assertEquals(1, run("user", "keys", name, "--add", pub.toString(), "--users", users));
            assertTrue(err.toString().contains(" in " + users + ": add them first"), err.toString());
        }
        assertEquals(2, run("user", "keys", "admin", "--nickname", "x", "--users", users), "--nickname without --add");
        assertEquals(2, run("user", "keys", "admin", "--add", pub.toString(), "--revoke", "x", "--users", users));
        assertEquals(2, run("user", "keys", "admin", "--revoke", "x", "--revoke-all", "--users", users));
        assertEquals(2, run("user", "keys", "-f", "--add", pub.toString(), "--users", users));
        assertTrue(org.jaildesk.server.UserKeys.load(dir.resolve("users.keys")).of("admin").isEmpty(), "nothing written");
    }

    @Test
    void aUserAddedReadOnlyIsListedSoAndKeepsItWithANewPassword() throws Exception {
        String users = dir.resolve("users").toString();
        assertEquals(0, withStdin("a long passphrase\n", "user", "add", "viewer", "--role", "read-only", "--users", users));
        assertTrue(out.toString().contains("user viewer (read-only) saved"), out.toString());
        assertEquals(0, withStdin("another passphrase\n", "user", "add", "viewer", "--users", users));
        out.getBuffer().setLength(0);
        assertEquals(0, run("user", "list", "--users", users));
        assertEquals("viewer (read-only)", out.toString().strip());
        assertEquals(0, withStdin("another passphrase\n", "user", "add", "viewer", "--role", "full", "--users", users));
        out.getBuffer().setLength(0);
        assertEquals(0, run("user", "list", "--users", users));
        assertEquals("viewer", out.toString().strip());
        assertEquals(2, withStdin("a long passphrase\n", "user", "add", "viewer", "--role", "root;$(x)", "--users", users));
        assertTrue(err.toString().contains("--role is full or read-only, not 'root;$(x)'"), err.toString());
    }

    @Test
    void userCodesPrintsTheSecretForTheAppOnceAndOffTakesThemAway() throws Exception {
        addAdmin();
        String users = dir.resolve("users").toString();
        out.getBuffer().setLength(0);
        assertEquals(0, run("user", "codes", "admin", "--users", users));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("secret: ([A-Z2-7]{32})").matcher(out.toString());
        assertTrue(m.find(), out.toString());
        assertTrue(out.toString().contains("otpauth://totp/JailDesk%3Aadmin%40"), out.toString());
        assertTrue(org.jaildesk.server.UserStore.load(dir.resolve("users")).needsCode("admin"));
        assertEquals(0, withStdin("a new passphrase\n", "user", "add", "admin", "--users", users));
        assertTrue(org.jaildesk.server.UserStore.load(dir.resolve("users")).needsCode("admin"), "a new password keeps the codes");
        out.getBuffer().setLength(0);
        assertEquals(0, run("user", "list", "--users", users));
        assertEquals("admin (one-time codes)", out.toString().strip());
        assertEquals(0, run("user", "codes", "admin", "--off", "--users", users));
        assertFalse(org.jaildesk.server.UserStore.load(dir.resolve("users")).needsCode("admin"));
        assertFalse(Files.readString(dir.resolve("users")).contains(m.group(1)));
        assertEquals(1, run("user", "codes", "nobody", "--users", users));
    }

    /** The user admin in {@code dir/users}, as the README adds it. */
    private void addAdmin() {
        assertEquals(0, withStdin("a long passphrase\n", "user", "add", "admin", "--users", dir.resolve("users").toString()),
                err.toString());
    }

    /** Runs the command line with {@code text} on standard input. */
    private int withStdin(String text, String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return run(args);
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void userAddRefusesAnEmptyPasswordAndABadName() {
        assertEquals(1, withStdin("", "user", "add", "admin", "--users", dir.resolve("users").toString()));
        assertEquals(2, withStdin("", "user", "add", "-admin", "--users", dir.resolve("users").toString()));
        assertFalse(Files.exists(dir.resolve("users")));
    }

    /** Ten megabytes on one line (or /dev/zero) is refused after reading 1,024 characters; no users file is written. */
    @Test
    void userAddRefusesAPasswordOfMegabytes() {
        assertEquals(1, withStdin("p".repeat(10_000_000), "user", "add", "admin", "--users", dir.resolve("users").toString()));
        assertTrue(err.toString().contains("the password on standard input is too long: use at most 1,024 characters"), err.toString());
        assertFalse(Files.exists(dir.resolve("users")));
    }

    @Test
    void callRefusesAPasswordFileOfMegabytesBeforeConnecting() throws Exception {
        Files.writeString(dir.resolve("pw"), "p".repeat(10_000_000));
        Files.setPosixFilePermissions(dir.resolve("pw"), PosixFilePermissions.fromString("rw-------"));
        assertEquals(1, run("call", "--url", "wss://127.0.0.1:1", "--user", "a", "--password-file", dir.resolve("pw").toString(),
                "listjails"));
        assertTrue(err.toString().contains("is longer than 1,024 characters"), err.toString());
        assertTrue(err.toString().length() < 300, err.toString());
    }

    @Test
    void callRefusesAPasswordFileOthersCanRead() throws Exception {
        Files.writeString(dir.resolve("pw"), "a long passphrase\n");
        Files.setPosixFilePermissions(dir.resolve("pw"), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, run("call", "--url", "wss://127.0.0.1:1", "--user", "a", "--password-file", dir.resolve("pw").toString(),
                "listjails"));
        assertTrue(err.toString().contains("others may read or change it; run: chmod 600 " + dir.resolve("pw")), err.toString());
        assertFalse(err.toString().contains("cannot connect"), "refused before connecting: " + err);
    }

    @Test
    void insecureIsRefusedOffLoopback() {
        assertEquals(2, run("serve", "--demo", "--insecure", "--bind", "0.0.0.0", "--state", dir.toString()));
        assertTrue(err.toString().contains("--insecure is refused on 0.0.0.0"), err.toString());
    }

    /** A session limit out of range or not a number: a usage error before anything is read or listened on. */
    @Test
    void aSessionLimitOutOfRangeIsRefused() throws Exception {
        for (String bad : java.util.List.of("0", "-1", "721", "12h", "$(x)", "1".repeat(100_000))) {
            err.getBuffer().setLength(0);
            assertEquals(2, run("serve", "--demo", "--session-hours", bad, "--state", dir.resolve("never").toString()), bad);
            assertTrue(err.toString().contains("--session-hours"), err.toString());
        }
        assertFalse(java.nio.file.Files.exists(dir.resolve("never")), "nothing made");
    }

    /** A damaged certificate file is never replaced by itself (clients pinned it): a clear message, exit 1. */
    @Test
    void serveRefusesADamagedCertificateAndLeavesIt() throws Exception {
        addAdmin();
        Path p12 = dir.resolve("server.p12");
        Files.writeString(p12, "garbage");
        Files.setPosixFilePermissions(p12, PosixFilePermissions.fromString("rw-------"));
        assertEquals(1, run("serve", "--demo", "--state", dir.toString(), "--port", "0", "--rest-port", "0"));
        assertTrue(err.toString().contains(p12 + " cannot be read as the server's certificate ("), err.toString());
        assertTrue(err.toString().contains("Move it aside to make a new one; clients will then be told that the certificate changed"),
                err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        assertEquals("garbage", Files.readString(p12));
    }

    @Test
    void serveSaysWhenItsStateFolderIsAFile() throws Exception {
        addAdmin();
        Path notAFolder = dir.resolve("state");
        Files.writeString(notAFolder, "x");
        assertEquals(1, run("serve", "--demo", "--state", notAFolder.toString(), "--users", dir.resolve("users").toString(),
                "--port", "0", "--rest-port", "0"));
        assertTrue(err.toString().contains("cannot use the state folder " + notAFolder + ": " + notAFolder
                + " exists and is not a folder"), err.toString());
    }

    /** Ports out of range or the same for both listeners: usage errors before the users file is read. */
    @Test
    void servePortsOutOfRangeOrSharedAreUsageErrors() {
        String[][] cases = {{"--port", "99999", "--rest-port", "12151", "--port takes 1 to 65535, not 99999"},
            {"--port", "12150", "--rest-port", "-1", "--rest-port takes 1 to 65535, not -1"},
            {"--port", "12345", "--rest-port", "12345",
                "--port and --rest-port are both 12345: the WebSocket and the REST listener each need a port of their own"}};
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            assertEquals(2, run("serve", "--demo", c[0], c[1], c[2], c[3], "--state", dir.resolve("never").toString()),
                    String.join(" ", c));
            assertTrue(err.toString().startsWith(c[4] + System.lineSeparator()), err.toString());
            assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        }
        assertFalse(Files.exists(dir.resolve("never")), "nothing made");
    }

    /**
     * A REST port another program holds: the message names it, and the WebSocket listener, already up, is closed
     * again (its port free at once), not left half up.
     */
    @Test
    void serveSaysWhichPortIsTakenAndLeavesNoListenerBehind() throws Exception {
        addAdmin();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int wsPort = probe.getLocalPort();
            probe.close();
            assertEquals(1, run("serve", "--demo", "--state", dir.toString(), "--port", String.valueOf(wsPort),
                    "--rest-port", String.valueOf(taken.getLocalPort())));
            assertTrue(err.toString().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (REST): "), err.toString());
            try (java.net.ServerSocket again = new java.net.ServerSocket()) {
                again.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), wsPort));
            }
        }
    }

    /**
     * A users file given as a folder (say /tmp): said so, with no advice to chmod the folder and no stack trace, for
     * each command that reads it; nothing written into the folder.
     */
    @Test
    void aUsersFileThatIsAFolderIsSaidSo() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        String said = folder + " is a folder, not a file" + System.lineSeparator();
        String[][] commands = {{"user", "add", "admin"}, {"user", "list"}, {"user", "remove", "admin"},
            {"user", "codes", "admin"}, {"user", "keys", "admin", "--revoke-all"}};
        for (String[] c : commands) {
            err.getBuffer().setLength(0);
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(c), java.util.stream.Stream.of("--users",
                    folder.toString())).toArray(String[]::new);
            assertEquals(1, withStdin("a long passphrase\n", args), String.join(" ", c));
            assertEquals(said, err.toString(), String.join(" ", c));
        }
        err.getBuffer().setLength(0);
        assertEquals(1, run("serve", "--demo", "--state", dir.toString(), "--users", folder.toString(), "--port", "0",
                "--rest-port", "0"));
        assertEquals("cannot use the users file: " + said, err.toString());
        try (java.util.stream.Stream<Path> in = Files.list(folder)) {
            assertEquals(0, in.count());
        }
    }

    /** Listing a users file that is not there (a mistyped --users) says so instead of printing nothing. */
    @Test
    void userListSaysWhenThereIsNoUsersFileOrNoUser() throws Exception {
        Path none = dir.resolve("typo");
        assertEquals(1, run("user", "list", "--users", none.toString()));
        assertEquals("no users file " + none + ": add a user with 'jaildesk user add NAME --users " + none + "'"
                + System.lineSeparator(), err.toString());
        assertFalse(Files.exists(none), "nothing made");
        Path empty = Files.createFile(dir.resolve("empty"));
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));
        err.getBuffer().setLength(0);
        assertEquals(0, run("user", "list", "--users", empty.toString()));
        assertEquals("no users in " + empty + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void serveRefusesToStartWithoutUsers() {
        assertEquals(1, run("serve", "--demo", "--state", dir.toString(), "--port", "0", "--rest-port", "0"));
        assertTrue(err.toString().contains("no users"), err.toString());
    }

    @Test
    void callWithUrlNeedsUserAndPasswordFile() {
        assertEquals(2, run("call", "--url", "wss://127.0.0.1:1", "listjails"));
        assertEquals(2, run("call", "--url", "wss://127.0.0.1:1", "--demo", "--user", "a", "--password-file", "x", "listjails"));
    }
}
