package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.jaildesk.protocol.Protocol;
import org.junit.jupiter.api.Test;

/**
 * A host that refuses the connection in its handshake's reply ({@link Protocol#REFUSED_HEADER}) but whose close frame
 * never arrives, as when it is lost to a TCP reset: the client still says why, in the host's words, and sends
 * nothing on the refused connection.
 */
class RefusedConnectionTest extends OverLoopback<RefusedConnectionTest.RefusingHost> {

    /**
     * Refuses every connection with {@code why} in the handshake's reply and sends no close frame (as if it was lost):
     * the first message on it drops the connection.
     */
    static final class RefusingHost extends LoopbackHost {
        final AtomicInteger messages = new AtomicInteger();
        final String why;

        RefusingHost(String why) {
            this.why = why;
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket c, Draft d, ClientHandshake h)
                throws org.java_websocket.exceptions.InvalidDataException {
            ServerHandshakeBuilder reply = super.onWebsocketHandshakeReceivedAsServer(c, d, h);
            reply.put(Protocol.REFUSED_HEADER, why);
            return reply;
        }

        @Override
        public void onOpen(WebSocket c, ClientHandshake h) {
        }

        /** Whatever comes is dropped with the connection, without a close frame. */
        @Override
        public void onMessage(WebSocket c, String text) {
            messages.incrementAndGet();
            ((WebSocketImpl) c).closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped without a close frame");
        }
    }


    private IocageClientException refusal(String why) throws Exception {
        connect(new RefusingHost(why), "pw"::toCharArray);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> new IocageClient(transport).listJails().get(20, TimeUnit.SECONDS));
        return assertInstanceOf(IocageClientException.class, e.getCause());
    }

    @Test
    void aRefusalInTheHandshakeIsToldEvenWhenTheCloseFrameIsLost() throws Exception {
        IocageClientException why = refusal("too many failed logins; try again later");
        assertEquals(Trouble.CLOSED_BY_HOST, why.trouble(), why.getMessage());
        assertEquals("127.0.0.1:" + host.getPort() + " closed the connection: too many failed logins; try again later",
                why.getMessage());
        assertEquals(0, host.messages.get(), "nothing is sent on a refused connection, not even the password");
    }

    @Test
    void theHostsWordsAreShownAsText() throws Exception {
        IocageClientException why = refusal("x".repeat(6000) + "\u001b[2J $(reboot)");
        assertEquals(Trouble.CLOSED_BY_HOST, why.trouble());
        assertTrue(why.getMessage().length() < 600, "cut to a readable length: " + why.getMessage().length());
        assertTrue(!why.getMessage().contains("\u001b"), "no control characters reach a notice");
    }
}
