package org.jaildesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.Transport;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.sim.SimulatedIocage;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which host a command talks to: {@code --local [--iocage PATH]}, {@code --demo}, or (later) {@code --url}. */
final class HostOptionsMixin {

    /** The chosen host cannot be used (iocage missing, bad URL); the message says why and what to do. */
    static final class UnusableHostException extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableHostException(String message) {
            super(message);
        }
    }

    static final class Target {
        @Option(names = "--local", description = "Run iocage on this machine (the default).")
        boolean local;

        @Option(names = "--demo", description = "Use the demo host: a simulated iocage, nothing real is touched.")
        boolean demo;
    }

    @ArgGroup(exclusive = true)
    Target target = new Target();

    @Option(names = "--iocage", paramLabel = "PATH", description = "The iocage executable (default: iocage on PATH).")
    Path iocage;

    @Option(names = "--privilege", paramLabel = "HOW", description = "Run iocage through none, doas or sudo (default: ${DEFAULT-VALUE}).")
    ProcessRunner.Privilege privilege = ProcessRunner.Privilege.NONE;

    @Option(names = "--demo-jails", paramLabel = "N", description = "Demo host with N generated jails (up to 100000) instead of the standard dozen.")
    int demoJails;

    @Option(names = "--demo-dialect", paramLabel = "FLAVOR", description = "The iocage the demo host imitates: PYTHON or LEGACY (default: ${DEFAULT-VALUE}).")
    SimulatedIocage.Flavor demoFlavor = SimulatedIocage.Flavor.PYTHON;

    @Option(names = "--demo-state", paramLabel = "DIR", description = "Keep the demo host's changes in DIR across runs.")
    Path demoState;

    @Option(names = "--demo-latency", paramLabel = "MS", description = "Added to every simulated iocage command (default: ${DEFAULT-VALUE}).")
    long demoLatencyMs = 0;

    /** The demo host's runner for these options. */
    SimulatedIocage demoRunner() throws UnusableHostException {
        try {
            SimulatedIocage.Config c = new SimulatedIocage.Config(demoFlavor, demoJails,
                    java.time.Duration.ofMillis(demoLatencyMs), java.time.Duration.ZERO, demoState);
            return new SimulatedIocage(c);
        } catch (IllegalArgumentException e) {
            throw new UnusableHostException(e.getMessage());
        }
    }

    boolean demo() {
        return target.demo;
    }

    Transport open(CommandLine cli) throws UnusableHostException {
        if (target.demo) {
            return wrap(new IocageHost(demoRunner(), HostOptions.defaults()));
        }
        Path exe = iocage != null ? iocage : findOnPath("iocage").orElseThrow(() -> new UnusableHostException(
                "iocage is not on PATH: name it with --iocage PATH, or try the demo host with --demo"));
        if (!Files.isExecutable(exe)) {
            throw new UnusableHostException(exe + " is not an executable file");
        }
        return wrap(new IocageHost(new ProcessRunner(exe, privilege), HostOptions.defaults()));
    }

    private static Transport wrap(IocageHost host) {
        InProcessTransport transport = new InProcessTransport(host);
        return new Transport() {
            @Override
            public java.util.concurrent.CompletableFuture<org.jaildesk.protocol.Reply> send(org.jaildesk.protocol.Request r) {
                return transport.send(r);
            }

            @Override
            public void close() {
                host.close();
            }
        };
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
