package org.jaildesk.app;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.server.ServerConfig;
import org.jaildesk.server.ServerTls;
import org.jaildesk.server.SysadmServer;
import org.jaildesk.server.UserStore;
import org.jaildesk.sim.SimulatedIocage;

/**
 * The real {@code jaildesk serve} for the window tests: wss on loopback, a free port, over a demo host, its state in a
 * folder of the test's; user admin with {@link #PASSWORD}, and whoever the test adds to {@link #users}.
 */
final class RealServer implements AutoCloseable {

    static final String PASSWORD = "a long passphrase";

    final UserStore users;
    final ServerTls tls;
    private final IocageHost host;
    private final Path state;
    private SysadmServer server;

    private RealServer(UserStore users, ServerTls tls, IocageHost host, Path state, SysadmServer server) {
        this.users = users;
        this.tls = tls;
        this.host = host;
        this.state = state;
        this.server = server;
    }

    /** A server over {@code sim} (instant steps for most tests) with its state in {@code state}; users added by {@code more}. */
    static RealServer start(Path state, SimulatedIocage.Config sim, UserAdder more) throws Exception {
        UserStore users = UserStore.load(state.resolve("users"));
        users.put("admin", PASSWORD.toCharArray());
        more.add(users);
        IocageHost host = new IocageHost(new SimulatedIocage(sim), HostOptions.defaults());
        ServerTls tls = ServerTls.loadOrCreate(state, "nas");
        SysadmServer server = new SysadmServer(host, ServerConfig.defaults(InetAddress.getLoopbackAddress(), state, "nas")
                .withPorts(0, 0), users, tls, "test").start();
        return new RealServer(users, tls, host, state, server);
    }

    static RealServer start(Path state) throws Exception {
        return start(state, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), u -> { });
    }

    /** Adds users before the server starts. */
    interface UserAdder {
        void add(UserStore users) throws Exception;
    }

    /** The server's audit log. */
    Path auditFile() {
        return server.auditFile();
    }

    int wsPort() {
        return server.wsPort();
    }

    /** A desktop's config folder whose host list holds this server as "nas" for {@code user}, its certificate accepted. */
    Path desktopConfig(Path config, String user) throws Exception {
        Files.createDirectories(config);
        Files.writeString(config.resolve("hosts.json"), "[{\"name\":\"nas\",\"url\":\"wss://127.0.0.1:" + wsPort()
                + "\",\"user\":\"" + user + "\"}]");
        Files.writeString(config.resolve("known-hosts.properties"), "127.0.0.1\\:" + wsPort() + "="
                + tls.fingerprint().replace(":", "\\:") + "\n");
        return config;
    }

    /** The server stopped and started again on the same ports, folder and users: its sessions end with it. */
    void restart() throws Exception {
        int ws = server.wsPort();
        int rest = server.restPort();
        stopServing();
        server = new SysadmServer(host, ServerConfig.defaults(InetAddress.getLoopbackAddress(), state, "nas")
                .withPorts(ws, rest), users, tls, "test").start();
    }

    /** Stops the server (the desktop then loses the connection); the demo host stays until {@link #close}. */
    void stopServing() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stopServing();
        host.close();
    }
}
