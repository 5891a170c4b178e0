package org.jaildesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Message;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.ProtocolException;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.protocol.SysadmCodec;

/**
 * The sysadm protocol over WebSocket ({@code ws://} or {@code wss://}), to our server or a real sysadm server.
 *
 * <p>Connects on first use and logs in with the password (asked for through the supplier only when needed), then
 * re-uses the token. Requests get unique ids and replies are matched by id, in any order. Each request has a timeout.
 * When the connection drops, every pending request fails at once with a clear message (nothing is sent twice) and
 * the transport reconnects in the background with growing pauses, so that events resume. TLS certificates are
 * pinned per host (trust on first use, see {@link KnownHosts}).
 */
public final class WebSocketTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(WebSocketTransport.class.getName());

    /** sysadm's WebSocket port, meant where a URL names none: {@code wss://nas} is {@code wss://nas:12150}, not 443. */
    public static final int DEFAULT_PORT = 12150;

    /**
     * @param url            {@code wss://host:12150}; without a port, {@link #DEFAULT_PORT}
     * @param user           login name
     * @param password       asked when a password login is needed; the array is wiped after use
     * @param knownHosts     accepted certificate fingerprints (wss only)
     * @param requestTimeout how long to wait for one reply
     * @param reconnect      reconnect in the background after a drop
     */
    public record Options(URI url, String user, Supplier<char[]> password, KnownHosts knownHosts,
                          Duration requestTimeout, Duration connectTimeout, boolean reconnect) {
        public Options {
            url = withDefaultPort(url);
        }
    }

    /** {@code u} with {@link #DEFAULT_PORT} where it names no port (the socket library would take 443 or 80). */
    public static URI withDefaultPort(URI u) {
        if (u == null || u.getPort() >= 0 || u.getHost() == null) {
            return u;
        }
        try {
            return new URI(u.getScheme(), u.getUserInfo(), u.getHost(), DEFAULT_PORT, u.getPath(), u.getQuery(), u.getFragment());
        } catch (java.net.URISyntaxException e) {
            return u;
        }
    }

    /** What the connection is doing, for a status indicator. */
    public enum State { DISCONNECTED, CONNECTING, CONNECTED, FAILED, CLOSED }

    private final Options options;
    private final SysadmCodec codec = new SysadmCodec();
    private final Map<String, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<Consumer<Event>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<State>> stateListeners = new CopyOnWriteArrayList<>();
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();
    private CompletableFuture<Connection> connecting;
    private volatile String token;
    /**
     * Why the password is not asked again by itself (the user cancelled the dialog, or the host refused what was
     * typed), or null while it may be asked: no new prompt until {@link #resumeLogin()}.
     */
    private volatile Held loginHeld;
    private volatile boolean closed;
    private volatile State state = State.DISCONNECTED;
    /** What the host advertised ({@code rpc/query}), asked at each login; empty until known. */
    private volatile Set<String> advertised = Set.of();
    /** Requests waiting for their reply, by the id their caller gave them: what {@link #cancel} needs. */
    private final Map<String, Sent> onWire = new ConcurrentHashMap<>();

    /**
     * The largest message taken from a host: a listing of 100,000 jails is some 20 MiB; without a bound a broken or
     * hostile host could make JailDesk hold any amount of memory.
     */
    public static final int DEFAULT_REPLY_LIMIT = 256 * 1024 * 1024;

    private final int replyLimit;

    public WebSocketTransport(Options options) {
        this(options, DEFAULT_REPLY_LIMIT);
    }

    /** A transport that closes the connection on any message from the host larger than {@code replyLimit} bytes. */
    public WebSocketTransport(Options options, int replyLimit) {
        this.replyLimit = replyLimit;
        String scheme = options.url().getScheme();
        if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
            throw new IllegalArgumentException("a sysadm URL starts with wss:// (or ws:// on loopback), not " + scheme + "://");
        }
        this.options = options;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ws-transport-" + options.url().getHost());
            t.setDaemon(true);
            return t;
        });
    }

    public State state() {
        return state;
    }

    public AutoCloseable onState(Consumer<State> listener) {
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    @Override
    public CompletableFuture<Reply> send(Request request) {
        if (closed) {
            return CompletableFuture.failedFuture(trouble(Trouble.CLOSED, null, hostPort()));
        }
        String wireId = "jd" + ids.incrementAndGet();
        return connection().thenCompose(c -> {
            if (request.id().isEmpty()) {
                return c.request(request.withId(wireId));
            }
            Sent sent = new Sent(wireId, c);
            onWire.put(request.id(), sent);
            return c.request(request.withId(wireId)).whenComplete((r, e) -> onWire.remove(request.id(), sent));
        });
    }

    /** A request on its way: the id it went out under and the connection it went out on. */
    private record Sent(String wireId, Connection on) {
    }

    /** Where the host is JailDesk's server, which stops a running change when asked ({@link Protocol#CANCEL}). */
    @Override
    public boolean canCancel() {
        return advertised.contains(Protocol.CANCEL);
    }

    /**
     * Asks the host to stop a change still waiting for its reply. The host knows the request by the id it went out
     * under, on that connection only; the change's own reply then says it was cancelled.
     */
    @Override
    public boolean cancel(String requestId) {
        Sent sent = onWire.get(requestId);
        if (sent == null || !canCancel() || !sent.on().isOpen()) {
            return false;
        }
        ObjectNode args = codec.mapper().createObjectNode().put("action", Protocol.CANCEL).put("id", sent.wireId());
        sent.on().request(new Request(Protocol.SYSADM, Protocol.IOCAGE, "cancel-" + ids.incrementAndGet(), args))
                .whenComplete((r, e) -> {
                    if (e != null || r instanceof ErrorReply) {
                        LOG.info("the host did not stop " + requestId + ": " + (e != null ? e.getMessage() : ((ErrorReply) r).message()));
                    }
                });
        return true;
    }

    /** Asks {@code rpc/query}; our server lists its extensions under {@code jaildesk}, the original server none. */
    @Override
    public CompletableFuture<Set<String>> extensions() {
        if (closed) {
            return CompletableFuture.failedFuture(trouble(Trouble.CLOSED, null, hostPort()));
        }
        // Asked once per connection, at login (canCancel needs it); asked again only if that failed.
        return connection().thenCompose(c -> {
            CompletableFuture<Set<String>> known = c.extensions;
            return known != null && !known.isCompletedExceptionally() ? known : c.askExtensions();
        });
    }

    private static Set<String> advertised(Reply r) {
        Set<String> out = new java.util.HashSet<>();
        if (r instanceof Response ok) {
            ok.args().path("jaildesk").path("extensions").forEach(n -> out.add(n.asText()));
        }
        return Set.copyOf(out);
    }

    /** Listens for events; subscribes to JailDesk's events on this and every later connection. */
    @Override
    public AutoCloseable onEvent(Consumer<Event> listener) {
        eventListeners.add(listener);
        boolean first = events.addAll(List.of(Protocol.DISPATCHER_EVENT, Protocol.JAIL_CHANGED_EVENT));
        if (first) {
            CompletableFuture<Connection> c;
            synchronized (lock) {
                c = connecting;
            }
            if (c != null && c.isDone() && !c.isCompletedExceptionally()) {
                c.join().subscribe();
            }
        }
        return () -> eventListeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<Connection> c;
        synchronized (lock) {
            c = connecting;
            connecting = null;
        }
        if (c != null && c.isDone() && !c.isCompletedExceptionally()) {
            Connection conn = c.join();
            conn.sendQuietly(codec.write(new Request(Protocol.RPC, "auth_clear", "", codec.mapper().createObjectNode())));
            conn.close();
        }
        failPending(pending.keySet(), Trouble.CLOSED, hostPort());
        setState(State.CLOSED);
        scheduler.shutdownNow();
    }

    private String hostPort() {
        return hostPort(options.url());
    }

    /** "host:port" of a sysadm URL (the port defaulted): how its accepted certificate is known. */
    public static String hostPort(URI url) {
        URI u = withDefaultPort(url);
        return u.getHost() + ":" + u.getPort();
    }

    /** The live connection, or a new one (connected and logged in) when there is none. */
    private CompletableFuture<Connection> connection() {
        synchronized (lock) {
            if (connecting != null && !connecting.isCompletedExceptionally()
                    && (!connecting.isDone() || connecting.join().isOpen())) {
                return connecting;
            }
            CompletableFuture<Connection> f = new CompletableFuture<>();
            connecting = f;
            scheduler.execute(() -> open(f));
            return f;
        }
    }

    private void open(CompletableFuture<Connection> result) {
        setState(State.CONNECTING);
        char[] password = null;
        try {
            // Connect first: the certificate is checked before anyone is asked for a password.
            Connection c = connect();
            try {
                if (!tokenAccepted(c)) {
                    password = askPassword();
                    // The server closes a socket that has not logged in within 30 s, and looking a password up can
                    // take longer: then the login fails to go out (or its close overtakes it on the wire) and is
                    // sent once more on a fresh socket, without asking again.
                    try {
                        login(c, password);
                    } catch (IocageClientException e) {
                        if (c.isOpen() || e.kind() != IocageClientException.Kind.TRANSPORT) {
                            throw e;
                        }
                        c.close();
                        c = connect();
                        login(c, password);
                    }
                }
                c.subscribe();
                c.askExtensions();
            } catch (IocageClientException e) {
                c.close();
                throw e;
            }
            failures.set(0);
            c.established = true;
            setState(State.CONNECTED);
            result.complete(c);
        } catch (IocageClientException e) {
            setState(State.FAILED);
            result.completeExceptionally(e);
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    /** A new socket, connected (TLS pinned to the known fingerprint for wss), not logged in yet. */
    private Connection connect() {
        Connection c = new Connection();
        try {
            if ("wss".equals(options.url().getScheme())) {
                c.pin = new PinningTrustManager(options.knownHosts(), hostPort());
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {c.pin}, new SecureRandom());
                c.setSocketFactory(ctx.getSocketFactory());
            }
            if (!c.connectBlocking(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                UntrustedCertificateException refusal = c.pin == null ? null : c.pin.refusal();
                throw refusal != null
                        ? trouble(refusal.trouble(), refusal, hostPort(), refusal.fingerprint())
                        : c.error == null ? trouble(Trouble.CANNOT_CONNECT, null, hostPort())
                        : trouble(Trouble.CANNOT_CONNECT_BECAUSE, c.error, hostPort(), String.valueOf(c.error.getMessage()));
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
     * The password, asked once per attempt. Cancelled, or refused by the host, it is not asked again by itself (a
     * background refresh, a reconnect) until the user calls for it ({@link #resumeLogin()}): a dialog that reopens on
     * its own whenever it is dismissed cannot be dismissed, and one that reopens every 30 s after a typing mistake
     * is not much better.
     */
    private char[] askPassword() {
        Held held = loginHeld;
        if (held != null) {
            throw notLoggedIn(held);
        }
        char[] password = options.password().get();
        if (password == null) {
            loginHeld = new Held(Trouble.LOGIN_CANCELLED, hostPort());
            throw notLoggedIn(loginHeld);
        }
        return password;
    }

    private static IocageClientException notLoggedIn(Held why) {
        return new IocageClientException(IocageClientException.Kind.PROTOCOL_ERROR, why.trouble(), "401", null, why.args());
    }

    /** Why the login is held: the wording and its arguments. */
    private record Held(Trouble trouble, String... args) {
    }

    @Override
    public void resumeLogin() {
        loginHeld = null;
    }

    /** Logs in with the session's token, if there is one; false (and the token dropped) when there is none or it is refused. */
    private boolean tokenAccepted(Connection c) {
        if (token == null) {
            return false;
        }
        Reply r = await(c.request(new Request(Protocol.RPC, "auth_token", "auth-" + ids.incrementAndGet(),
                codec.mapper().createObjectNode().put("token", token))));
        if (r instanceof Response ok && ok.args().isArray()) {
            return true;
        }
        token = null;
        return false;
    }

    private void login(Connection c, char[] password) {
        ObjectNode args = codec.mapper().createObjectNode();
        args.put("username", options.user());
        args.put("password", new String(password));
        Reply r;
        try {
            r = await(c.request(new Request(Protocol.RPC, "auth", "auth-" + ids.incrementAndGet(), args)));
        } finally {
            args.remove("password");
        }
        if (r instanceof ErrorReply e) {
            String why = e.message().isEmpty() ? "Unauthorized" : e.message();
            loginHeld = new Held(Trouble.PASSWORD_WAS_REFUSED, hostPort(), why);
            throw new IocageClientException(IocageClientException.Kind.PROTOCOL_ERROR, Trouble.LOGIN_REFUSED, e.code(), null,
                    hostPort(), why);
        }
        JsonNode a = ((Response) r).args();
        // Ours answers [token, 900]; the real sysadm server answers [token, 0].
        if (!a.isArray() || a.size() < 1 || !a.get(0).isTextual() || a.get(0).asText().isEmpty()) {
            throw new IocageClientException(IocageClientException.Kind.MALFORMED_REPLY, "unexpected reply to auth: " + a);
        }
        token = a.get(0).asText();
    }

    /** Waits for a login reply on the transport's own thread, bounded: its timeout task cannot run meanwhile. */
    private Reply await(CompletableFuture<Reply> f) {
        try {
            return f.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw trouble(Trouble.NO_LOGIN_REPLY, e, hostPort(), String.valueOf(options.requestTimeout().toSeconds()));
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IocageClientException ice ? ice : transport("login failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transport("interrupted while logging in", e);
        }
    }

    private void lost(Connection c) {
        synchronized (lock) {
            if (connecting != null && connecting.isDone() && !connecting.isCompletedExceptionally() && connecting.join() == c) {
                connecting = null;
            }
        }
        // Only this socket's requests: an old socket that closes late must not fail those already sent on a new one.
        if (c.tooBig) {
            failPending(c.sent, Trouble.TOO_BIG, hostPort(), replyLimit >= 1024 * 1024 ? replyLimit / (1024 * 1024) + " MiB"
                    : Math.max(1, replyLimit / 1024) + " KiB");
        } else {
            failPending(c.sent, Trouble.LOST, hostPort());
        }
        if (closed || !c.established) {
            // A socket that never logged in (refused, cancelled, certificate not accepted) was closed by open(),
            // which reports why; reconnecting it would only ask the same question again.
            return;
        }
        setState(State.DISCONNECTED);
        if (options.reconnect()) {
            int n = failures.incrementAndGet();
            long delay = Math.min(30_000, 500L << Math.min(6, n - 1));
            scheduler.schedule(() -> {
                if (!closed && state != State.CONNECTED) {
                    connection().exceptionally(e -> null);
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void failPending(java.util.Collection<String> ids, Trouble why, String... args) {
        for (String id : List.copyOf(ids)) {
            CompletableFuture<Reply> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(trouble(why, null, args));
            }
        }
    }

    private void setState(State s) {
        state = s;
        for (Consumer<State> l : stateListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warning("a state listener failed: " + e);
            }
        }
    }

    private static IocageClientException trouble(Trouble t, Throwable cause, String... args) {
        return new IocageClientException(IocageClientException.Kind.TRANSPORT, t, "", cause, args);
    }

    private static IocageClientException transport(String message, Throwable cause) {
        return new IocageClientException(IocageClientException.Kind.TRANSPORT, message, cause);
    }

    /** Beyond the host's limit for a long action: time for it to stop iocage and send the reply. */
    public static final Duration LONG_REPLY_MARGIN = Duration.ofMinutes(5);

    /**
     * How long to wait for the reply to {@code r}: the usual limit, but for one of the {@link Protocol#LONG_ACTIONS}
     * at least as long as the host lets it run and a margin, so that a release downloading for an hour is not
     * reported failed while the host is still at it.
     */
    Duration timeoutFor(Request r) {
        Duration usual = options.requestTimeout();
        if (Protocol.SYSADM.equalsIgnoreCase(r.namespace()) && Protocol.IOCAGE.equalsIgnoreCase(r.name())
                && r.args() != null && Protocol.isLong(r.args().path("action").asText())) {
            Duration longer = Protocol.LONG_ACTION_LIMIT.plus(LONG_REPLY_MARGIN);
            return longer.compareTo(usual) > 0 ? longer : usual;
        }
        return usual;
    }

    /** One WebSocket connection; replaced by a new one after a drop. */
    private final class Connection extends WebSocketClient {
        PinningTrustManager pin;
        volatile Exception error;
        /** Logged in and handed out; only such a connection is reconnected when it drops. */
        volatile boolean established;
        /** Ids of the requests sent on this socket and not answered yet. */
        final Set<String> sent = ConcurrentHashMap.newKeySet();

        /** Closed because a message from the host was larger than the limit. */
        volatile boolean tooBig;
        /** What the host on this connection advertises ({@code rpc/query}), once asked. */
        volatile CompletableFuture<Set<String>> extensions;

        Connection() {
            super(options.url(), new Draft_6455(List.of(), replyLimit));
            setConnectionLostTimeout(30);
        }

        @Override
        protected void onSetSSLParameters(SSLParameters p) {
            // The certificate is pinned by fingerprint, so no host name check (self-signed names rarely match).
        }

        CompletableFuture<Reply> request(Request r) {
            CompletableFuture<Reply> f = new CompletableFuture<>();
            pending.put(r.id(), f);
            sent.add(r.id());
            f.whenComplete((x, e) -> sent.remove(r.id()));
            long ms = timeoutFor(r).toMillis();
            scheduler.schedule(() -> {
                if (pending.remove(r.id(), f)) {
                    f.completeExceptionally(trouble(Trouble.NO_REPLY, null, hostPort(), String.valueOf(ms / 1000)));
                }
            }, ms, TimeUnit.MILLISECONDS);
            try {
                send(codec.write(r));
            } catch (RuntimeException e) {
                if (pending.remove(r.id(), f)) {
                    f.completeExceptionally(isOpen() ? trouble(Trouble.CANNOT_SEND, e, hostPort(), String.valueOf(e.getMessage()))
                            : trouble(Trouble.CANNOT_SEND_CLOSED, e, hostPort()));
                }
            }
            return f;
        }

        CompletableFuture<Set<String>> askExtensions() {
            CompletableFuture<Set<String>> asked = request(new Request(Protocol.RPC, "query", "q-" + ids.incrementAndGet(),
                    codec.mapper().createObjectNode())).thenApply(r -> {
                        Set<String> out = advertised(r);
                        advertised = out;
                        return out;
                    });
            extensions = asked;
            return asked;
        }

        void subscribe() {
            if (!events.isEmpty()) {
                request(new Request(Protocol.EVENTS, "subscribe", "ev-" + ids.incrementAndGet(),
                        codec.mapper().valueToTree(List.copyOf(events))));
            }
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
            LOG.fine(() -> "connected to " + hostPort());
        }

        @Override
        public void onMessage(String message) {
            Message m;
            try {
                m = codec.readIncoming(message);
            } catch (ProtocolException e) {
                LOG.warning("unreadable message from " + hostPort() + ": " + e.getMessage());
                return;
            }
            if (m instanceof Event e) {
                for (Consumer<Event> l : eventListeners) {
                    try {
                        l.accept(e);
                    } catch (RuntimeException ex) {
                        LOG.warning("an event listener failed: " + ex);
                    }
                }
                return;
            }
            CompletableFuture<Reply> f = pending.remove(m.id());
            if (f != null) {
                f.complete((Reply) m);
            } else {
                LOG.fine(() -> "reply to nothing pending: " + message);
            }
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            onMessage(StandardCharsets.UTF_8.decode(bytes).toString());
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            LOG.fine(() -> "closed " + hostPort() + ": " + code + " " + reason);
            tooBig = code == CloseFrame.TOOBIG && !remote;
            lost(this);
        }

        @Override
        public void onError(Exception ex) {
            error = ex;
        }
    }
}
