package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code listmounts}, {@code addmount} and {@code removemount} extensions: Python iocage's fstab command. */
class MountsTest extends OverFake {

    @Test
    void aJailsMountsAreListedWithTheirPathInsideTheJail() {
        open(FakeIocage.Kind.PYTHON);
        JsonNode m = h.body("listmounts", "jail", "plex").get("mounts").get(0);
        assertEquals(List.of("fstab", "-l", "-h", "plex"), lastCall());
        assertEquals("0", m.get("index").asText());
        assertEquals("/tank/media", m.get("source").asText());
        assertEquals("/mnt/media", m.get("destination").asText());
        assertEquals("/zroot/iocage/jails/plex/root/mnt/media", m.get("path").asText());
        assertEquals("ro", m.get("options").asText());
        assertEquals(0, h.body("listmounts", "jail", "mail").get("mounts").size());
    }

    @Test
    void aMountIsAddedAsSixFieldsWithItsDestinationInsideTheJail() {
        open(FakeIocage.Kind.PYTHON);
        JsonNode body = h.body("addmount", "jail", "mail", "source", "/tank/My Mail", "destination", "/var/mail");
        assertEquals(List.of("fstab", "-a", "mail", "/tank/My Mail", "/var/mail", "nullfs", "ro", "0", "0"), lastCall());
        assertEquals("/tank/My Mail mounted on /var/mail in mail (ro)", body.get("success").asText());
        h.body("addmount", "jail", "mail", "source", "/tank/a", "destination", "/b", "type", "nullfs", "options", "rw,noatime");
        assertEquals(List.of("fstab", "-a", "mail", "/tank/a", "/b", "nullfs", "rw,noatime", "0", "0"), lastCall());
    }

    @Test
    void aDestinationWithAMountAlreadyIsRefusedBeforeIocageRuns() {
        open(FakeIocage.Kind.PYTHON);
        String error = h.body("addmount", "jail", "plex", "source", "/tank/other", "destination", "/mnt/media").get("error").asText();
        assertEquals("/mnt/media in plex has a mount already (/tank/media): remove it first", error);
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.size() > 1 && c.get(1).equals("-a")), "nothing added");
    }

    @Test
    void aMountIsRemovedByItsIndexOnlyWhereItIsStillTheOneListed() {
        open(FakeIocage.Kind.PYTHON);
        String error = h.body("removemount", "jail", "plex", "index", "0", "source", "/tank/other", "destination", "/mnt/media")
                .get("error").asText();
        assertEquals("the mounts of plex changed since they were listed: list them again", error);
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.size() > 1 && c.get(1).equals("-r")), "nothing removed");
        JsonNode body = h.body("removemount", "jail", "plex", "index", "0", "source", "/tank/media", "destination", "/mnt/media");
        assertEquals(List.of("fstab", "-r", "plex", "0"), lastCall());
        assertEquals("/tank/media unmounted from /mnt/media in plex and removed", body.get("success").asText());
    }

    @Test
    void legacyIocageHasNoFstabCommandAndIsNotAsked() {
        open(FakeIocage.Kind.LEGACY_DEVELOP);
        JsonNode listed = h.body("listmounts", "jail", "testjail");
        assertTrue(listed.get("error").asText().startsWith("listmounts is not supported by iocage"), listed.toString());
        assertEquals("true", listed.get("unsupported").asText(), "what the host cannot do at all is marked as such");
        assertTrue(h.body("addmount", "jail", "testjail", "source", "/a", "destination", "/b").get("error").asText()
                .contains("it has no fstab command"));
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.get(0).equals("fstab")), fake.actionCalls().toString());
    }

    static Stream<Arguments> hostile() {
        return Stream.of("-f", "relative/path", "/a/../etc", "/a/./b", "/a#b", "/a\\040b", "/a\nb", "/a\u0000b", "",
                "/" + "x".repeat(1100), "/x".repeat(1024 * 1024 / 2)).flatMap(v -> Stream.of(
                Arguments.of("addmount", new String[] {"jail", "mail", "source", v, "destination", "/mnt/x"}),
                Arguments.of("addmount", new String[] {"jail", "mail", "source", "/tank/x", "destination", v}),
                Arguments.of("removemount", new String[] {"jail", "plex", "index", "0", "source", v, "destination", "/mnt/media"})));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostile")
    void aBadPathRunsNothing(String action, String[] args) {
        open(FakeIocage.Kind.PYTHON);
        ErrorReply e = h.refused(action, args);
        assertEquals("400", e.code(), e.message());
        assertTrue(e.message().length() < 400, "the message does not echo a huge value");
        assertEquals(List.of(), fake.calls(), "nothing ran");
    }

    @Test
    void otherBadFieldsRunNothingEither() {
        open(FakeIocage.Kind.PYTHON);
        assertEquals("400", h.refused("addmount", "jail", "mail", "source", "/a", "destination", "/").code(), "the jail's root");
        assertEquals("400", h.refused("addmount", "jail", "mail", "source", "/a", "destination", "/b", "type", "nullfs;x").code());
        assertEquals("400", h.refused("addmount", "jail", "mail", "source", "/a", "destination", "/b", "options", "-o").code());
        assertEquals("400", h.refused("addmount", "jail", "mail", "source", "/a", "destination", "/b", "options", "ro rw").code());
        assertEquals("400", h.refused("removemount", "jail", "plex", "index", "-1", "source", "/a", "destination", "/b").code());
        assertEquals("400", h.refused("removemount", "jail", "plex", "index", "0;1", "source", "/a", "destination", "/b").code());
        assertEquals("400", h.refused("listmounts", "jail", "$(x)").code());
        assertEquals(List.of(), fake.calls(), "nothing ran");
    }

    /** On the demo host a mount added is listed, a second on its destination refused by iocage's own check too. */
    @Test
    void theDemoHostKeepsAJailsFstab() {
        try (HostHarness sim = new HostHarness(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            sim.body("addmount", "jail", "mail", "source", "/tank/spool", "destination", "/var/spool/mail", "options", "rw");
            JsonNode m = sim.body("listmounts", "jail", "mail").get("mounts").get(0);
            assertEquals("/var/spool/mail", m.get("destination").asText());
            assertEquals("/tank/iocage/jails/mail/root/var/spool/mail", m.get("path").asText());
            assertEquals("rw", m.get("options").asText());
            sim.body("removemount", "jail", "mail", "index", "0", "source", "/tank/spool", "destination", "/var/spool/mail");
            assertEquals(0, sim.body("listmounts", "jail", "mail").get("mounts").size());
            assertEquals("/mnt/media", sim.body("listmounts", "jail", "plex").get("mounts").get(0).get("destination").asText(),
                    "plex has its media library mounted from the start");
        }
    }
}
