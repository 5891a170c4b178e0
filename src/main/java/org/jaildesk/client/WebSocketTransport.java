package org.jaildesk.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
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
import java.util.logging.Logger;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Protocol;
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

    /** What the connection is doing, for a status indicator. */
    public enum State { DISCONNECTED, CONNECTING, CONNECTED, FAILED, CLOSED }

    private final WebSocketOptions options;
    private final SysadmCodec codec = new SysadmCodec();
    private final PendingReplies replies;
    private final SessionLogin login;
    private final SessionRenewal renewal;
    private final AtomicLong ids = new AtomicLong();
    /**
     * The start of this transport's requests' ids on the wire: "jd", 12 random hexadecimal digits and "-". A server's
     * audit log keeps them, and a desktop started again looks a change it left running up by its id: no other run's
     * (which counts from 1 again) may have sent one under the same.
     */
    private final String wirePrefix = "jd" + String.format(java.util.Locale.ROOT, "%012x",
            new java.security.SecureRandom().nextLong() & 0xffff_ffff_ffffL) + "-";
    private final List<Consumer<Event>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<State>> stateListeners = new CopyOnWriteArrayList<>();
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();
    private CompletableFuture<SysadmSocket> connecting;
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

    public WebSocketTransport(WebSocketOptions options) {
        this(options, DEFAULT_REPLY_LIMIT);
    }

    /** A transport that closes the connection on any message from the host larger than {@code replyLimit} bytes. */
    public WebSocketTransport(WebSocketOptions options, int replyLimit) {
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
        this.replies = new PendingReplies(scheduler, hostPort());
        this.login = new SessionLogin(options, codec, ids, SessionLogin.waitFor(options));
        this.renewal = new SessionRenewal(login, scheduler, c -> {
            subscribe(c);
            askExtensions(c);
        }, () -> trouble(Trouble.CLOSED, null, hostPort()));
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
        return connection().thenCompose(c -> {
            int logins = c.logins;
            return on(c, request).thenCompose(r -> {
                if (!SessionRenewal.ended(request, r)) {
                    return CompletableFuture.completedFuture(r);
                }
                // The host ended the session before anything ran (its token expired, or the user was given a new
                // password): logged in again on this connection, as at the start, and the request sent once more.
                LOG.info(() -> "the session on " + hostPort() + " ended; logging in again");
                return renewal.renew(c, logins, SessionRenewal.keyRevoked(r)).thenCompose(v -> connection()).thenCompose(again -> on(again, request));
            });
        });
    }

    private CompletableFuture<Reply> on(SysadmSocket c, Request request) {
        String wireId = wirePrefix + ids.incrementAndGet();
        if (request.id().isEmpty()) {
            return c.request(request.withId(wireId));
        }
        Sent sent = new Sent(wireId, c);
        onWire.put(request.id(), sent);
        return c.request(request.withId(wireId)).whenComplete((r, e) -> onWire.remove(request.id(), sent));
    }

    @Override
    public java.util.Optional<String> sentAs(String requestId) {
        return java.util.Optional.ofNullable(onWire.get(requestId)).map(Sent::wireId);
    }

    /** Whether the password is being asked because the host ended the session, not to begin one. */
    public boolean askingAfterEndedSession() {
        return login.askingAfterEnd();
    }

    /** A request on its way: the id it went out under and the connection it went out on. */
    private record Sent(String wireId, SysadmSocket on) {
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
            return known != null && !known.isCompletedExceptionally() ? known : askExtensions(c);
        });
    }

    private static Set<String> advertised(Reply r) {
        Set<String> out = new HashSet<>();
        if (r instanceof Response ok) {
            ok.args().path("jaildesk").path("extensions").forEach(n -> out.add(n.asText()));
            if (ok.args().path("sysadm/iocage").asText().equals("read")) {
                out.add(Protocol.READ_ONLY); // this login may list and read, and change nothing
            }
        }
        return Set.copyOf(out);
    }

    /** Listens for events; subscribes to JailDesk's events on this and every later connection. */
    @Override
    public AutoCloseable onEvent(Consumer<Event> listener) {
        eventListeners.add(listener);
        boolean first = events.addAll(List.of(Protocol.DISPATCHER_EVENT, Protocol.JAIL_CHANGED_EVENT, Protocol.PROTECTED_EVENT));
        if (first) {
            CompletableFuture<SysadmSocket> c;
            synchronized (lock) {
                c = connecting;
            }
            if (c != null && c.isDone() && !c.isCompletedExceptionally()) {
                subscribe(c.join());
            }
        }
        return () -> eventListeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<SysadmSocket> c;
        synchronized (lock) {
            c = connecting;
            connecting = null;
        }
        if (c != null && c.isDone() && !c.isCompletedExceptionally()) {
            SysadmSocket conn = c.join();
            conn.sendQuietly(codec.write(new Request(Protocol.RPC, "auth_clear", "", codec.mapper().createObjectNode())));
            conn.close();
        }
        replies.failAll(replies.ids(), Trouble.CLOSED, hostPort());
        setState(State.CLOSED);
        scheduler.shutdownNow();
    }

    private String hostPort() {
        return hostPort(options.url());
    }

    /** "host:port" of a sysadm URL (the port defaulted): how its accepted certificate is known. */
    public static String hostPort(URI url) {
        URI u = WebSocketOptions.withDefaultPort(url);
        return u.getHost() + ":" + u.getPort();
    }

    /** The live connection, or a new one (connected and logged in) when there is none. */
    private CompletableFuture<SysadmSocket> connection() {
        synchronized (lock) {
            if (connecting != null && !connecting.isCompletedExceptionally()
                    && (!connecting.isDone() || connecting.join().isOpen())) {
                return connecting;
            }
            CompletableFuture<SysadmSocket> f = new CompletableFuture<>();
            connecting = f;
            scheduler.execute(() -> open(f));
            return f;
        }
    }

    private void open(CompletableFuture<SysadmSocket> result) {
        setState(State.CONNECTING);
        char[] password = null;
        boolean makeKey = false;
        try {
            // Connect first: the certificate is checked before anyone is asked for a password.
            SysadmSocket c = connect();
            try {
                boolean hadSession = login.hasToken();
                if (!login.withToken(c::request) && !login.withKey(c::request)) {
                    // Connected again with a session's token the host no longer takes (it lapsed, or the host
                    // restarted): the password is asked because the host ended the session, as on a live connection.
                    password = login.askPassword(hadSession);
                    makeKey = options.keys().wanted();
                    // The server closes a socket that has not logged in within 30 s, and looking a password up can
                    // take longer: then the login fails to go out (or its close overtakes it on the wire) and is
                    // sent once more on a fresh socket, without asking again.
                    try {
                        login.withPassword(c::request, password);
                    } catch (IocageClientException e) {
                        if (c.isOpen() || e.kind() != IocageClientException.Kind.TRANSPORT) {
                            throw e;
                        }
                        c.close();
                        c = connect();
                        login.withPassword(c::request, password);
                    }
                }
                subscribe(c);
                askExtensions(c);
            } catch (IocageClientException e) {
                c.close();
                throw e;
            }
            failures.set(0);
            c.established = true;
            setState(State.CONNECTED);
            result.complete(c);
            if (makeKey) {
                // Requests go out meanwhile; only this thread waits for the registration's answer.
                login.makeKey(c::request);
            }
        } catch (IocageClientException e) {
            setState(State.FAILED);
            result.completeExceptionally(e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** A new socket, connected (TLS pinned to the known fingerprint for wss), not logged in yet. */
    private SysadmSocket connect() {
        return SysadmSocket.connect(options, replyLimit,
                new SysadmSocket.Wiring(codec, replies, this::timeoutFor, this::dispatch, this::lost, hostPort()));
    }

    @Override
    public void resumeLogin() {
        login.resume();
    }

    /** Subscribes {@code c} to the events someone listens for. */
    private void subscribe(SysadmSocket c) {
        if (!events.isEmpty()) {
            c.request(new Request(Protocol.EVENTS, "subscribe", "ev-" + ids.incrementAndGet(),
                    codec.mapper().valueToTree(List.copyOf(events))));
        }
    }

    /** Asks the host on {@code c} what it advertises ({@code rpc/query}); kept for {@link #canCancel}. */
    private CompletableFuture<Set<String>> askExtensions(SysadmSocket c) {
        CompletableFuture<Set<String>> asked = c.request(new Request(Protocol.RPC, "query", "q-" + ids.incrementAndGet(),
                codec.mapper().createObjectNode())).thenApply(r -> {
                    Set<String> out = advertised(r);
                    advertised = out;
                    return out;
                });
        c.extensions = asked;
        return asked;
    }

    private void dispatch(Event e) {
        for (Consumer<Event> l : eventListeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warning("an event listener failed: " + ex);
            }
        }
    }

    private void lost(SysadmSocket c) {
        synchronized (lock) {
            if (connecting != null && connecting.isDone() && !connecting.isCompletedExceptionally() && connecting.join() == c) {
                connecting = null;
            }
        }
        // Only this socket's requests: an old socket that closes late must not fail those already sent on a new one.
        if (c.tooBig) {
            replies.failAll(c.sent, Trouble.TOO_BIG, hostPort(), replyLimit >= 1024 * 1024 ? replyLimit / (1024 * 1024) + " MiB"
                    : Math.max(1, replyLimit / 1024) + " KiB");
        } else if (c.unreadable != null) {
            replies.failAll(c.sent, Trouble.UNREADABLE, hostPort(), c.unreadable);
        } else if (c.closedBecause != null) {
            replies.failAll(c.sent, Trouble.LOST_BECAUSE, hostPort(), c.closedBecause);
        } else {
            replies.failAll(c.sent, Trouble.LOST, hostPort());
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
        return IocageClientException.transport(t, cause, args);
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
}
