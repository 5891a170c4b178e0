package org.jaildesk.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.JobTransport;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.LoggingTransport;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.client.Transport;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.host.ExecutedCommand;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.connect.ConnectionState;
import org.jaildesk.ui.connect.HostConnector;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.jobs.JobsViewModel;

/** The desktop's transports: the demo host and the local iocage in process, remote hosts over WebSocket. */
final class DesktopConnector implements HostConnector {

    private final SimulatedIocage.Config demo;
    private final Path iocage;
    private final KnownHosts knownHosts;
    private final Map<String, AutoCloseable> open = new ConcurrentHashMap<>();
    private final ProtocolLog log;
    private final JobsViewModel jobs;
    /** How this machine's iocage is run: directly, or through doas or sudo (read at each opening). */
    private final Supplier<ProcessRunner.Privilege> privilege;

    DesktopConnector(SimulatedIocage.Config demo, Path iocage, KnownHosts knownHosts, ProtocolLog log,
                     JobsViewModel jobs, Supplier<ProcessRunner.Privilege> privilege) {
        this.privilege = privilege;
        this.demo = demo;
        this.iocage = iocage;
        this.knownHosts = knownHosts;
        this.log = log;
        this.jobs = jobs;
    }

    /** Local hosts show the exact iocage argv they ran in the protocol log. */
    private IocageHost logged(IocageHost h, String name, Function<ExecutedCommand, List<String>> argv) {
        h.onCommand(c -> log.command(name, argv.apply(c), c.exitCode(), c.elapsed().toMillis()));
        return h;
    }

    @Override
    public IocageClient open(HostEntry host, Prompts prompts, Consumer<ConnectionState> state) {
        Transport t;
        switch (host.kind()) {
            case DEMO -> {
                IocageHost h = logged(new IocageHost(new SimulatedIocage(demo), HostOptions.defaults()), host.name(),
                        ExecutedCommand::commandLine);
                open.put(host.id(), h);
                t = new InProcessTransport(h);
                state.accept(ConnectionState.CONNECTED);
            }
            case LOCAL -> {
                ProcessRunner runner = new ProcessRunner(iocage, privilege.get());
                IocageHost h = logged(new IocageHost(runner, HostOptions.defaults()), host.name(),
                        c -> c.tool() == null ? runner.argv(c.args()) : runner.toolArgv(c.tool(), c.args()));
                open.put(host.id(), h);
                t = new InProcessTransport(h);
                state.accept(ConnectionState.CONNECTED);
            }
            default -> {
                WebSocketTransport ws = new WebSocketTransport(new WebSocketTransport.Options(URI.create(host.url()), host.user(),
                        () -> prompts.password(host), knownHosts, Duration.ofMinutes(30), Duration.ofSeconds(15), true));
                ws.onState(s -> state.accept(switch (s) {
                    case CONNECTED -> ConnectionState.CONNECTED;
                    case CONNECTING -> ConnectionState.CONNECTING;
                    case FAILED -> ConnectionState.FAILED;
                    default -> ConnectionState.NOT_CONNECTED;
                }));
                open.put(host.id(), ws);
                t = ws;
            }
        }
        return new IocageClient(new JobTransport(new LoggingTransport(t, log, host.name()),
                jobs.sinkFor(host.name())));
    }

    @Override
    public void acceptCertificate(HostEntry host, String fingerprint) {
        knownHosts.accept(WebSocketTransport.hostPort(URI.create(host.url())), fingerprint);
    }

    @Override
    public void release(HostEntry host) {
        if (open.get(host.id()) instanceof IocageHost h) {
            open.remove(host.id(), h);
            h.retire();
        } else {
            close(host);
        }
    }

    @Override
    public void close(HostEntry host) {
        AutoCloseable c = open.remove(host.id());
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                Logger.getLogger(DesktopConnector.class.getName()).fine("close: " + e);
            }
        }
    }

    void closeAll() {
        open.keySet().forEach(id -> close(new HostEntry(id, id, HostEntry.Kind.DEMO, "", "")));
    }
}
