package org.jaildesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jaildesk.host.CommandResult;
import org.jaildesk.host.CommandSpec;
import org.jaildesk.host.parse.LegacyOutput;
import org.jaildesk.host.parse.Progress;
import org.jaildesk.host.parse.PythonOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator at the command line: iocage's formats, errors and exit codes. */
class SimulatedIocageTest {

    private static SimulatedIocage py() {
        return new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
    }

    private static CommandResult run(SimulatedIocage sim, String... args) throws Exception {
        return sim.run(CommandSpec.of(Duration.ofSeconds(30), args));
    }

    @Test
    void printsTheRealFormatsThatTheStrictParsersRead() throws Exception {
        SimulatedIocage sim = py();
        assertEquals(12, PythonOutput.list(run(sim, "list", "-l", "-h").stdout()).size());
        assertEquals(PythonOutput.list(run(sim, "list", "-l", "-h").stdout()),
                PythonOutput.list(run(sim, "list", "-l").stdout()), "the table and the TAB form agree");
        assertEquals(12, PythonOutput.df(run(sim, "df", "-h").stdout()).size());
        assertEquals("1", PythonOutput.getAll(run(sim, "get", "all", "db01").stdout()).get("boot"));
        SimulatedIocage legacy = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.LEGACY));
        assertEquals(12, LegacyOutput.list(run(legacy, "list").stdout()).size());
        assertEquals(12, LegacyOutput.df(run(legacy, "df").stdout()).size());
        assertEquals("tmpl-web", LegacyOutput.list(run(legacy, "list", "-t").stdout()).get(0).tag());
    }

    @Test
    void pythonErrorsAndExitCodes() throws Exception {
        SimulatedIocage sim = py();
        CommandResult r = run(sim, "start", "nosuch");
        assertEquals(1, r.exitCode());
        assertEquals("jail 'nosuch' not found!\n", r.stderr());
        assertEquals("db01 is already running!\n", run(sim, "start", "db01").stderr());
        CommandResult notRunning = run(sim, "stop", "mail");
        assertEquals(0, notRunning.exitCode(), "Python exits 0 for stopping a stopped jail");
        assertEquals("mail is not running!\n", notRunning.stderr());
        assertEquals("Jail db01 is still running, please stop the jail first or destroy it with -f\n",
                run(sim, "destroy", "db01").stderr());
        assertTrue(run(sim, "destroy", "-f", "tmpl-web").stderr().contains("has dependent jails"), "template still used");
        assertEquals("Jail: db01 must not be running to be cloned!\n", run(sim, "clone", "db01", "-n", "x").stderr());
        assertEquals(2, run(sim, "frobnicate").exitCode());
        CommandResult forced = run(sim, "destroy", "-f", "db01");
        assertEquals("Stopping db01\nDestroying db01\n", forced.stdout());
    }

    @Test
    void legacyErrorsIncludingNoActivePool() throws Exception {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.LEGACY));
        String db01 = SeedData.uuidFor("db01");
        assertTrue(run(sim, "start", "db01").stderr().contains("  INFO: " + db01 + " (db01) is already up"));
        assertTrue(run(sim, "destroy", "-f", "db01").stderr().contains("ERROR: Jail is up and running"));
        assertTrue(run(sim, "create", "release=9.3-RELEASE", "tag=z").stderr().contains("not found locally"));
        run(sim, "deactivate", "tank");
        CommandResult r = run(sim, "list");
        assertEquals("  ERROR: you need to activate a pool!\n", r.stderr());
    }

    @Test
    void pythonActivatesAPoolByItselfWhenNoneIsActiveAndTheHostSkipsTheBanner() throws Exception {
        SimState none = SeedData.standard(false);
        none.activePool = "";
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), none);
        CommandResult r = run(sim, "list", "-l", "-h");
        assertTrue(r.stdout().startsWith("Setting up zpool [tank] for iocage usage\n"), r.stdout());
        assertEquals(12, PythonOutput.list(r.stdout()).size(), "the banner is noise to the parser");
        assertEquals("tank\n", run(sim, "get", "-p").stdout());
    }

    @Test
    void aFetchPrintsItsProgressOverTime() throws Exception {
        SimulatedIocage sim = new SimulatedIocage(new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 0,
                Duration.ZERO, Duration.ofMillis(2), null));
        List<Long> times = new ArrayList<>();
        List<Integer> percents = new ArrayList<>();
        CommandResult r = sim.run(new CommandSpec(List.of("fetch", "-r", "14.2-RELEASE"), Duration.ofSeconds(30), "", line -> {
            times.add(System.nanoTime());
            Progress.parse(line).ifPresent(p -> percents.add(p.percent()));
        }));
        assertEquals(0, r.exitCode());
        assertTrue(percents.containsAll(List.of(10, 50, 100)), percents.toString());
        // Each progress step waits for the step delay, so the lines are spread over at least that many delays.
        assertTrue(times.get(times.size() - 1) - times.get(0) >= Duration.ofMillis(2L * (percents.size() - 1)).toNanos());
        assertTrue(run(sim, "list", "-r", "-h").stdout().contains("14.2-RELEASE"));
    }

    @Test
    void createFromAnUnfetchedReleaseFetchesItFirstWithProgress() throws Exception {
        SimulatedIocage sim = py();
        List<String> lines = new ArrayList<>();
        CommandResult r = sim.run(new CommandSpec(List.of("create", "-r", "13.4-RELEASE", "-n", "newbie"),
                Duration.ofSeconds(30), "", lines::add));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Downloading: base.txz")));
        assertEquals("newbie successfully created!", lines.get(lines.size() - 1));
    }

    @Test
    void changesSurviveARestartWithAStateDirectory(@TempDir Path dir) throws Exception {
        SimulatedIocage.Config config = SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON).withStateDir(dir);
        SimulatedIocage first = new SimulatedIocage(config);
        run(first, "create", "-r", "14.1-RELEASE", "-n", "keeper");
        run(first, "stop", "db01");
        SimulatedIocage second = new SimulatedIocage(config);
        assertTrue(second.jailIds().contains("keeper"));
        assertTrue(run(second, "get", "state", "db01").stdout().startsWith("down"));
        // So does a pool switch: the jails of the pool left wait on it, also across a restart.
        run(second, "activate", "backup");
        SimulatedIocage third = new SimulatedIocage(config);
        assertEquals(List.of(), third.jailIds());
        run(third, "activate", "tank");
        assertTrue(new SimulatedIocage(config).jailIds().contains("keeper"));
    }

    @Test
    void scalesToAHundredThousandJails() throws Exception {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)
                .withJails(SimulatedIocage.MAX_JAILS));
        assertEquals(SimulatedIocage.MAX_JAILS, PythonOutput.list(run(sim, "list", "-l", "-h").stdout()).size());
        assertThrows(IllegalArgumentException.class, () -> SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)
                .withJails(SimulatedIocage.MAX_JAILS + 1));
    }

    @Test
    void itNeverPassesForARealHost() {
        assertEquals("Demo host (simulated)", py().describe());
    }
}
