package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailSnapshot;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;

/**
 * The {@code upgradejail} extension: a snapshot the host takes, then Python iocage's {@code upgrade -r} as a long job;
 * what is not an upgrade is refused before anything runs, and on the demo host a rollback undoes it.
 */
class UpgradeTest extends OverFake {

    @Test
    void aSnapshotFirstThenTheUpgradeWhoseLinesAreProgress() {
        open(FakeIocage.Kind.PYTHON);
        List<String> lines = progressLines(h.host);
        JsonNode body = h.body("upgradejail", "jail", "mail", "release", "14.1-RELEASE");
        List<List<String>> calls = fake.actionCalls();
        int snapshot = -1;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).get(0).equals("snapshot")) {
                snapshot = i;
            }
        }
        assertTrue(snapshot >= 0, calls.toString());
        String name = calls.get(snapshot).get(2);
        assertTrue(name.matches("before_upgrade_to_14\\.1-RELEASE_\\d{4}-\\d{2}-\\d{2}_\\d{2}:\\d{2}:\\d{2}"), name);
        assertEquals(List.of("snapshot", "-n", name, "mail"), calls.get(snapshot));
        assertEquals(List.of("upgrade", "-r", "14.1-RELEASE", "mail"), calls.get(snapshot + 1), "the upgrade after the snapshot");
        assertEquals(name, body.get("snapshot").asText());
        assertTrue(lines.contains("Fetching metadata signature for 14.1-RELEASE from update1.freebsd.org... done."), lines.toString());
        assertTrue(Protocol.isLong("upgradejail") && Protocol.changesHost("upgradejail", body), "freebsd-update may take long");
        assertTrue(Protocol.EXTENSION_ACTIONS.contains("upgradejail"));
    }

    /** Not an upgrade, or no release to upgrade to: refused with a reason, and neither snapshot nor upgrade runs. */
    @Test
    void whatIsNoUpgradeRunsNothing() {
        open(FakeIocage.Kind.PYTHON);
        for (String bad : List.of("-f", "a;b", "$(x)", "14.1-RELEASE\n", "14.1-RELEASE-p2", "latest", "x".repeat(10_000_000))) {
            assertEquals("400", h.refused("upgradejail", "jail", "mail", "release", bad).code(), bad.length() > 40 ? "10 MB" : bad);
        }
        assertEquals("400", h.refused("upgradejail", "jail", "-f", "release", "14.1-RELEASE").code());
        assertEquals("400", h.refused("upgradejail", "jail", "mail").code(), "no release");
        assertEquals("mail is at 13.2-RELEASE-p4: 13.2-RELEASE is no newer release to upgrade to",
                h.body("upgradejail", "jail", "mail", "release", "13.2-RELEASE").get("error").asText());
        assertEquals("mail is at 13.2-RELEASE-p4: 12.4-RELEASE is no newer release to upgrade to",
                h.body("upgradejail", "jail", "mail", "release", "12.4-RELEASE").get("error").asText());
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.get(0).equals("upgrade") || c.get(0).equals("snapshot")),
                fake.actionCalls().toString());
    }

    @Test
    void legacyIsRefusedBeforeAnythingRuns() {
        open(FakeIocage.Kind.LEGACY_DEVELOP);
        JsonNode body = h.body("upgradejail", "jail", "testjail", "release", "14.1-RELEASE");
        assertTrue(body.get("error").asText().startsWith("upgradejail is not supported by iocage"), body.toString());
        assertEquals("true", body.get("unsupported").asText());
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.get(0).equals("upgrade") || c.get(0).equals("snapshot")));
    }

    /** On the demo host the jail reaches the new release, and a rollback to the host's snapshot brings the old one back. */
    @Test
    void anUpgradeCanBeRolledBack() {
        try (IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            IocageClient c = new IocageClient(new InProcessTransport(host));
            List<String> lines = progressLines(host);
            String said = c.upgradeJail("mail", "14.1-RELEASE").join();
            assertTrue(said.startsWith("mail upgraded from 13.2-RELEASE-p4 to 14.1-RELEASE-p3; snapshot before_upgrade_to_14.1-RELEASE_"), said);
            assertTrue(lines.contains("mail successfully upgraded from 13.2-RELEASE-p4 to 14.1-RELEASE-p3!"), lines.toString());
            Jail mail = find(c, "mail");
            assertEquals("14.1-RELEASE-p3", mail.release());
            assertTrue(!mail.isRunning(), "a stopped jail is stopped again");
            List<JailSnapshot> snaps = c.listSnapshots("mail").join();
            assertEquals(1, snaps.size());
            c.rollbackJail("mail", snaps.get(0).name()).join();
            assertEquals("13.2-RELEASE-p4", find(c, "mail").release());

            // iocage's own refusals come back as the host's error.
            Throwable empty = assertThrows(CompletionException.class, () -> c.upgradeJail("test-empty", "14.1-RELEASE").join()).getCause();
            assertTrue(empty instanceof IocageClientException);
            assertEquals("test-empty has no release to upgrade (EMPTY)", empty.getMessage());
            Throwable unknown = assertThrows(CompletionException.class, () -> c.upgradeJail("mail", "15.1-RELEASE").join()).getCause();
            assertTrue(unknown.getMessage().contains("Error occured, jail not upgraded!"), unknown.getMessage());
            assertTrue(unknown.getMessage().matches("(?s).*; the snapshot before_upgrade_to_15\\.1-RELEASE_\\S+ taken before it is kept:"
                    + " roll back to it if the jail does not work, or remove it"), unknown.getMessage());
        }
    }

    private static Jail find(IocageClient c, String name) {
        return c.listJails().join().stream().filter(j -> j.displayName().equals(name)).findFirst().orElseThrow();
    }
}
