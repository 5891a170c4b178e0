package org.jaildesk.server;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.ProtocolException;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.RequestHandler;
import org.jaildesk.protocol.SysadmCodec;

/**
 * {@code jaildesk serve}: the sysadm protocol over WebSocket (wss by default) and REST (https by default), in front of
 * a {@link RequestHandler} (the host). Login is required for everything but {@code identify}; tokens expire; failed
 * logins are throttled per address; sockets that do not log in within the grace time are closed; messages are
 * capped; requests on one connection run concurrently and their replies may come out of order.
 */
public final class SysadmServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SysadmServer.class.getName());
    /** Why a blocked address's connection is closed (the close frame's reason and {@link Protocol#REFUSED_HEADER}). */
    private static final String BLOCKED = Protocol.LOGINS_BLOCKED + "; try again later";

    /**
     * The JDK's HTTP server writes a reply's headers and its body separately; with Nagle's algorithm on, the body
     * then waits for the client's delayed acknowledgement of the headers, some 40 ms on every REST reply on Linux.
     * This property turns on TCP_NODELAY for its connections; the JDK reads it once, when the first HTTP server is
     * made. An explicit setting is left alone.
     */
    static final String HTTP_NODELAY = "sun.net.httpserver.nodelay";

    /**
     * Java-WebSocket's own logger. It logs a port that cannot be bound as a fatal error with a stack trace, then
     * reports the same failure to {@code onError}; {@link #start} turns that into one sentence ("cannot listen on
     * …"), so the stack trace only buried it. Held here: the JDK keeps loggers (and their filters) only while they
     * are referenced.
     */
    private static final Logger WEBSOCKET_LOG = Logger.getLogger(WebSocketServer.class.getName());

    static {
        if (System.getProperty(HTTP_NODELAY) == null) {
            System.setProperty(HTTP_NODELAY, "true");
        }
        WEBSOCKET_LOG.setFilter(r -> !(r.getThrown() instanceof BindException));
    }

    /** Frames above this are refused by the WebSocket layer itself (the connection closes with 1009). */
    static final int HARD_FRAME_LIMIT = 16 * 1024 * 1024;

    /**
     * Requests one connection may have waiting for their replies. Each waits as a task of the host's, holding its
     * request and, when done, its reply: without a bound one client could queue work and memory without end. A
     * desktop has a few in flight, a script some dozens; the reliability test pipelines 200.
     */
    static final int MAX_IN_FLIGHT = 256;

    private final ServerConfig config;
    private final SysadmCodec codec = new SysadmCodec();
    private final Gate gate;
    private final ServerTls tls;
    private final Map<WebSocket, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    private final AtomicBoolean fatalOnce = new AtomicBoolean();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "server-timers");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService restWorkers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "server-rest");
        t.setDaemon(true);
        return t;
    });
    private final AutoCloseable eventSubscription;
    private Endpoint ws;
    private HttpServer rest;

    public SysadmServer(RequestHandler host, ServerConfig config, UserStore users, ServerTls tls, String version) {
        if (users.isEmpty()) {
            throw new IllegalStateException("no users: add one first with 'jaildesk user add NAME --users FILE'");
        }
        if (config.tls() && tls == null) {
            throw new IllegalArgumentException("TLS is on but no certificate was given");
        }
        this.config = config;
        this.tls = tls;
        TokenStore tokens = new TokenStore(config.clock(), config.tokenLifetime(), config.sessionLimit());
        LoginThrottle throttle = new LoginThrottle(config.clock(), config.failLimit(), config.failWindow(), config.blockFor());
        AuditLog audit = new AuditLog(config.stateDir().resolve("audit.log"), config.clock());
        ProtectedJails marks;
        try {
            marks = new ProtectedJails(config.stateDir().resolve("protected.txt"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + config.stateDir().resolve("protected.txt") + ": " + e.getMessage(), e);
        }
        if (host instanceof org.jaildesk.host.IocageHost iocage) {
            iocage.protectWith(marks);
        }
        // Every subscribed client hears of a mark changed, by any client or a rename, to read the marks again.
        marks.onChange((action, jail) -> broadcast(Event.change(Protocol.PROTECTED_EVENT, action, jail)));
        this.gate = new Gate(host, users, tokens, throttle, audit, config.hostName(), version, marks, loginKeys(users),
                config.clock());
        this.eventSubscription = host.subscribe(this::broadcast);
    }

    /**
     * The login keys registered beside the users file; the keys of users no longer in it (a users file edited by hand:
     * {@code jaildesk user remove} takes a user's keys away itself) are taken away first.
     */
    private static UserKeys loginKeys(UserStore users) {
        Path file = UserKeys.fileFor(users.file());
        try {
            UserKeys keys = UserKeys.load(file);
            int gone = keys.keepOnly(users.names());
            if (gone > 0) {
                LOG.warning("took away " + gone + " login keys of users no longer in " + users.file());
            }
            return keys;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot use " + file + ": " + e.getMessage(), e);
        }
    }

    /** Binds both listeners; returns once they accept connections. */
    public SysadmServer start() throws IOException, InterruptedException {
        ws = new Endpoint(new InetSocketAddress(config.bind(), config.wsPort()));
        if (config.tls()) {
            ws.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls.context()));
        }
        ws.setReuseAddr(true);
        // A change's events and its reply go out back to back: without this the reply waited some 40 ms for the
        // client's delayed acknowledgement of the events (Nagle's algorithm).
        ws.setTcpNoDelay(true);
        ws.start();
        if (!ws.started.await(10, TimeUnit.SECONDS) || ws.failure != null) {
            throw new IOException("cannot listen on " + config.bind().getHostAddress() + ":" + config.wsPort()
                    + " (WebSocket)" + (ws.failure == null ? "" : ": " + ws.failure.getMessage()));
        }
        InetSocketAddress restAddress = new InetSocketAddress(config.bind(), config.restPort());
        try {
            if (config.tls()) {
                HttpsServer https = HttpsServer.create(restAddress, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.context()));
                rest = https;
            } else {
                rest = HttpServer.create(restAddress, 64);
            }
        } catch (IOException e) {
            // Not half up: the WebSocket listener goes too, and the message says which port.
            close();
            throw new IOException("cannot listen on " + config.bind().getHostAddress() + ":" + config.restPort() + " (REST): "
                    + e.getMessage(), e);
        }
        rest.createContext("/", new RestEndpoint(gate, codec, config.maxMessageBytes(), restWorkers));
        rest.setExecutor(restWorkers);
        rest.start();
        return this;
    }

    /**
     * Completes when the server stopped on its own because the WebSocket listener failed for good (Java-WebSocket
     * reports that as an error without a connection, then its selector thread ends). By then the REST listener is
     * closed too: a server half up would look alive to its supervisor while no desktop could connect.
     */
    public CompletableFuture<Throwable> failed() {
        return failed;
    }

    /** The WebSocket listener is gone: say so, close the rest, let {@code serve} exit non-zero. Once. */
    void fatal(Throwable ex) {
        if (closing.get() || !fatalOnce.compareAndSet(false, true)) {
            return;
        }
        LOG.severe("the WebSocket server stopped: " + ex);
        // Not on the listener's own thread: stopping it joins that thread.
        Thread closer = new Thread(() -> {
            try {
                close();
            } catch (RuntimeException | Error e) {
                // After an upgrade replaced the jar, closing may need classes that are gone; exit all the same.
                LOG.severe("closing after the failure failed too: " + e);
            } finally {
                failed.complete(ex);
            }
        }, "jaildesk-fatal-close");
        closer.start();
    }

    /** Open WebSocket connections, logged in or not (for tests and diagnostics). */
    int openSockets() {
        return ws.getConnections().size();
    }

    public int wsPort() {
        return ws.getPort();
    }

    public int restPort() {
        return rest.getAddress().getPort();
    }

    public String scheme() {
        return config.tls() ? "wss" : "ws";
    }

    public Optional<String> fingerprint() {
        return tls == null ? Optional.empty() : Optional.of(tls.fingerprint());
    }

    public Path auditFile() {
        return config.stateDir().resolve("audit.log");
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            eventSubscription.close();
        } catch (Exception e) {
            LOG.fine("closing the event subscription: " + e);
        }
        if (rest != null) {
            // Replies already on their way are written first (a change the stop cancelled is answered so), then the
            // listener and its connections close.
            restWorkers.shutdown();
            try {
                restWorkers.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rest.stop(0);
        }
        if (ws != null) {
            try {
                ws.stop(2000, "server shutting down");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timers.shutdownNow();
        restWorkers.shutdownNow();
    }

    private void broadcast(Event event) {
        String text = null;
        for (Session s : sessions.values()) {
            if (s.subscriptions.contains(event.name()) && gate.logins().holds(s)) {
                if (text == null) {
                    text = codec.write(event);
                }
                s.sender.accept(text);
            }
        }
    }

    // ---- WebSocket ------------------------------------------------------------------------------------------

    private final class Endpoint extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        volatile Exception failure;
        /** Started listening: from then on, the loop ending without a close is a failure (a bind failure is not). */
        volatile boolean listening;

        Endpoint(InetSocketAddress address) {
            super(address, Math.max(2, Runtime.getRuntime().availableProcessors()),
                    List.of(new Draft_6455(List.of(), HARD_FRAME_LIMIT)));
        }

        /**
         * The selector loop. It ends when the server is closed, or on its own: Java-WebSocket reports some failures
         * through {@code onError} and then leaves the loop, and an {@code Error} (a class that can no longer be
         * loaded after an upgrade replaced the jar under the running server) escapes it without any call. Either
         * way, after start and without a close, the server is dead and says so.
         */
        @Override
        public void run() {
            try {
                super.run();
            } catch (RuntimeException | Error e) {
                if (listening) {
                    fatal(e);
                }
                throw e;
            }
            if (listening) {
                fatal(failure != null ? failure : new IOException("the WebSocket listener stopped"));
            }
        }

        @Override
        public void onStart() {
            setConnectionLostTimeout(60);
            listening = true;
            started.countDown();
        }

        /**
         * A blocked address is told so in the handshake's reply ({@link Protocol#REFUSED_HEADER}) as well as by the
         * close once open, because the close frame alone can be lost: Java-WebSocket closes the socket as soon as that
         * frame is out, a request the client sent meanwhile is then unread, and that makes the close a TCP reset, which
         * drops the frame on the client's side before it is read. The handshake's reply is read before the client sends
         * anything.
         */
        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
                throws InvalidDataException {
            ServerHandshakeBuilder reply = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            if (gate.throttle().isBlocked(addressOf(conn))) {
                reply.put(Protocol.REFUSED_HEADER, BLOCKED);
                conn.setAttachment(BLOCKED);
            }
            return reply;
        }

        private static String addressOf(WebSocket conn) {
            return conn.getRemoteSocketAddress() == null ? "unknown" : conn.getRemoteSocketAddress().getAddress().getHostAddress();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String address = addressOf(conn);
            if (BLOCKED.equals(conn.getAttachment()) || gate.throttle().isBlocked(address)) {
                conn.close(CloseFrame.POLICY_VALIDATION, BLOCKED);
                return;
            }
            Session s = new Session(address, new ConnectionSender(conn, address, timers, this::onWriteDemand));
            sessions.put(conn, s);
            timers.schedule(() -> {
                // Not loggedIn(): an auth request logs the session out while it checks the password.
                if (conn.isOpen() && !s.everLoggedIn) {
                    conn.close(CloseFrame.POLICY_VALIDATION, "not logged in within " + config.authGrace().toSeconds() + " s");
                }
            }, config.authGrace().toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            sessions.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            Session s = sessions.get(conn);
            if (s == null) {
                return;
            }
            if (message.length() > config.maxMessageBytes()) {
                s.sender.accept(codec.write(ErrorReply.of("", ErrorCode.BAD_REQUEST,
                        "message too large (" + message.length() + " characters, at most " + config.maxMessageBytes() + ")")));
                return;
            }
            Request r;
            try {
                r = codec.readRequest(message);
            } catch (ProtocolException e) {
                s.sender.accept(codec.write(ErrorReply.of("", e.code(), e.getMessage())));
                return;
            }
            if (s.inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                s.inFlight.decrementAndGet();
                s.sender.accept(codec.write(ErrorReply.of(r.id(), ErrorCode.BAD_REQUEST, "too many requests waiting on this"
                        + " connection (" + MAX_IN_FLIGHT + "): send more when their replies have come")));
                return;
            }
            CompletableFuture<Reply> reply;
            try {
                reply = gate.handle(s, r);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "request failed", e);
                reply = CompletableFuture.completedFuture(ErrorReply.of(r.id(), ErrorCode.INTERNAL, "internal error"));
            }
            if (reply == null) {
                s.inFlight.decrementAndGet();
            } else {
                reply.whenComplete((rep, err) -> {
                    s.inFlight.decrementAndGet();
                    s.sender.accept(codec.write(err == null ? rep
                            : ErrorReply.of(r.id(), ErrorCode.INTERNAL, "internal error: " + err.getClass().getSimpleName())));
                });
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            onMessage(conn, StandardCharsets.UTF_8.decode(message).toString());
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                if (listening) {
                    failure = ex;
                    fatal(ex);
                    return;
                }
                // Before listening: start() reports it as its failure, with the address.
                failure = ex;
                started.countDown();
                LOG.fine(() -> "WebSocket server: " + ex);
            } else {
                LOG.fine(() -> "connection error: " + ex);
            }
        }
    }
}
