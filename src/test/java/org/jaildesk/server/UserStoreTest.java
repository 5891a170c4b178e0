package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesOnlyASaltedHashInAnOwnerOnlyFile() throws Exception {
        Path f = dir.resolve("sub/users");
        UserStore s = UserStore.load(f);
        s.put("admin", "s3cret-passphrase".toCharArray());
        String text = Files.readString(f);
        assertFalse(text.contains("s3cret"));
        assertTrue(text.contains("admin:pbkdf2-sha256:210000:"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        UserStore again = UserStore.load(f);
        assertTrue(again.verify("admin", "s3cret-passphrase".toCharArray()));
        assertFalse(again.verify("admin", "s3cret-passphrasE".toCharArray()));
        assertFalse(again.verify("nobody", "s3cret-passphrase".toCharArray()));
        assertFalse(again.verify(null, new char[0]));
    }

    @Test
    void refusesAUsersFileOthersCanRead() throws Exception {
        Path f = dir.resolve("users");
        UserStore.load(f).put("admin", "s3cret-passphrase".toCharArray());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> UserStore.load(f));
        assertTrue(e.getMessage().contains("chmod 600"));
    }

    @Test
    void refusesBadNamesAndShortPasswords() throws Exception {
        UserStore s = UserStore.load(dir.resolve("users"));
        assertThrows(IllegalArgumentException.class, () -> s.put("-root", "longenough".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> s.put("a:b", "longenough".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> s.put("admin", "short".toCharArray()));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> s.put("admin", "p".repeat(UserStore.MAX_PASSWORD + 1).toCharArray()));
        assertEquals("the password is too long: use at most 1,024 characters", tooLong.getMessage());
        s.put("admin", "p".repeat(UserStore.MAX_PASSWORD).toCharArray());
        assertTrue(s.verify("admin", "p".repeat(UserStore.MAX_PASSWORD).toCharArray()));
    }

    @Test
    void aPasswordOfMegabytesIsWrongWithoutBeingHashed() throws Exception {
        UserStore s = UserStore.load(dir.resolve("users"));
        s.put("admin", "longenough".toCharArray());
        long before = s.derivations();
        assertFalse(s.verify("admin", "x".repeat(10_000_000).toCharArray()));
        assertEquals(before, s.derivations());
    }

    @Test
    void aPasswordThatPassedIsRememberedForItsUserForFiveMinutes() throws Exception {
        UserStore s = UserStore.load(dir.resolve("users"));
        s.put("admin", "s3cret-passphrase".toCharArray());
        s.put("ops", "other-passphrase".toCharArray());
        long[] now = {1_000};
        s.clock(() -> now[0]);
        long before = s.derivations();
        assertTrue(s.verify("admin", "s3cret-passphrase".toCharArray()));
        assertTrue(s.verify("admin", "s3cret-passphrase".toCharArray()));
        assertTrue(s.verify("admin", "s3cret-passphrase".toCharArray()));
        assertEquals(before + 1, s.derivations(), "one PBKDF2 check, then remembered");

        // Anything but the same password for the same user takes the full path and fails.
        assertFalse(s.verify("admin", "s3cret-passphrasE".toCharArray()));
        assertFalse(s.verify("admin", "s3cret-passphrase ".toCharArray()));
        assertFalse(s.verify("admin", new char[0]));
        assertFalse(s.verify("ops", "s3cret-passphrase".toCharArray()));
        assertFalse(s.verify("nobody", "s3cret-passphrase".toCharArray()));
        assertEquals(before + 6, s.derivations());
        assertTrue(s.verify("admin", "s3cret-passphrase".toCharArray()), "a wrong try does not forget the right one");
        assertEquals(before + 6, s.derivations());

        // Remembered from the check, not from the last use: five minutes later it is checked in full again.
        now[0] += UserStore.REMEMBER.toNanos() - 1;
        assertTrue(s.verify("admin", "s3cret-passphrase".toCharArray()));
        assertEquals(before + 6, s.derivations());
        now[0] += 1;
        assertTrue(s.verify("admin", "s3cret-passphrase".toCharArray()));
        assertEquals(before + 7, s.derivations());
    }

    @Test
    void aChangedOrRemovedUserIsNotLetInByARememberedPassword() throws Exception {
        UserStore s = UserStore.load(dir.resolve("users"));
        s.put("admin", "first-passphrase".toCharArray());
        assertTrue(s.verify("admin", "first-passphrase".toCharArray()));
        s.put("admin", "second-passphrase".toCharArray());
        assertFalse(s.verify("admin", "first-passphrase".toCharArray()));
        assertTrue(s.verify("admin", "second-passphrase".toCharArray()));
        assertTrue(s.remove("admin"));
        assertFalse(s.verify("admin", "second-passphrase".toCharArray()));
    }

    /** jaildesk user add and remove while the server runs: seen within a second, without a restart. */
    @Test
    void aUserAddedOrRemovedByAnotherProcessIsSeenWithinASecondAndADamagedFileLetsNobodyIn() throws Exception {
        Path f = dir.resolve("users");
        UserStore server = UserStore.load(f);
        server.put("admin", "s3cret-passphrase".toCharArray());
        long[] now = {1_000};
        server.clock(() -> now[0]);
        assertTrue(server.verify("admin", "s3cret-passphrase".toCharArray()));
        UserStore cli = UserStore.load(f);
        cli.put("bob", "bobs-passphrase".toCharArray());
        assertFalse(server.exists("bob"), "not looked at again within the second");
        now[0] += UserStore.LOOK_EVERY.toNanos();
        assertTrue(server.exists("bob"));
        assertTrue(server.verify("bob", "bobs-passphrase".toCharArray()));
        UserStore.load(f).remove("admin");
        now[0] += UserStore.LOOK_EVERY.toNanos();
        assertFalse(server.exists("admin"));
        assertFalse(server.verify("admin", "s3cret-passphrase".toCharArray()), "not let in by the remembered password");
        assertEquals(List.of("bob"), server.names());

        Files.writeString(f, "bob:not a users line\n");
        now[0] += UserStore.LOOK_EVERY.toNanos();
        assertFalse(server.verify("bob", "bobs-passphrase".toCharArray()));
        assertTrue(server.names().isEmpty(), "a file that cannot be read lets nobody in");
    }
}
