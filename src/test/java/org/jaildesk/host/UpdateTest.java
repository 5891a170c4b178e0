package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailSnapshot;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@code updatejail} extension: iocage's update as a long job, and on the demo host what a rollback undoes. */
class UpdateTest extends OverFake {

    @Test
    void pythonUpdatesByNameAndItsLinesAreProgress() {
        open(FakeIocage.Kind.PYTHON);
        List<String> lines = progressLines(h.host);
        JsonNode body = h.body("updatejail", "jail", "mail");
        List<List<String>> calls = fake.actionCalls();
        assertTrue(calls.contains(List.of("update", "mail")), calls.toString());
        assertEquals("mail is at 13.2-RELEASE-p4 already", body.get("success").asText(), "the fake changes nothing");
        assertTrue(lines.contains("* Updating mail to the latest patch level..."), lines.toString());
        assertTrue(Protocol.isLong("updatejail"), "freebsd-update may take long: a long action's limits");
    }

    @Test
    void packagesTooIsPythonsDashP() {
        open(FakeIocage.Kind.PYTHON);
        h.body("updatejail", "jail", "mail", "packages", "yes");
        assertTrue(fake.actionCalls().contains(List.of("update", "-P", "mail")), fake.actionCalls().toString());
        h.body("updatejail", "jail", "mail", "packages", "no");
        assertTrue(fake.actionCalls().contains(List.of("update", "mail")), fake.actionCalls().toString());
        assertEquals("packages is yes or no, not 'maybe'", h.refused("updatejail", "jail", "mail", "packages", "maybe").message());
    }

    @Test
    void legacyHasNoDashPAndRunsNothingForIt() {
        open(FakeIocage.Kind.LEGACY_DEVELOP);
        assertTrue(h.body("updatejail", "jail", "testjail", "packages", "yes").get("error").asText()
                .startsWith("updatejail with packages=yes is not supported by iocage"));
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.get(0).equals("update")), "no update ran");
    }

    @Test
    void legacyUpdatesTheUuid() {
        open(FakeIocage.Kind.LEGACY_DEVELOP);
        h.body("updatejail", "jail", "testjail");
        assertTrue(fake.actionCalls().contains(List.of("update", "611c89ae-c43c-11e5-9602-54ee75595566")));
        assertEquals("400", h.refused("updatejail", "jail", "-f").code());
    }

    /** On the demo host the jail reaches its release's newest patch, after a snapshot a rollback goes back to. */
    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void anUpdateCanBeRolledBack(SimulatedIocage.Flavor flavor) {
        try (IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(flavor)), HostOptions.defaults())) {
            IocageClient c = new IocageClient(new InProcessTransport(host));
            Jail mail = c.listJails().join().stream().filter(j -> j.displayName().equals("mail")).findFirst().orElseThrow();
            boolean python = flavor == SimulatedIocage.Flavor.PYTHON;
            // Legacy iocage lists the release without its patch level.
            assertEquals(python ? "13.2-RELEASE-p4" : "13.2-RELEASE", mail.release());
            assertEquals(python ? "mail updated from 13.2-RELEASE-p4 to 13.2-RELEASE-p6"
                    : "mail updated to the latest patch level of 13.2-RELEASE", c.updateJail(mail.id(), false).join());
            Jail after = c.listJails().join().stream().filter(j -> j.id().equals(mail.id())).findFirst().orElseThrow();
            assertEquals(mail.state(), after.state(), "a stopped jail is stopped again");
            List<JailSnapshot> snaps = c.listSnapshots(mail.id()).join();
            assertEquals(1, snaps.size());
            assertTrue(snaps.get(0).name().startsWith(python ? "ioc_update_13.2-RELEASE-p4_" : "ioc-"), snaps.get(0).name());
            if (python) {
                List<String> lines = progressLines(host);
                c.updateJail(mail.id(), true).join();
                assertTrue(lines.contains("[mail] [1/2] Upgrading curl from 8.4.0 to 8.5.0..."), lines.toString());
                assertEquals("13.2-RELEASE-p6", after.release());
                assertEquals("mail is at 13.2-RELEASE-p6 already", c.updateJail(mail.id(), false).join());
                c.rollbackJail(mail.id(), snaps.get(0).name()).join();
                assertEquals("13.2-RELEASE-p4", c.listJails().join().stream().filter(j -> j.id().equals(mail.id()))
                        .findFirst().orElseThrow().release(), "the rollback undid the update");
            }
        }
    }
}
