package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jaildesk.protocol.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host URL without a port means sysadm's 12150, for the connection and the pinned certificate alike. */
class WebSocketUrlTest {

    @TempDir
    Path dir;

    private WebSocketOptions options(String url) {
        return new WebSocketOptions(URI.create(url), "admin", "a password"::toCharArray,
                new KnownHosts(dir.resolve("known")), Duration.ofSeconds(5), Duration.ofSeconds(5), false);
    }

    @Test
    void aUrlWithoutAPortMeansSysadmsPort() {
        assertEquals(URI.create("wss://nas:12150"), options("wss://nas").url());
        assertEquals(URI.create("ws://10.0.0.5:12150/"), options("ws://10.0.0.5/").url());
        assertEquals(URI.create("wss://nas:443"), options("wss://nas:443").url(), "a port given stays");
        assertEquals(URI.create("wss://[::1]:12150"), options("wss://[::1]").url());
    }

    @Test
    void aUrlWithoutAPortConnectsToSysadmsPort() throws Exception {
        try (ServerSocket listener = new ServerSocket()) {
            try {
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), WebSocketOptions.DEFAULT_PORT));
            } catch (BindException e) {
                assumeTrue(false, "port 12150 is taken on this machine");
            }
            listener.setSoTimeout(20_000);
            try (WebSocketTransport t = new WebSocketTransport(options("ws://127.0.0.1"))) {
                t.send(Request.iocage("", "listjails")); // connects on first use; the reply does not matter here
                try (Socket connected = listener.accept()) {
                    assertEquals(WebSocketOptions.DEFAULT_PORT, connected.getLocalPort());
                }
            }
        }
    }
}
