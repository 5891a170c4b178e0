package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** For client tests against a {@link LoopbackHost}: {@link #connect} starts it and opens a transport; both closed after. */
abstract class OverLoopback<H extends LoopbackHost> {

    @TempDir
    Path dir;
    H host;
    WebSocketTransport transport;

    /**
     * Starts {@code h} and opens a transport to it as admin with {@code password}: a limit of ten minutes for a reply
     * (a failure must not be its running out), ten seconds to connect, reconnecting.
     */
    WebSocketTransport connect(H h, Supplier<char[]> password) throws Exception {
        host = h;
        h.start();
        assertTrue(h.up.await(10, TimeUnit.SECONDS));
        transport = new WebSocketTransport(new WebSocketOptions(URI.create("ws://127.0.0.1:" + h.getPort()),
                "admin", password, new KnownHosts(dir.resolve("known")), Duration.ofMinutes(10), Duration.ofSeconds(10), true));
        return transport;
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        if (host != null) {
            host.stop(1000);
        }
    }
}
