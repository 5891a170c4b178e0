package org.jaildesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jaildesk.client.SavedFile;
import org.jaildesk.host.IocageHost;
import org.jaildesk.server.ServerConfig;
import org.jaildesk.server.ServerTls;
import org.jaildesk.server.SysadmServer;
import org.jaildesk.server.UserStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jaildesk serve}: the sysadm-compatible server (WebSocket + REST) for this machine's iocage. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the sysadm protocol for this machine's iocage (or the demo host).",
            "It answers over wss:// (WebSocket) and https:// (REST), with a self-signed certificate made at the first start and kept in the state folder.",
            "Add a user first (jaildesk user add NAME)."})
final class ServeCommand implements Callable<Integer> {

    /** How long a stop waits for the changes it cancelled to end (a killed iocage's children get 5 s to die). */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @CommandLine.Mixin
    HostOptionsMixin host = new HostOptionsMixin();

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "WebSocket port (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_WS_PORT;

    @Option(names = "--rest-port", paramLabel = "PORT", description = "REST port (default: ${DEFAULT-VALUE}).")
    int restPort = ServerConfig.DEFAULT_REST_PORT;

    @Option(names = "--users", paramLabel = "FILE", description = "The users file (default: <state>/users).")
    Path users;

    @Option(names = "--state", paramLabel = "DIR", description = "Certificate, audit log and default users file (default: ${DEFAULT-VALUE}).")
    Path state = AppDirs.serverState();

    @Option(names = "--insecure", description = "Plain ws:// and http:// without TLS; only on a loopback address.")
    boolean insecure;

    @Option(names = "--session-hours", paramLabel = "HOURS", description = "The longest a login lasts, however often it is"
            + " used (1 to 720; default: ${DEFAULT-VALUE}); an idle one ends after 15 minutes.")
    int sessionHours = (int) ServerConfig.DEFAULT_SESSION_LIMIT.toHours();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot use --bind " + bind + ": " + e.getMessage());
        }
        host.check(spec.commandLine());
        for (int p : new int[] {port, restPort}) {
            if (p < 0 || p > 65535) {
                throw new CommandLine.ParameterException(spec.commandLine(), (p == port ? "--port" : "--rest-port")
                        + " takes 1 to 65535, not " + p);
            }
        }
        if (port == restPort && port != 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port and --rest-port are both " + port
                    + ": the WebSocket and the REST listener each need a port of their own");
        }
        if (sessionHours < 1 || sessionHours > 720) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--session-hours takes 1 to 720, not " + sessionHours);
        }
        if (insecure && !address.isLoopbackAddress()) {
            err.println("--insecure is refused on " + bind + ": without TLS, passwords would cross the network in the clear."
                    + " Use it only with --bind 127.0.0.1.");
            return 2;
        }
        Path usersFile = users != null ? users : state.resolve("users");
        UserStore store;
        try {
            store = UserStore.load(usersFile);
        } catch (IOException e) {
            err.println("cannot use the users file: " + e.getMessage());
            return 1;
        }
        if (store.isEmpty()) {
            err.println("no users in " + usersFile + ": add one first with 'jaildesk user add NAME --users " + usersFile + "'");
            return 1;
        }
        IocageHost iocage;
        try {
            iocage = host.openHost();
        } catch (HostOptionsMixin.UnusableHostException e) {
            err.println(e.getMessage());
            return 1;
        }
        ServerConfig config = ServerConfig.defaults(address, state, host.hostName()).withPorts(port, restPort)
                .withTls(!insecure).withSessionLimit(Duration.ofHours(sessionHours));
        ServerTls tls;
        try {
            tls = insecure ? null : ServerTls.loadOrCreate(state, host.hostName());
        } catch (IOException e) {
            err.println("cannot use the state folder " + state + ": " + SavedFile.words(e));
            iocage.close();
            return 1;
        } catch (GeneralSecurityException e) {
            err.println(e.getMessage());
            iocage.close();
            return 1;
        }
        SysadmServer server = new SysadmServer(iocage, config, store, tls, Main.version());
        try {
            server.start();
        } catch (IOException e) {
            err.println(e.getMessage());
            iocage.close();
            return 1;
        }
        String shown = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        // The start, the stop and a failure carry the time as the log's lines do: under daemon(8) all go to one file.
        out.println(now(java.time.Clock.systemDefaultZone()) + " JailDesk " + Main.version() + " serving " + host.hostName());
        out.println("  WebSocket: " + server.scheme() + "://" + shown + ":" + server.wsPort());
        out.println("  REST:      " + (insecure ? "http" : "https") + "://" + shown + ":" + server.restPort() + "/sysadm/iocage");
        server.fingerprint().ifPresent(fp -> out.println("  Certificate SHA-256 fingerprint: " + fp));
        out.println("  Users: " + usersFile + " (" + store.names().size() + ")");
        out.println("  Audit log: " + server.auditFile());
        out.println("Press Ctrl+C to stop.");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopServing(server, iocage, out, STOP_GRACE, java.time.Clock.systemDefaultZone());
            stop.countDown();
        }, "jaildesk-shutdown"));
        // A listener that fails for good (say, its jar replaced under it by an upgrade) ends the process with status 1,
        // so a supervisor (daemon -r in the rc.d script) starts a fresh one instead of keeping a half-dead server.
        server.failed().thenAccept(e -> {
            err.println(now(java.time.Clock.systemDefaultZone()) + " JailDesk server stopped: the WebSocket listener failed: " + e);
            err.flush();
            // Exit from here: when an upgrade replaced JailDesk's files under it, the normal way out through the
            // command line parser needs classes that are gone. The shutdown hook still closes what it can.
            System.exit(1);
        });
        stop.await();
        return 0;
    }

    /**
     * On Ctrl+C or a supervisor's TERM: the changes running are cancelled and their ends answered and audited before
     * the listeners close, so that a user learns that a fetch was cut off and the audit log holds its end; a stop
     * then says so.
     */
    static void stopServing(SysadmServer server, IocageHost iocage, PrintWriter out, Duration grace, java.time.Clock clock) {
        out.println(now(clock) + " Stopping: no new requests are taken; changes still running are cancelled.");
        out.flush();
        int stopped = iocage.stop(grace);
        server.close();
        out.println(now(clock) + " JailDesk server stopped" + (stopped == 0 ? "."
                : "; " + stopped + (stopped == 1 ? " change was" : " changes were")
                        + " cancelled (the audit log says how each ended)."));
        out.flush();
    }

    /** The time as the server's log lines give it ({@code 2026-11-27 17:12:04 +0000}), in the clock's zone. */
    static String now(java.time.Clock clock) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx").format(java.time.ZonedDateTime.now(clock));
    }
}
