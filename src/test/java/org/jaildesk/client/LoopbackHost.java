package org.jaildesk.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.server.WebSocketServer;

/** A WebSocket server on a free loopback port for client tests that need a host behaving in some particular way. */
abstract class LoopbackHost extends WebSocketServer {

    /** Counted down once it listens. */
    final CountDownLatch up = new CountDownLatch(1);

    LoopbackHost() {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        setReuseAddr(true);
    }

    @Override
    public void onClose(WebSocket c, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket c, Exception e) {
    }

    @Override
    public void onStart() {
        up.countDown();
    }
}
