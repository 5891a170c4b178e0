package org.jaildesk.client;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.jaildesk.domain.Shown;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Message;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.ProtocolException;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.SysadmCodec;

/** One WebSocket connection of a {@link WebSocketTransport}; replaced by a new one after a drop. */
final class SysadmSocket extends WebSocketClient {

    private static final Logger LOG = Logger.getLogger(SysadmSocket.class.getName());

    /**
     * What a connection shares with its transport: the requests waiting over all its connections, how long each may
     * wait, where events go, and who hears of the connection's end.
     */
    record Wiring(SysadmCodec codec, PendingReplies replies, Function<Request, Duration> timeouts, Consumer<Event> events,
                  Consumer<SysadmSocket> lost, String hostPort) {
    }

    /** The most of a reader's complaint quoted back. */
    private static final int WHY = 200;

    private final Wiring wiring;
    /** Set for wss: the certificate check, which keeps why it refused. */
    PinningTrustManager pin;
    volatile Exception error;
    /** Logged in and handed out; only such a connection is reconnected when it drops. */
    volatile boolean established;
    /** Ids of the requests sent on this socket and not answered yet. */
    final Set<String> sent = ConcurrentHashMap.newKeySet();
    /** Closed because a message from the host was larger than the limit. */
    volatile boolean tooBig;
    /** Why a message from the host could not be read, which closed the connection; null while none was. */
    volatile String unreadable;
    /** Why the host closed this connection, as it said (a WebSocket close reason); null while it has not. */
    volatile String closedBecause;
    /** Opened (the handshake done), then closed: counted down once {@link #onClose} has run. */
    private volatile boolean opened;
    private final CountDownLatch closed = new CountDownLatch(1);
    /** What the host on this connection advertises ({@code rpc/query}), once asked. */
    volatile CompletableFuture<Set<String>> extensions;
    /** How many times the session on this connection was logged in again after the host ended it. */
    volatile int logins;
    /** The login again under way or last made on this connection (guarded by the transport), or null. */
    CompletableFuture<Void> loggingIn;

    SysadmSocket(URI url, int replyLimit, Wiring wiring) {
        super(url, new Draft_6455(List.of(), replyLimit));
        this.wiring = wiring;
        setConnectionLostTimeout(30);
    }

    /**
     * A new socket to {@code options}' URL, connected within its connect timeout (for wss with TLS pinned to the
     * host's known fingerprint), not logged in yet; or why not, with a refused certificate's fingerprint.
     */
    static SysadmSocket connect(WebSocketOptions options, int replyLimit, Wiring wiring) {
        try {
            return once(options, replyLimit, wiring);
        } catch (Stalled first) {
            // Reached, but the handshake never finished: Java-WebSocket's TLS channel now and then leaves one hanging on
            // the server's side (TooTallNate/Java-WebSocket#1086), and a new connection goes through. Tried once more.
            LOG.info(() -> "the handshake with " + wiring.hostPort() + " did not finish within "
                    + options.connectTimeout().toSeconds() + " s; connecting once more");
            try {
                return once(options, replyLimit, wiring);
            } catch (Stalled again) {
                throw again.failure;
            }
        }
    }

    /**
     * A connection that reached the host (its socket connected) but whose TLS or WebSocket handshake did not finish
     * within the connect timeout, and nothing said why; {@code failure} is what the caller is told.
     */
    private static final class Stalled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient IocageClientException failure;

