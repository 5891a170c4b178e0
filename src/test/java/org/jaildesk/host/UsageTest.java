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

/** The {@code jailusage} extension: one {@code ps} for the whole host, added up per running jail. */
class UsageTest {

    @TempDir
    Path dir;

    /** A stand-in for FreeBSD's ps that notes its arguments and locale, prints {@code out} and exits with {@code code}. */
    private Path fakePs(String out, int code) throws Exception {
        return FakeTool.write(dir, "ps", out, "said on stderr", code);
    }

    private HostHarness over(Path ps, ProcessRunner.Privilege privilege) {
        return HostHarness.overTool(dir, Tool.PS, ps, privilege);
    }

    @Test
    void theHostsPsIsRunOnceWithoutPrivilegeInTheCLocaleAndAddedUpPerJail() throws Exception {
        Path ps = fakePs("    0  0.0 11820\n    3 12.5 40960\n    3  0.4  1024\n   12  0.0  2048\n", 0);
        List<ExecutedCommand> ran = new ArrayList<>();
        // Privilege set for iocage: ps, which needs none, runs without it (sudo would not find the stand-in).
        try (HostHarness h = over(ps, ProcessRunner.Privilege.SUDO)) {
            h.host.onCommand(ran::add);
            JsonNode usage = h.body("jailusage").get("usage");
            assertEquals(2, usage.size());
            assertEquals("3", usage.get(0).get("jid").asText());
            assertEquals("2", usage.get(0).get("processes").asText());
            assertEquals("12.9", usage.get(0).get("cpu").asText());
            assertEquals(String.valueOf(41_984L * 1024), usage.get(0).get("memory").asText());
            assertEquals("12", usage.get(1).get("jid").asText());
        }
        assertEquals(List.of("LC_ALL=C", "-ax", "-o", "jid=", "-o", "pcpu=", "-o", "rss="), FakeTool.noted(dir, "ps"));
        assertEquals(1, ran.size());
        assertEquals(List.of("ps", "-ax", "-o", "jid=", "-o", "pcpu=", "-o", "rss="), ran.get(0).commandLine(),
                "the protocol log shows what ran");
    }

    @Test
    void aFailingPsIsAnErrorWithWhatItSaid() throws Exception {
        try (HostHarness h = over(fakePs("", 1), ProcessRunner.Privilege.NONE)) {
            assertEquals("ps failed (exit 1): said on stderr", h.body("jailusage").get("error").asText());
        }
    }

    /** A ps that says megabytes in its last line is quoted short. */
    @Test
    void aFailingPsThatSaysMuchIsQuotedShort() throws Exception {
        Path ps = fakePs("", 1);
        Files.writeString(ps, "#!/bin/sh\nhead -c 1000000 /dev/zero | tr '\\0' x >&2\nexit 1\n");
        try (HostHarness h = over(ps, ProcessRunner.Privilege.NONE)) {
            String error = h.body("jailusage").get("error").asText();
            assertTrue(error.startsWith("ps failed (exit 1): xxx") && error.length() < 400, error.length() + " characters");
        }
    }

    @Test
    void outputThatIsNotPssIsAnErrorNotZeros() throws Exception {
        try (HostHarness h = over(fakePs("  JID %CPU RSS\n    3 1.0 100\n", 0), ProcessRunner.Privilege.NONE)) {
            String error = h.body("jailusage").get("error").asText();
            assertTrue(error.startsWith("ps printed output JailDesk cannot read: "), error);
        }
    }

    @Test
    void aRunnerWithoutPsSaysSo() {
        CommandRunner iocageOnly = spec -> new CommandResult(0, "", "", false, false, java.time.Duration.ZERO);
        try (HostHarness h = new HostHarness(iocageOnly)) {
            assertTrue(h.body("jailusage").get("error").asText().endsWith("cannot run ps"));
        }
    }

    /** The demo host answers for its running jails, under the JIDs its listing gives them; ps is not an iocage call. */
    @Test
    void theDemoHostsRunningJailsHaveUsageUnderTheirListedJids() {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        try (HostHarness h = new HostHarness(sim)) {
            JsonNode jails = h.body("listjails");
            long before = sim.commandCount();
            JsonNode usage = h.body("jailusage").get("usage");
            assertEquals(before, sim.commandCount(), "ps is not counted as iocage");
            List<String> running = new ArrayList<>();
            jails.fields().forEachRemaining(e -> {
                if (e.getValue().get("state").asText().equals("up")) {
                    running.add(e.getValue().get("jid").asText());
                }
            });
            List<String> listed = new ArrayList<>();
            usage.forEach(u -> listed.add(u.get("jid").asText()));
            assertEquals(running.stream().sorted().toList(), listed.stream().sorted().toList());
            usage.forEach(u -> assertTrue(Long.parseLong(u.get("memory").asText()) > 0, u.toString()));
            h.body("stopjail", "jail", "db01");
            assertEquals(running.size() - 1, h.body("jailusage").get("usage").size(), "a stopped jail has none");
        }
    }
}
