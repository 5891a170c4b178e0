package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code consolelog} extension: where iocage keeps its logs ({@code zfs get} of the pool's iocage dataset), then
 * the end of the jail's {@code ioc-<name>-console.log} with this machine's real {@code tail}; the demo host's made-up
 * logs; nothing run for a name that is no jail's.
 */
class ConsoleLogsTest {

    @TempDir
    Path dir;

    /** A Python iocage, a zfs that says the iocage dataset is mounted on {@code iocroot}, and the real tail. */
    private HostHarness over(Path iocroot) throws Exception {
        FakeIocage fake = new FakeIocage(dir.resolve("fake"), FakeIocage.Kind.PYTHON);
        Path zfs = FakeTool.write(dir, "zfs", iocroot + "\n", null, 0);
        return new HostHarness(new ProcessRunner(fake.executable(), ProcessRunner.Privilege.NONE)
                .withTool(Tool.ZFS, zfs).withTool(Tool.TAIL, Path.of("/usr/bin/tail")));
    }

    private static List<String> lines(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("lines").forEach(l -> out.add(l.asText()));
        return out;
    }

    @Test
    void theLogsEndIsReadWithTheHostsZfsAndTail() throws Exception {
        Path iocroot = Files.createDirectories(dir.resolve("iocage"));
        Path log = Files.createDirectories(iocroot.resolve("log")).resolve("ioc-db01-console.log");
        Files.writeString(log, "Setting hostname: db01.\r\nStarting \u001b[1mpostgresql\u001b[0m.\n\tindented\n");
        try (HostHarness h = over(iocroot)) {
            JsonNode body = h.body("consolelog", "jail", "db01");
            assertFalse(body.has("error"), body.toString());
            assertEquals("db01", body.get("jail").asText());
            assertEquals(log.toString(), body.get("file").asText());
            assertEquals(List.of("Setting hostname: db01.", "Starting [1mpostgresql[0m.", "\tindented"), lines(body),
                    "no control characters but tabs");
            assertFalse(body.has("cut"));
            assertFalse(body.has("none"));
            // The pool is the one iocage says is active.
            assertEquals(List.of("get", "-H", "-o", "value", "mountpoint", "tank/iocage"), FakeTool.argv(dir, "zfs"));

            JsonNode none = h.body("consolelog", "jail", "mail");
            assertEquals("true", none.get("none").asText(), "mail was never started: no log");
            assertEquals(0, none.get("lines").size());
        }
    }

    @Test
    void aLongLogIsReadFromItsEndWithoutItsFirstPartialLine() throws Exception {
        Path iocroot = Files.createDirectories(dir.resolve("iocage"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("line ").append(i).append(" of rc's output\n");
        }
        Files.writeString(Files.createDirectories(iocroot.resolve("log")).resolve("ioc-plex-console.log"), text);
        try (HostHarness h = over(iocroot)) {
            JsonNode body = h.body("consolelog", "jail", "plex");
            assertEquals("true", body.get("cut").asText());
            List<String> lines = lines(body);
            assertEquals("line 19999 of rc's output", lines.get(lines.size() - 1));
            assertTrue(lines.get(0).matches("line \\d+ of rc's output"), "whole lines only: " + lines.get(0));
            int bytes = lines.stream().mapToInt(l -> l.length() + 1).sum();
            assertTrue(bytes <= ConsoleLogs.BYTES && bytes > ConsoleLogs.BYTES - 40, "the last 128 KB: " + bytes);
        }
        // A log of exactly 128 KB is read whole: its first line is no part of one.
        String line = "x".repeat(1023) + "\n";
        Files.writeString(iocroot.resolve("log").resolve("ioc-web02-console.log"), "first" + line.substring(5)
                + line.repeat(ConsoleLogs.BYTES / line.length() - 1));
        try (HostHarness h = over(iocroot)) {
            JsonNode body = h.body("consolelog", "jail", "web02");
            assertFalse(body.has("cut"), "nothing before it");
            assertEquals(ConsoleLogs.BYTES / line.length(), body.get("lines").size());
            assertTrue(body.get("lines").get(0).asText().startsWith("first"));
        }
    }

    @Test
    void anIocageDatasetMountedNowhereIsSaidAndNoTailRuns() throws Exception {
        try (HostHarness h = over(Path.of("none"))) {
            JsonNode body = h.body("consolelog", "jail", "db01");
            assertEquals("the iocage dataset tank/iocage is not mounted on a folder (its mountpoint is 'none')",
                    body.get("error").asText());
        }
    }

    @Test
    void aNameThatIsNoJailsRunsNothing() throws Exception {
        Path iocroot = Files.createDirectories(dir.resolve("iocage"));
        try (HostHarness h = over(iocroot)) {
            for (String bad : List.of("-f", "a;b", "$(x)", "../../etc/passwd", "a\nb", "x".repeat(10 * 1024 * 1024), "")) {
                assertEquals("400", h.refused("consolelog", "jail", bad).code(), bad.length() > 40 ? "10 MB" : bad);
            }
        }
        assertEquals(List.of(), FakeTool.noted(dir, "zfs"), "zfs never ran");
    }

    @Test
    void theDemoHostsJailsHaveLogsOfTheirStartsAndStops() {
        try (HostHarness sim = new HostHarness(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            JsonNode db01 = sim.body("consolelog", "jail", "db01");
            assertEquals("/tank/iocage/log/ioc-db01-console.log", db01.get("file").asText());
            List<String> lines = lines(db01);
            assertTrue(lines.contains("Starting postgresql."), lines.toString());
            assertFalse(lines.contains("Stopping postgresql."), "it is running: started once, not stopped");
            assertTrue(lines(sim.body("consolelog", "jail", "cache")).contains("/usr/local/etc/rc.d/redis: WARNING: failed to start redis"));
            assertEquals("true", sim.body("consolelog", "jail", "test-empty").get("none").asText(), "never started");
            sim.body("stopjail", "jail", "db01");
            sim.body("startjail", "jail", "db01");
            List<String> after = lines(sim.body("consolelog", "jail", "db01"));
            assertEquals(2, after.stream().filter(l -> l.equals("Setting hostname: db01.")).count(), after.toString());
            assertTrue(after.contains("Stopping postgresql."));
        }
    }

    @Test
    void legacyIocageIsNotAsked() {
        try (HostHarness sim = new HostHarness(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.LEGACY)),
                HostOptions.defaults())) {
            JsonNode body = sim.body("consolelog", "jail", "db01");
            assertTrue(body.get("error").asText().startsWith("consolelog is not supported by iocage"), body.toString());
            assertEquals("true", body.get("unsupported").asText());
        }
    }
}
