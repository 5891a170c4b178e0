package org.jaildesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.JailSnapshot;
import org.jaildesk.domain.Size;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Snapshots on the demo host in both dialects, through the client: a rollback brings back the settings the jail had
 * (they live in its dataset) and destroys the snapshots taken after it; the demo's saved state keeps them.
 */
class SnapshotScenarioTest {

    @TempDir
    Path dir;

    private static List<String> names(IocageClient c, String jail) {
        return c.listSnapshots(jail).join().stream().map(JailSnapshot::name).toList();
    }

    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void takeChangeRollBackRemove(SimulatedIocage.Flavor flavor) {
        SimulatedIocage.Config config = SimulatedIocage.Config.instant(flavor).withStateDir(dir);
        try (IocageHost host = new IocageHost(new SimulatedIocage(config), HostOptions.defaults())) {
            IocageClient c = new IocageClient(new InProcessTransport(host));
            assertEquals(List.of(), names(c, "mail"), "a jail starts without snapshots");
            assertEquals("clean", c.takeSnapshot("mail", "clean").join());
            c.setJailSettings("mail", Map.of("notes", "changed")).join();
            String second = c.takeSnapshot("mail", "").join();
            assertEquals(List.of("clean", second), names(c, "mail"), "oldest first");
            JailSnapshot clean = c.listSnapshots("mail").join().get(0);
            assertEquals(Size.Kind.BYTES, clean.referenced().kind());
            assertTrue(clean.used().bytes() > 0, "the jail changed after it: it holds space of its own");
            assertEquals(0, c.listSnapshots("mail").join().get(1).used().bytes(), "nothing changed after the newest");
            assertTrue(clean.created().matches("\\w{3} \\w{3} [ \\d]\\d [ \\d]\\d:\\d\\d \\d{4}"), clean.created());

            CompletionException taken = assertThrows(CompletionException.class, () -> c.takeSnapshot("mail", "clean").join());
            assertTrue(taken.getCause().getMessage().contains("exists"), taken.getCause().getMessage());

            assertEquals("clean", c.rollbackJail("mail", "clean").join());
            assertEquals("none", c.getJailSetting("mail", "notes").join(), "the settings of the snapshot's time");
            assertEquals(List.of("clean"), names(c, "mail"), "the later snapshot went with the rollback");

            CompletionException running = assertThrows(CompletionException.class, () -> c.rollbackJail("db01", "x").join());
            assertTrue(running.getCause().getMessage().contains("db01 is running"), running.getCause().getMessage());
        }
        try (IocageHost host = new IocageHost(new SimulatedIocage(config), HostOptions.defaults())) {
            IocageClient c = new IocageClient(new InProcessTransport(host));
            assertEquals(List.of("clean"), names(c, "mail"), "kept in the demo's saved state");
            assertEquals("clean", c.removeSnapshot("mail", "clean").join());
            assertEquals(List.of(), names(c, "mail"));
        }
    }
}
