package org.jaildesk.server;

import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;

/**
 * Sends replies and events to one WebSocket connection, from any thread. It closes a connection whose client does not
 * read (Java-WebSocket queues outgoing frames without a bound) and works around a write wake-up Java-WebSocket can
 * lose.
 */
final class ConnectionSender implements Consumer<String> {

    private static final Logger LOG = Logger.getLogger(ConnectionSender.class.getName());

    /**
     * Replies and events queued for a connection and not yet taken by its client: past either bound the client is not
     * reading, and the connection is closed rather than held in memory.
     */
    static final int MAX_QUEUED_FRAMES = 4_096;
    static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;

    private final WebSocket conn;
    private final String address;
    private final ScheduledExecutorService timers;
    private final Consumer<WebSocket> writeDemand;
    private final AtomicBoolean nudging = new AtomicBoolean();

    /** {@code writeDemand}: asks the server's selector to write {@code conn}'s queue. */
    ConnectionSender(WebSocket conn, String address, ScheduledExecutorService timers, Consumer<WebSocket> writeDemand) {
        this.conn = conn;
        this.address = address;
        this.timers = timers;
        this.writeDemand = writeDemand;
    }

    @Override
    public void accept(String text) {
        if (!conn.isOpen()) {
            return;
        }
        if (notReading()) {
            LOG.warning("closing the connection from " + address + ": it does not read what it is sent");
            conn.closeConnection(CloseFrame.POLICY_VALIDATION, "replies are not being read");
            return;
        }
        conn.send(text);
        nudge();
    }

    /** Whether more is queued than its client could be reading (see {@link #MAX_QUEUED_BYTES}). */
    private boolean notReading() {
        if (!(conn instanceof WebSocketImpl impl) || impl.outQueue.size() < 16) {
            return false;
        }
        if (impl.outQueue.size() > MAX_QUEUED_FRAMES) {
            return true;
        }
        long bytes = 0;
        for (ByteBuffer b : impl.outQueue) {
            bytes += b.remaining();
        }
        return bytes > MAX_QUEUED_BYTES;
    }

    /**
     * Java-WebSocket 1.6.0 can lose a write wake-up: its selector thread drains a connection's queue, then sets the
     * key back to read-only; a frame queued by another thread (our replies come from the host's threads) in between
     * stays queued until something else is written. Shortly after a send, re-arm the write while data is queued.
     */
    private void nudge() {
        if (!nudging.compareAndSet(false, true)) {
            return;
        }
        try {
            timers.schedule(() -> {
                nudging.set(false);
                if (conn.isOpen() && conn.hasBufferedData()) {
                    writeDemand.accept(conn);
                    nudge();
                }
            }, 25, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            nudging.set(false);
        }
    }
}
