package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code listotherjails} extension: one {@code jls} for the whole host, iocage's own jails left out. */
class OtherJailsTest {

    @TempDir
    Path dir;

    private static final String JLS = "{\"__version\": \"2\", \"jail-information\": {\"jail\": ["
            + "{\"jid\":1,\"hostname\":\"db01\",\"path\":\"/tank/iocage/jails/db01/root\",\"name\":\"ioc-db01\",\"state\":\"ACTIVE\","
            + "\"cpusetid\":2, \"ipv4_addrs\": [\"192.168.1.21\"], \"ipv6_addrs\": []},"
            + "{\"jid\":7,\"hostname\":\"www.example.lan\",\"path\":\"/usr/local/bastille/jails/www/root\",\"name\":\"www\","
            + "\"state\":\"ACTIVE\",\"cpusetid\":8, \"ipv4_addrs\": [\"10.0.0.5\",\"10.0.0.6\"], \"ipv6_addrs\": [\"fd00::5\"]}]}}\n";

    private HostHarness over(Path jls, ProcessRunner.Privilege privilege) {
        return HostHarness.overTool(dir, Tool.JLS, jls, privilege);
    }

    @Test
    void theHostsJlsIsRunOnceWithoutPrivilegeAndOnlyTheOtherJailsAnswered() throws Exception {
        Path jls = FakeTool.write(dir, "jls", JLS, null, 0);
        List<ExecutedCommand> ran = new ArrayList<>();
        try (HostHarness h = over(jls, ProcessRunner.Privilege.SUDO)) {
            h.host.onCommand(ran::add);
            JsonNode jails = h.body("listotherjails").get("jails");
            assertEquals(1, jails.size(), jails.toString());
            JsonNode www = jails.get(0);
            assertEquals("7", www.get("jid").asText());
            assertEquals("www", www.get("name").asText());
            assertEquals("www.example.lan", www.get("hostname").asText());
            assertEquals("/usr/local/bastille/jails/www/root", www.get("path").asText());
            assertEquals("10.0.0.5,10.0.0.6", www.get("ip4").asText());
            assertEquals("fd00::5", www.get("ip6").asText());
        }
        assertEquals(List.of("LC_ALL=C", "--libxo", "json", "-v"), FakeTool.noted(dir, "jls"));
        assertEquals(1, ran.size());
        assertEquals(List.of("jls", "--libxo", "json", "-v"), ran.get(0).commandLine(), "the protocol log shows what ran");
    }

    @Test
    void aFailingJlsIsAnErrorWithWhatItSaid() throws Exception {
        try (HostHarness h = over(FakeTool.write(dir, "jls", "", "jls: unknown parameter: x", 1), ProcessRunner.Privilege.NONE)) {
            assertEquals("jls failed (exit 1): jls: unknown parameter: x", h.body("listotherjails").get("error").asText());
        }
    }

    /** A jls too old for libxo prints its table: an error, never an empty list that would say "no other jails". */
    @Test
    void outputThatIsNotJlssJsonIsAnError() throws Exception {
        Path jls = FakeTool.write(dir, "jls", "   JID  IP Address      Hostname    Path\n     7  10.0.0.5   www   /j\n", null, 0);
        try (HostHarness h = over(jls, ProcessRunner.Privilege.NONE)) {
            String error = h.body("listotherjails").get("error").asText();
            assertTrue(error.startsWith("jls printed output JailDesk cannot read: "), error);
            assertTrue(error.length() < 500, error);
        }
    }

    /** Megabytes of output are refused whole and quoted short. */
    @Test
    void tenMegabytesOfOutputAreRefusedShort() throws Exception {
        Path jls = FakeTool.write(dir, "jls", "", null, 0);
        Files.writeString(jls, "#!/bin/sh\nhead -c 10000000 /dev/zero | tr '\\0' x\nexit 0\n");
        try (HostHarness h = over(jls, ProcessRunner.Privilege.NONE)) {
            String error = h.body("listotherjails").get("error").asText();
            assertTrue(error.length() < 500, error.length() + " characters");
        }
    }

    @Test
    void extraArgumentsRunNothingElse() throws Exception {
        Path jls = FakeTool.write(dir, "jls", JLS, null, 0);
        try (HostHarness h = over(jls, ProcessRunner.Privilege.NONE)) {
            JsonNode jails = h.body("listotherjails", "jail", "$(x);-f").get("jails");
            assertEquals(1, jails.size());
        }
        assertEquals(List.of("LC_ALL=C", "--libxo", "json", "-v"), FakeTool.noted(dir, "jls"));
    }

    /** The demo host has jails of other tools beside its own running ones, which jls names ioc-…; jls is not iocage. */
    @Test
    void theDemoHostShowsThreeJailsOfOtherTools() {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        try (HostHarness h = new HostHarness(sim)) {
            long before = sim.commandCount();
            JsonNode jails = h.body("listotherjails").get("jails");
            assertEquals(before, sim.commandCount(), "jls is not counted as iocage");
            List<String> names = new ArrayList<>();
            jails.forEach(j -> names.add(j.get("name").asText()));
            assertEquals(List.of("www", "ns1", "pg-build"), names);
            JsonNode listed = h.body("listjails");
            List<String> jids = new ArrayList<>();
            listed.fields().forEachRemaining(e -> jids.add(e.getValue().get("jid").asText()));
            jails.forEach(j -> assertTrue(!jids.contains(j.get("jid").asText()), "a JID of its own: " + j));
        }
    }

    @Test
    void theLegacyDemoHostToo() {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.LEGACY));
        try (HostHarness h = new HostHarness(sim)) {
            assertEquals(3, h.body("listotherjails").get("jails").size());
        }
    }
}
