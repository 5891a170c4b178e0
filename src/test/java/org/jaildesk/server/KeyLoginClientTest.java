package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.KeyLogins;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.WebSocketOptions;
import org.jaildesk.client.WebSocketTransport;
import org.junit.jupiter.api.Test;

/** The desktop's side of key login against the real server: a key made after the password, then no password. */
class KeyLoginClientTest extends ServerTestBase {

    /** A keyring in memory, as the desktop's is for one host and user. */
    static final class Ring implements KeyLogins {
        volatile PrivateKey kept;
        volatile boolean wanted;
        volatile String failKeep;
        final List<String> told = new CopyOnWriteArrayList<>();

        @Override
        public Optional<PrivateKey> find() {
            return Optional.ofNullable(kept);
        }

        @Override
        public boolean wanted() {
            return wanted;
        }

        @Override
        public void keep(PrivateKey key) throws IOException {
            if (failKeep != null) {
                throw new IOException(failKeep);
            }
            kept = key;
        }

        @Override
        public void forget() {
            kept = null;
        }

        @Override
        public void made(String problem) {
            told.add(problem == null ? "ok" : problem);
        }
    }

    private final AtomicInteger asked = new AtomicInteger();

    private IocageClient client(Ring ring) {
        WebSocketTransport t = new WebSocketTransport(new WebSocketOptions(fx.wsUri(), "admin", () -> {
            asked.incrementAndGet();
            return ServerFixture.PASSWORD.toCharArray();
        }, new KnownHosts(dir.resolve("known")), Duration.ofSeconds(20), Duration.ofSeconds(10), true, ring));
        open.add(t);
        return new IocageClient(t);
    }

    private static int jails(IocageClient c) throws Exception {
        return c.listJails().get(30, TimeUnit.SECONDS).size();
    }

    private void awaitTold(Ring ring) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !ring.told.isEmpty());
    }

    @Test
    void aKeyAskedForWithThePasswordLogsInNextTimeWithoutIt() throws Exception {
        Ring ring = new Ring();
        ring.wanted = true;
        assertEquals(12, jails(client(ring)));
        awaitTold(ring);
        assertEquals(List.of("ok"), ring.told);
        assertEquals(1, asked.get());
        List<UserKeys.Key> registered = UserKeys.load(UserKeys.fileFor(dir.resolve("users"))).of("admin");
        assertEquals(1, registered.size());
        assertTrue(registered.get(0).nickname().startsWith("JailDesk on "), registered.get(0).nickname());
        assertEquals(3072, registered.get(0).key().getModulus().bitLength());

        // A new desktop start: no token, the key logs in.
        assertEquals(12, jails(client(ring)));
        assertEquals(1, asked.get(), "no password asked");
        assertEquals(1, UserKeys.load(UserKeys.fileFor(dir.resolve("users"))).of("admin").size(), "no second key");
    }

    @Test
    void aKeyTheHostNoLongerTakesIsForgottenAndThePasswordAskedAgain() throws Exception {
        Ring ring = new Ring();
        ring.wanted = true;
        jails(client(ring));
        awaitTold(ring);
        UserKeys.load(UserKeys.fileFor(dir.resolve("users"))).keepOnly(List.of()); // jaildesk user keys --revoke-all
        ring.wanted = false;
        assertEquals(12, jails(client(ring)));
        assertEquals(2, asked.get(), "the password after the refused key");
        assertNull(ring.kept, "forgotten");
    }

    @Test
    void aKeyringThatCannotKeepTheKeyRegistersNothingAndTheLoginHolds() throws Exception {
        Ring ring = new Ring();
        ring.wanted = true;
        ring.failKeep = "secret-tool: the keyring is locked";
        IocageClient c = client(ring);
        assertEquals(12, jails(c));
        awaitTold(ring);
        assertEquals(List.of("secret-tool: the keyring is locked"), ring.told);
        assertTrue(UserKeys.load(UserKeys.fileFor(dir.resolve("users"))).of("admin").isEmpty());
        assertEquals(12, jails(c), "still logged in");
    }

    @Test
    void withoutAKeyAskedForNothingIsMade() throws Exception {
        Ring ring = new Ring();
        assertEquals(12, jails(client(ring)));
        assertEquals(12, jails(client(ring)));
        assertEquals(2, asked.get());
        assertTrue(ring.told.isEmpty());
        assertTrue(UserKeys.load(UserKeys.fileFor(dir.resolve("users"))).of("admin").isEmpty());
    }

    @Test
    void aKeyTheHostDoesNotTakeIsNotKeptAndTheHostsWordsAreTold() throws Exception {
        // A keys file others may change: the server takes no key until it is mended.
        java.nio.file.Path keys = UserKeys.fileFor(dir.resolve("users"));
        java.nio.file.Files.writeString(keys, "# keys\n");
        java.nio.file.Files.setPosixFilePermissions(keys, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        Ring ring = new Ring();
        ring.wanted = true;
        IocageClient c = client(ring);
        assertEquals(12, jails(c));
        awaitTold(ring);
        assertEquals(List.of("the login keys cannot be saved on this server"), ring.told);
        assertNull(ring.kept, "not kept where the host did not take it");
        assertEquals(12, jails(c), "the login holds");
    }
}