        Stalled(IocageClientException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    /** {@link #connect}'s one try; {@link Stalled} where the host was reached and the handshake hung. */
    private static SysadmSocket once(WebSocketOptions options, int replyLimit, Wiring wiring) {
        SysadmSocket c = new SysadmSocket(options.url(), replyLimit, wiring);
        String hostPort = wiring.hostPort();
        try {
            if ("wss".equals(options.url().getScheme())) {
                c.pin = new PinningTrustManager(options.knownHosts(), hostPort);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {c.pin}, new SecureRandom());
                c.setSocketFactory(ctx.getSocketFactory());
            }
            boolean open = c.connectBlocking(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            // Opened, but refused in the handshake's reply (see onOpen): nothing is sent on it.
            if (!open || c.closedBecause != null) {
                if (!open && c.opened) {
                    // Opened and closed at once (a host that refuses this address): its reason is read by a
                    // thread of the socket's own, which may not have got to it yet.
                    c.closed.await(1, TimeUnit.SECONDS);
                }
                UntrustedCertificateException refusal = c.pin == null ? null : c.pin.refusal();
                IocageClientException failure = refusal != null
                        ? IocageClientException.transport(refusal.trouble(), refusal, hostPort, refusal.fingerprint())
                        : c.closedBecause != null
                        ? IocageClientException.transport(Trouble.CLOSED_BY_HOST, null, hostPort, c.closedBecause)
                        : c.error == null ? IocageClientException.transport(Trouble.CANNOT_CONNECT, null, hostPort)
                        : IocageClientException.transport(Trouble.CANNOT_CONNECT_BECAUSE, c.error, hostPort,
                                String.valueOf(c.error.getMessage()));
                if (!open && !c.opened && refusal == null && c.closedBecause == null && c.error == null && c.reached) {
                    c.close();
                    throw new Stalled(failure);
                }
                throw failure;
            }
            return c;
        } catch (GeneralSecurityException e) {
            throw transport("TLS is not available: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transport("interrupted while connecting", e);
        } catch (IocageClientException e) {
            c.close();
            throw e;
        }
    }

    /**
     * The host was reached: its socket connected and the opening handshake went out (for wss the TLS handshake starts
     * with it), whatever became of it after. Kept here, as a connect that times out takes the socket away.
     */
    private volatile boolean reached;

    @Override
    public void onWebsocketHandshakeSentAsClient(org.java_websocket.WebSocket conn,
                                                 org.java_websocket.handshake.ClientHandshake request)
            throws org.java_websocket.exceptions.InvalidDataException {
        super.onWebsocketHandshakeSentAsClient(conn, request);
        reached = true;
    }

        private static IocageClientException transport(String message, Throwable cause) {
        return new IocageClientException(IocageClientException.Kind.TRANSPORT, message, cause);
    }

    @Override
    protected void onSetSSLParameters(SSLParameters p) {
        // The certificate is pinned by fingerprint, so no host name check (self-signed names rarely match).
    }

    /** Sends {@code r}; its reply, or why there is none. */
    CompletableFuture<Reply> request(Request r) {
        CompletableFuture<Reply> f = wiring.replies().expect(r.id(), wiring.timeouts().apply(r));
        sent.add(r.id());
        f.whenComplete((x, e) -> sent.remove(r.id()));
        try {
            send(wiring.codec().write(r));
        } catch (RuntimeException e) {
            if (isOpen()) {
                wiring.replies().fail(r.id(), f, IocageClientException.transport(Trouble.CANNOT_SEND, e, wiring.hostPort(),
                        String.valueOf(e.getMessage())));
            } else if (opened && closed.getCount() > 0) {
                // Closing by the host, whose reason is still on its way: the close fails this request with it
                // (its id is in sent), rather than "closed" without a word of why.
                LOG.fine(() -> "not sent, the connection is closing: " + r.id());
            } else {
                wiring.replies().fail(r.id(), f, closedBecause != null
                        ? IocageClientException.transport(Trouble.CLOSED_BY_HOST, e, wiring.hostPort(), closedBecause)
                        : IocageClientException.transport(Trouble.CANNOT_SEND_CLOSED, e, wiring.hostPort()));
            }
        }
        return f;
    }

    void sendQuietly(String text) {
        try {
            send(text);
        } catch (RuntimeException e) {
            LOG.fine("not sent: " + e);
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        // A host that refuses this connection (our server, for a blocked address) says why here as well as in its
        // close frame, which can be lost: the host closes its socket right after sending it, and if anything we sent
        // is still unread there, the close is a reset that drops the frame before we read it.
        String refused = handshake.getFieldValue(Protocol.REFUSED_HEADER);
        if (refused != null && !refused.isBlank()) {
            closedBecause = Shown.of(refused.strip(), WHY);
        }
        opened = true;
        LOG.fine(() -> "connected to " + wiring.hostPort());
    }

    @Override
    public void onMessage(String message) {
        Message m;
        try {
            m = wiring.codec().readIncoming(message);
        } catch (ProtocolException e) {
            // Which request it answered cannot be known, so that one would wait out its time limit (hours for a long
            // action) though the host has answered. The connection is closed instead: what waits on it fails now,
            // saying why, and the next request goes out on a new one.
            String why = Shown.cut(e.getMessage(), WHY);
            LOG.warning("unreadable message from " + wiring.hostPort() + ", closing the connection: " + why);
            unreadable = why;
            close(CloseFrame.PROTOCOL_ERROR, "unreadable message");
            return;
        }
        if (m instanceof Event e) {
            wiring.events().accept(e);
        } else if (!wiring.replies().answer((Reply) m)) {
            LOG.fine(() -> "reply to nothing pending: " + message);
        }
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        onMessage(StandardCharsets.UTF_8.decode(bytes).toString());
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        LOG.fine(() -> "closed " + wiring.hostPort() + ": " + code + " " + reason);
        tooBig = code == CloseFrame.TOOBIG && !remote;
        if (remote && reason != null && !reason.isBlank()) {
            // At most 123 bytes by the protocol; written out, so that it cannot break or fake a line of a notice.
            closedBecause = Shown.of(reason.strip(), WHY);
        }
        closed.countDown();
        wiring.lost().accept(this);
    }

    @Override
    public void onError(Exception ex) {
        error = ex;
    }
}
