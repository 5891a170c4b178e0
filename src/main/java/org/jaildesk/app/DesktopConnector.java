package org.jaildesk.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.Transport;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.connect.ConnectionState;
import org.jaildesk.ui.connect.HostConnector;
import org.jaildesk.ui.connect.HostEntry;

/** The desktop's transports: the demo host and the local iocage in process, remote hosts over WebSocket. */
final class DesktopConnector implements HostConnector {

    private final SimulatedIocage.Config demo;
    private final Path iocage;
    private final KnownHosts knownHosts;
    private final Map<String, AutoCloseable> open = new ConcurrentHashMap<>();

    DesktopConnector(SimulatedIocage.Config demo, Path iocage, KnownHosts knownHosts) {
        this.demo = demo;
        this.iocage = iocage;
        this.knownHosts = knownHosts;
    }

    @Override
    public IocageClient open(HostEntry host, Prompts prompts, Consumer<ConnectionState> state) {
        Transport t;
        switch (host.kind()) {
            case DEMO -> {
                IocageHost h = new IocageHost(new SimulatedIocage(demo), HostOptions.defaults());
                open.put(host.id(), h);
                t = new InProcessTransport(h);
                state.accept(ConnectionState.CONNECTED);
            }
            case LOCAL -> {
                IocageHost h = new IocageHost(new ProcessRunner(iocage, ProcessRunner.Privilege.NONE), HostOptions.defaults());
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
        return new IocageClient(t);
    }

    @Override
    public void acceptCertificate(HostEntry host, String fingerprint) {
        URI u = URI.create(host.url());
        knownHosts.accept(u.getHost() + ":" + (u.getPort() > 0 ? u.getPort() : 12150), fingerprint);
    }

    @Override
    public void close(HostEntry host) {
        AutoCloseable c = open.remove(host.id());
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                java.util.logging.Logger.getLogger(DesktopConnector.class.getName()).fine("close: " + e);
            }
        }
    }

    void closeAll() {
        open.keySet().forEach(id -> close(new HostEntry(id, id, HostEntry.Kind.DEMO, "", "")));
    }
}
