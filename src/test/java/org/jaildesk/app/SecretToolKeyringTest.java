package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyring through stand-in {@code secret-tool}s run as real processes: what goes in comes out, and failures say why. */
class SecretToolKeyringTest {

    @TempDir
    Path dir;
    private static KeyPair pair;

    @BeforeAll
    static void key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        pair = g.generateKeyPair();
    }

    private Path tool(String body) throws IOException {
        Path t = dir.resolve("secret-tool");
        Files.writeString(t, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwx------"));
        return t;
    }

    @Test
    void aKeyKeptIsFoundForItsHostAndUserOnlyAndForgotten() throws Exception {
        // Records its arguments one a line, and keeps what it is given on standard input.
        SecretToolKeyring ring = new SecretToolKeyring(tool("""
                for a in "$@"; do printf '%%s\\n' "$a"; done >> '%s/args'
                verb=$1; shift; [ "$verb" = store ] && shift
                f='%s/'$(printf '%%s' "$*" | tr -c 'A-Za-z0-9' '_')
                case $verb in store) cat > "$f" ;; lookup) [ -f "$f" ] && cat "$f" || exit 1 ;; clear) rm -f "$f" ;; esac
                """.formatted(dir, dir)));
        ring.keep("nas:12150", "a;b $(x)", pair.getPrivate());
        assertEquals(pair.getPrivate(), ring.find("nas:12150", "a;b $(x)").orElseThrow());
        assertTrue(ring.find("nas:12150", "admin").isEmpty(), "another user's");
        assertTrue(ring.find("nas2:12150", "a;b $(x)").isEmpty(), "another host's");
        String args = Files.readString(dir.resolve("args"));
        assertTrue(args.contains("\nuser\na;b $(x)\n"), "the user is one argument, as given: " + args);
        assertTrue(args.startsWith("store\n--label=JailDesk login key of a;b $(x)@nas:12150\napplication\njaildesk\nhost\nnas:12150\n"), args);
        assertTrue(!args.contains("MII"), "the key never goes in the arguments");
        ring.forget("nas:12150", "a;b $(x)");
        assertTrue(ring.find("nas:12150", "a;b $(x)").isEmpty());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void whetherAKeyringIsThereIsAskedOnceWithASearchThatMatchesNothing() throws Exception {
        SecretToolKeyring there = new SecretToolKeyring(tool("for a in \"$@\"; do printf '[%s]' \"$a\"; done >> '" + dir + "/probe'; exit 0"));
        assertTrue(there.answers().get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(there.answers().get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("[search][application][jaildesk][host][][user][]", Files.readString(dir.resolve("probe")),
                "one search, for no host and no user: no item is read, no keyring asked to unlock");
        // An older libsecret ends a search that found nothing with 1, saying nothing.
        assertTrue(new SecretToolKeyring(tool("exit 1")).answers().get(30, java.util.concurrent.TimeUnit.SECONDS));
        // The tool without a keyring to reach (no session bus, no Secret Service), or one that never answers.
        assertFalse(new SecretToolKeyring(tool("echo 'secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY' >&2; exit 1"))
                .answers().get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertFalse(new SecretToolKeyring(tool("exec sleep 600"), 1).answers().get(30, java.util.concurrent.TimeUnit.SECONDS));
        // A keyring started later is found: no answer is asked again.
        SecretToolKeyring later = new SecretToolKeyring(tool("echo 'secret-tool: no such service' >&2; exit 1"));
        assertFalse(later.answers().get(30, java.util.concurrent.TimeUnit.SECONDS));
        tool("exit 0");
        assertTrue(later.answers().get(30, java.util.concurrent.TimeUnit.SECONDS));
    }

    @Test
    void aKeyringThatCannotKeepSaysWhyInItsOwnWords() throws Exception {
        SecretToolKeyring ring = new SecretToolKeyring(tool("cat > /dev/null; echo 'secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY' >&2; exit 1"));
        IOException e = assertThrows(IOException.class, () -> ring.keep("nas:12150", "admin", pair.getPrivate()));
        assertEquals("secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY", e.getMessage());
        SecretToolKeyring silent = new SecretToolKeyring(tool("exit 3"));
        assertEquals("secret-tool could not keep the key (3)",
                assertThrows(IOException.class, () -> silent.keep("nas:12150", "admin", pair.getPrivate())).getMessage());
    }

    /** Within a bound: a tool that prints too much is stopped at once, not left writing until its wait is over. */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void whatIsNoKeyOrTooMuchIsNoKey() throws Exception {
        assertTrue(new SecretToolKeyring(tool("echo 'not base64 at all'")).find("nas:12150", "admin").isEmpty());
        assertTrue(new SecretToolKeyring(tool("echo QUJD")).find("nas:12150", "admin").isEmpty(), "Base64, but no key");
        assertTrue(new SecretToolKeyring(tool("head -c 200000 /dev/zero | tr '\\\\0' A")).find("nas:12150", "admin").isEmpty());
        assertTrue(new SecretToolKeyring(dir.resolve("missing")).find("nas:12150", "admin").isEmpty(), "no tool there");
    }

    /** A keyring waiting to be unlocked that nobody unlocks: the wait ends, and the login goes on without a key. */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aToolThatNeverAnswersIsStoppedAfterItsWait() throws Exception {
        SecretToolKeyring ring = new SecretToolKeyring(tool("exec sleep 600"), 1);
        assertTrue(ring.find("nas:12150", "admin").isEmpty());
        IOException e = assertThrows(IOException.class, () -> ring.keep("nas:12150", "admin", pair.getPrivate()));
        assertEquals("secret-tool gave no answer within 1 s", e.getMessage());
    }
}
