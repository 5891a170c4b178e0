package org.jaildesk.server;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.sim.SimulatedIocage;

/** The real server on 127.0.0.1, free ports, over a demo host; one user "admin" with password {@link #PASSWORD}. */
final class ServerFixture implements AutoCloseable {

    static final String PASSWORD = "correct horse battery";

    /** A clock tests move by hand, for token expiry and blocks. */
    static final class MutableClock extends Clock {
        /** Where a fixture's clock starts, unless told otherwise. */
        static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
        volatile Instant now = START;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MutableClock clock = new MutableClock();
    final IocageHost host;
    final SysadmServer server;
    final Path state;
    /** The server's users, whose clock a test may move (how often the file is looked at). */
    final UserStore users;

    ServerFixture(Path state, boolean tls, SimulatedIocage.Config sim) throws Exception {
        this(state, tls, sim, 0, 0, Duration.ofSeconds(30));
    }

    ServerFixture(Path state, boolean tls, SimulatedIocage.Config sim, int wsPort, int restPort, Duration grace)
            throws Exception {
        this(state, tls, sim, wsPort, restPort, grace, MutableClock.START);
    }

    /** A server whose clock starts at {@code start} (a restart: later than the one before in the same folder). */
    ServerFixture(Path state, boolean tls, SimulatedIocage.Config sim, int wsPort, int restPort, Duration grace,
            Instant start) throws Exception {
        clock.now = start;
        this.state = state;
        users = UserStore.load(state.resolve("users"));
        if (users.isEmpty()) {
            users.put("admin", PASSWORD.toCharArray());
        }
        host = new IocageHost(new SimulatedIocage(sim), HostOptions.defaults());
        ServerConfig config = ServerConfig.defaults(InetAddress.getLoopbackAddress(), state, SimulatedIocage.DISPLAY_NAME)
                .withPorts(wsPort, restPort).withTls(tls).withClock(clock).withAuthGrace(grace);
        server = new SysadmServer(host, config, users, tls ? ServerTls.loadOrCreate(state, "localhost") : null, "test")
                .start();
    }

    URI wsUri() {
        return URI.create(server.scheme() + "://127.0.0.1:" + server.wsPort());
    }

    URI restUri(String path) {
        return URI.create((server.scheme().equals("wss") ? "https" : "http") + "://127.0.0.1:" + server.restPort() + path);
    }

    @Override
    public void close() {
        server.close();
        host.close();
    }
}
