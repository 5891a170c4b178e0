package org.jaildesk.sim;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.jaildesk.host.CommandException;
import org.jaildesk.host.CommandResult;
import org.jaildesk.host.CommandRunner;
import org.jaildesk.host.CommandSpec;
import org.jaildesk.host.Tool;

/**
 * The demo host: a {@link CommandRunner} that answers the argv {@code IocageHost} sends with iocage's real output
 * formats, over a consistent in-memory host (pools, releases, templates, jails of every type with JIDs, disk figures
 * and properties). It is never a real host: it calls itself {@value #DISPLAY_NAME} wherever it shows.
 */
public final class SimulatedIocage implements CommandRunner {

    public static final String DISPLAY_NAME = "Demo host (simulated)";
    /** Largest host the simulator builds. */
    public static final int MAX_JAILS = 100_000;

    private static final Logger LOG = Logger.getLogger(SimulatedIocage.class.getName());
    private static final String STATE_FILE = "demo-host.json";

    /** Which iocage to imitate. */
    public enum Flavor { PYTHON, LEGACY }

    /**
     * @param flavor    the dialect to speak
     * @param jails     0 for the standard demo host (about a dozen jails), else that many generated jails
     * @param latency   added to every command, to feel like iocage on a real pool
     * @param stepDelay between progress steps of long jobs (fetch, create from an unfetched release)
     * @param stateDir  where demo changes are kept across restarts; null to keep them in memory only
     */
    public record Config(Flavor flavor, int jails, Duration latency, Duration stepDelay, Path stateDir) {

        public Config {
            if (jails < 0 || jails > MAX_JAILS) {
                throw new IllegalArgumentException("the demo host holds 0 to " + MAX_JAILS + " jails, not " + jails);
            }
        }

        /** What a person trying JailDesk sees: the standard host, iocage-like pauses. */
        public static Config demo() {
            return new Config(Flavor.PYTHON, 0, Duration.ofMillis(120), Duration.ofMillis(40), null);
        }

        /** No pauses at all, for tests and benchmarks. */
        public static Config instant(Flavor flavor) {
            return new Config(flavor, 0, Duration.ZERO, Duration.ZERO, null);
        }

        public Config withJails(int n) {
            return new Config(flavor, n, latency, stepDelay, stateDir);
        }

        public Config withStateDir(Path dir) {
            return new Config(flavor, jails, latency, stepDelay, dir);
        }
    }

    private final Config config;
    private final SimState state;
    private final SimDialect dialect;
    private final AtomicLong commands = new AtomicLong();
    private final ObjectMapper json;

    public SimulatedIocage(Config config) {
        this(config, null);
    }

    /** With a given starting state (tests build hosts the seed data does not have). */
    SimulatedIocage(Config config, SimState given) {
        this.config = config;
        this.json = new ObjectMapper().setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        boolean legacy = config.flavor() == Flavor.LEGACY;
        SimState loaded = given != null ? given : load();
        this.state = loaded != null ? loaded
                : config.jails() > 0 ? SeedData.scaled(legacy, config.jails()) : SeedData.standard(legacy);
        this.dialect = legacy ? new LegacySim(state) : new PythonSim(state);
    }

    public Config config() {
        return config;
    }

    @Override
    public String describe() {
        return DISPLAY_NAME;
    }

    /** How many iocage commands have been answered (benchmarks count calls per refresh with it). */
    public long commandCount() {
        return commands.get();
    }

