package org.jaildesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.sim.SimulatedIocage;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options that choose a host on this machine: the real iocage, or the demo host. */
final class HostOptionsMixin {

    /** The chosen host cannot be used (iocage missing, bad URL); the message says why and what to do. */
    static final class UnusableHostException extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableHostException(String message) {
            super(message);
        }
    }

    @Option(names = "--demo", description = "Use the demo host: a simulated iocage, nothing real is touched.")
    boolean demo;

    @Option(names = "--iocage", paramLabel = "PATH", description = "The iocage executable (default: iocage on PATH).")
    Path iocage;

    @Option(names = "--privilege", paramLabel = "HOW", description = "Run iocage through NONE, DOAS or SUDO (default: ${DEFAULT-VALUE}).")
    ProcessRunner.Privilege privilege = ProcessRunner.Privilege.NONE;

    @Option(names = "--demo-jails", paramLabel = "N", description = "Demo host with N generated jails (up to 100000) instead of the standard dozen (0).")
    int demoJails;

    @Option(names = "--demo-dialect", paramLabel = "FLAVOR", description = "The iocage the demo host imitates: PYTHON or LEGACY (default: ${DEFAULT-VALUE}).")
    SimulatedIocage.Flavor demoFlavor = SimulatedIocage.Flavor.PYTHON;

    @Option(names = "--demo-state", paramLabel = "DIR", description = "Keep the demo host's changes in DIR across runs.")
    Path demoState;

    @Option(names = "--demo-latency", paramLabel = "MS", description = "Added to every simulated iocage command, up to 60000 (default: ${DEFAULT-VALUE}).")
    long demoLatencyMs = 0;

    /** The longest pause the demo host may add to each command: a minute. */
    static final long MAX_DEMO_LATENCY_MS = 60_000;

    /** Refuses, as a usage error, numbers the demo host cannot take (before anything is opened). */
    void check(CommandLine cli) {
        if (demoJails < 0 || demoJails > SimulatedIocage.MAX_JAILS) {
            throw new CommandLine.ParameterException(cli, "--demo-jails takes 0 to " + SimulatedIocage.MAX_JAILS
                    + " (0, as without it: the standard dozen), not " + demoJails);
        }
        if (demoLatencyMs < 0 || demoLatencyMs > MAX_DEMO_LATENCY_MS) {
            throw new CommandLine.ParameterException(cli, "--demo-latency takes 0 to " + MAX_DEMO_LATENCY_MS + " ms, not "
                    + demoLatencyMs);
        }
    }

    /** The host these options name: the demo host, or iocage on this machine. */
    IocageHost openHost() throws UnusableHostException {
        if (demo) {
            try {
                SimulatedIocage.Config c = new SimulatedIocage.Config(demoFlavor, demoJails, Duration.ofMillis(demoLatencyMs),
                        Duration.ZERO, demoState);
                return new IocageHost(new SimulatedIocage(c), HostOptions.defaults());
            } catch (IllegalArgumentException e) {
                throw new UnusableHostException(e.getMessage());
            }
        }
        Path exe = iocage != null ? iocage : findOnPath("iocage").orElseThrow(() -> new UnusableHostException(
                "iocage is not on PATH: name it with --iocage PATH, or try the demo host with --demo"));
        if (!Files.isExecutable(exe) || Files.isDirectory(exe)) {
            throw new UnusableHostException(exe + " is not an executable file");
        }
        return new IocageHost(new ProcessRunner(exe, privilege), HostOptions.defaults());
    }

    String hostName() {
        if (demo) {
            return SimulatedIocage.DISPLAY_NAME;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