    @Override
    public CommandResult run(CommandSpec spec) throws CommandException {
        long start = System.nanoTime();
        commands.incrementAndGet();
        pause(config.latency());
        SimOutput out = new SimOutput(spec.lines(), config.stepDelay());
        boolean changed;
        try {
            changed = dialect.handle(spec.args(), out);
        } catch (SimOutput.Cancelled c) {
            throw new CommandException("cancelled: iocage was stopped", c);
        }
        if (changed) {
            save();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        boolean late = elapsed.compareTo(spec.timeout()) > 0;
        return new CommandResult(late ? -1 : out.exit, out.out.toString(), out.err.toString(), late, false, elapsed);
    }

    /**
     * The host's own programs, each only as JailDesk runs it: {@code zpool list} (its pools), {@code zfs get} and
     * {@code find} (Python: the images folder and its files), {@code jls --libxo json -v} (its running jails and three
     * of other tools, {@link SimJls}), {@code ifconfig -a} (its cards, bridges and epairs, {@link SimIfconfig}), {@code zfs get}
     * and {@code tail -c} of a jail's console log (Python, {@link SimConsoleLog}), and {@code ps -ax -o jid= -o pcpu= -o rss=}: a few
     * processes of the host itself and, for each running jail, a handful whose CPU and memory drift a little every
     * few seconds, so a window that refreshes shows them move.
     */
    @Override
    public CommandResult runTool(Tool tool, CommandSpec spec) throws CommandException {
        long start = System.nanoTime();
        pause(config.latency());
        if (tool == Tool.TAIL && config.flavor() == Flavor.PYTHON) {
            byte[] log;
            synchronized (state) {
                log = new SimConsoleLog(state).tail(spec.args());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (log == null) {
                return new CommandResult(1, "", "tail: the demo host answers only JailDesk's own tail\n", false, false, took);
            }
            return log.length == 0
                    ? new CommandResult(1, "", "tail: " + spec.args().get(2) + ": No such file or directory\n", false, false, took)
                    : new CommandResult(0, new String(log, java.nio.charset.StandardCharsets.UTF_8), "", false, false, took);
        }
        if (tool != Tool.PS) {
            String out;
            synchronized (state) {
                out = tool == Tool.ZPOOL && spec.args().equals(List.of("list", "-Hp", "-o", "name,size,free,health"))
                        ? state.zpoolList()
                        : tool == Tool.JLS ? (spec.args().equals(SimJls.ARGS) ? SimJls.output(state) : null)
                        : tool == Tool.IFCONFIG ? (spec.args().equals(SimIfconfig.ARGS) ? SimIfconfig.output(state) : null)
                        : config.flavor() != Flavor.PYTHON ? null
                        : java.util.Optional.ofNullable(tool == Tool.ZFS ? new SimConsoleLog(state).zfs(spec.args()) : null)
                                .orElseGet(() -> new SimImages(state).tool(tool.command(), spec.args()));
            }
            return out != null ? new CommandResult(0, out, "", false, false, Duration.ofNanos(System.nanoTime() - start))
                    : new CommandResult(1, "", tool.command() + ": the demo host answers only JailDesk's own "
                            + tool.command() + "\n", false, false, Duration.ofNanos(System.nanoTime() - start));
        }
        if (!spec.args().equals(List.of("-ax", "-o", "jid=", "-o", "pcpu=", "-o", "rss="))) {
            return new CommandResult(1, "", "ps: the demo host answers only JailDesk's own ps\n", false, false,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        StringBuilder out = new StringBuilder();
        out.append("    0  0.0  11820\n    0  0.3  25412\n    0  0.0   8740\n");
        long now = System.currentTimeMillis() / 5_000;
        synchronized (state) {
            for (SimJail j : state.jails.values()) {
                if (!j.running) {
                    continue;
                }
                Random r = new Random(j.id.hashCode() * 31L + now);
                int base = Math.floorMod(j.id.hashCode(), 6);
                int processes = 3 + base;
                for (int p = 0; p < processes; p++) {
                    // Tenths of a percent, written without a formatter: a 10,000-jail demo host prints thousands of
                    // these lines on every refresh, beside the window it is measured with.
                    int tenths = p == 0 ? base * 17 + r.nextInt(40) : r.nextInt(5);
                    long rssKb = 2_000 + (long) base * 9_000 + r.nextInt(3_000);
                    out.append("  ").append(j.jid).append("  ").append(tenths / 10).append('.').append(tenths % 10)
                            .append("  ").append(rssKb).append('\n');
                }
            }
        }
        return new CommandResult(0, out.toString(), "", false, false, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void pause(Duration d) throws CommandException {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted", e);
        }
    }

    private SimState load() {
        if (config.stateDir() == null) {
            return null;
        }
        Path file = config.stateDir().resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return json.readValue(file.toFile(), SimState.class);
        } catch (IOException e) {
            LOG.warning("the saved demo host in " + file + " cannot be read (" + e.getMessage() + "); starting afresh");
            return null;
        }
    }

    private void save() {
        if (config.stateDir() == null) {
            return;
        }
        try {
            Files.createDirectories(config.stateDir());
            Path tmp = config.stateDir().resolve(STATE_FILE + ".tmp");
            synchronized (state) {
                json.writeValue(tmp.toFile(), state);
            }
            Files.move(tmp, config.stateDir().resolve(STATE_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning("cannot save the demo host: " + e.getMessage());
        }
    }

    /** The names of the jails now on the simulated host (for tests). */
    public List<String> jailIds() {
        synchronized (state) {
            return List.copyOf(state.jails.keySet());
        }
    }
}
