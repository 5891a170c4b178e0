package org.jaildesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.KeyLogin;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.protocol.SysadmCodec;

/**
 * How a {@link WebSocketTransport} logs in on a new socket: with the session's token while the host takes it, else with
 * the password, which is asked once per attempt. Cancelled, or refused by the host, the password is not asked again
 * by itself (a background refresh, a reconnect) until the user calls for it ({@link #resume()}): a dialog that
 * reopens on its own whenever it is dismissed cannot be dismissed, and one that reopens every 30 s after a typing
 * mistake is not much better.
 */
final class SessionLogin {

    /**
     * The longest wait for the answer to a login: a host answers it at once (ours closes a socket not logged in after
     * 30 s). Requests may wait far longer (the desktop gives a listing 30 minutes), but a login that waited as long
     * would leave the host "connecting" for half an hour behind a server that never answers.
     */
    static final Duration LOGIN_WAIT = Duration.ofSeconds(60);

    /** How long a login waits for its answer: the request timeout, at most {@link #LOGIN_WAIT}. */
    static Duration waitFor(WebSocketOptions options) {
        return options.requestTimeout().compareTo(LOGIN_WAIT) < 0 ? options.requestTimeout() : LOGIN_WAIT;
    }

    private final WebSocketOptions options;
    private final SysadmCodec codec;
    private final AtomicLong ids;
    private final String hostPort;
    /** How long a login's answer is waited for. */
    private final Duration wait;
    private volatile String token;
    /** Why the password is not asked again by itself, or null while it may be asked. */
    private volatile Held held;

    /** Why the login is held: the wording and its arguments. */
    private record Held(Trouble trouble, String... args) {
    }

    SessionLogin(WebSocketOptions options, SysadmCodec codec, AtomicLong ids, Duration wait) {
        this.options = options;
        this.codec = codec;
        this.ids = ids;
        this.hostPort = WebSocketTransport.hostPort(options.url());
        this.wait = wait;
    }

    /** Whether the password is being asked because the host ended the session. */
    boolean askingAfterEnd() {
        return askingAfterEnd;
    }

    /** Whether a session's token is kept (to log in with on the next connection). */
    boolean hasToken() {
        return token != null;
    }

    /** Logs in with the session's token, if there is one; false (and the token dropped) when there is none or it is refused. */
    boolean withToken(Function<Request, CompletableFuture<Reply>> send) {
        if (token == null) {
            return false;
        }
        Reply r = await(send.apply(new Request(Protocol.RPC, "auth_token", "auth-" + ids.incrementAndGet(),
                codec.mapper().createObjectNode().put("token", token))));
        if (r instanceof Response ok && ok.args().isArray()) {
            return true;
        }
        token = null;
        return false;
    }

    /**
     * Logs in with the host's key kept on this desktop, if there is one: false (and the password next) when there is
     * none, the host offers no key login, refuses it for now without checking the key (too many failed logins from
     * this address, a challenge that lapsed: the key stays, and the keys are told), or refuses the key itself, which
     * is then forgotten (unknown there, or revoked: it will not pass again).
     */
    boolean withKey(Function<Request, CompletableFuture<Reply>> send) {
        java.util.Optional<java.security.PrivateKey> key = options.keys().find();
        if (key.isEmpty()) {
            return false;
        }
        Reply first = await(send.apply(new Request(Protocol.RPC, KeyLogin.AUTH_SSL, "auth-" + ids.incrementAndGet(),
                codec.mapper().getNodeFactory().textNode(""))));
        String challenge = first instanceof Response r ? r.args().path("test_string").asText() : "";
        if (!KeyLogin.isChallenge(challenge)) {
            if (first instanceof ErrorReply e && forNow(e)) {
                options.keys().refusedForNow(e.message());
            }
            return false;
        }
        String answer;
        try {
            answer = KeyLogin.sign(key.get(), challenge);
        } catch (IllegalStateException e) {
            options.keys().forget(); // a key the keyring gave back damaged signs nothing
            return false;
        }
        Reply second = await(send.apply(new Request(Protocol.RPC, KeyLogin.AUTH_SSL, "auth-" + ids.incrementAndGet(),
                codec.mapper().createObjectNode().put("encrypted_string", answer))));
        if (second instanceof ErrorReply e) {
            if (forNow(e)) {
                options.keys().refusedForNow(e.message());
            } else if (e.code().equals(ErrorCode.UNAUTHORIZED.code())) {
                options.keys().forget();
            }
            return false;
        }
        token = tokenOf(((Response) second).args(), "auth_ssl");
        return true;
    }

    /**
     * Whether {@code e} refuses a key login for now without having checked the key (JailDesk's server's words: the
     * address blocked after too many failed logins, no challenge waiting); another host's refusal of the answer is
     * taken as the key's own.
     */
    private static boolean forNow(ErrorReply e) {
        return e.code().equals(ErrorCode.UNAUTHORIZED.code())
                && (e.message().startsWith(Protocol.LOGINS_BLOCKED) || e.message().startsWith(Protocol.NO_CHALLENGE));
    }

    /**
     * Makes a key for this host, keeps it and registers it for the user logged in by password: the next login is by
     * the key. Told to the keys either way; whatever fails, the login holds and the key is not kept. Nothing when a key
     * is kept already.
     */
    void makeKey(Function<Request, CompletableFuture<Reply>> send) {
        KeyLogins keys = options.keys();
        if (keys.find().isPresent()) {
            return; // kept already, though it did not log in this time (the host refused key logins for now)
        }
        java.security.KeyPair pair = KeyLogin.newKeyPair();
        try {
            keys.keep(pair.getPrivate());
        } catch (java.io.IOException | RuntimeException e) {
            keys.made(e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        ObjectNode args = codec.mapper().createObjectNode();
        args.put("action", KeyLogin.REGISTER);
        args.put("pub_key", KeyLogin.pubKey(pair.getPublic()));
        args.put("nickname", nickname());
        args.put("email", "");
        String problem;
        try {
            Reply r = await(send.apply(new Request(Protocol.RPC, KeyLogin.SETTINGS, "key-" + ids.incrementAndGet(), args)));
            // The host's words, quoted safely: they go into a notice.
            problem = r instanceof ErrorReply e ? org.jaildesk.domain.Shown.of(e.message().isEmpty() ? e.code() : e.message(), 200) : null;
        } catch (IocageClientException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            keys.forget();
        }
        keys.made(problem);
    }

    /** How this desktop's key is called on the host: "JailDesk on <this machine> (<local user>)". */
    static String nickname() {
        String machine;
        try {
            machine = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            machine = "this desktop";
        }
        String n = "JailDesk on " + machine + " (" + System.getProperty("user.name", "?") + ")";
        return org.jaildesk.domain.Shown.cut(n.replaceAll("\\p{Cntrl}", "_"), 60);
    }

    /** Set while the password is asked because the host ended the session, not to begin one; read by its supplier. */
    private volatile boolean askingAfterEnd;

    /**
     * The password, asked now; refused at once while the login is held. {@code afterEnd}: asked because the host ended
     * the session (its token refused, on this connection or a new one), which the asking may say. The caller wipes it
     * after use.
     */
    char[] askPassword(boolean afterEnd) {
        Held why = held;
        if (why != null) {
            throw notLoggedIn(why);
        }
        char[] password;
        askingAfterEnd = afterEnd;
        try {
            password = options.password().get();
        } finally {
            askingAfterEnd = false;
        }
        if (password == null) {
            held = new Held(Trouble.LOGIN_CANCELLED, hostPort);
            throw notLoggedIn(held);
        }
        return password;
    }

    /** Forgets the session's token: the host ended its session. */
    void dropToken() {
        token = null;
    }

    /** Forgets the host's login key kept here: the host said it was revoked, so trying it would only fail. */
    void forgetKey() {
        options.keys().forget();
    }

    /** Lets the password be asked again. */
    void resume() {
        held = null;
    }

    /** Logs in with {@code password} and keeps the session's token; a refusal holds the login. */
    void withPassword(Function<Request, CompletableFuture<Reply>> send, char[] password) {
        ObjectNode args = codec.mapper().createObjectNode();
        args.put("username", options.user());
        args.put("password", new String(password));
        Reply r;
        try {
            r = await(send.apply(new Request(Protocol.RPC, "auth", "auth-" + ids.incrementAndGet(), args)));
            // The password was right and the user's login also needs the code of their authenticator app: asked, and
            // asked again when it did not hold, three times at most (each try counts against the host's limit).
            // A caller that cannot ask (jaildesk call) fails with the host's words instead.
            for (int asked = 0; asked < 3 && options.codes() != WebSocketOptions.NO_CODES && r instanceof ErrorReply e
                    && (e.message().startsWith(Protocol.CODE_NEEDED) || asked > 0 && e.message().startsWith(Protocol.CODE_WRONG));
                    asked++) {
                String code = options.codes().ask(asked > 0);
                if (code == null) {
                    held = new Held(Trouble.LOGIN_CANCELLED, hostPort);
                    throw notLoggedIn(held);
                }
                args.put("otp", code.strip());
                r = await(send.apply(new Request(Protocol.RPC, "auth", "auth-" + ids.incrementAndGet(), args)));
            }
        } catch (IocageClientException e) {
            if (e.trouble() == Trouble.UNREADABLE) {
                // Whether the password was taken cannot be known; asking again by itself would ask at every refresh.
                held = new Held(Trouble.UNREADABLE, e.troubleArgs().toArray(String[]::new));
            }
            throw e;
        } finally {
            args.remove("password");
            args.remove("otp");
        }
        if (r instanceof ErrorReply e) {
            String why = e.message().isEmpty() ? "Unauthorized" : e.message();
            held = new Held(Trouble.PASSWORD_WAS_REFUSED, hostPort, why);
            throw new IocageClientException(IocageClientException.Kind.PROTOCOL_ERROR, Trouble.LOGIN_REFUSED, e.code(), null,
                    hostPort, why);
        }
        token = tokenOf(((Response) r).args(), "auth");
    }

    /** The token of a login's answer: ours answers [token, 900]; the real sysadm server answers [token, 0]. */
    private static String tokenOf(JsonNode a, String request) {
        if (!a.isArray() || a.size() < 1 || !a.get(0).isTextual() || a.get(0).asText().isEmpty()) {
            throw new IocageClientException(IocageClientException.Kind.MALFORMED_REPLY, "unexpected reply to " + request + ": " + a);
        }
        return a.get(0).asText();
    }

    private static IocageClientException notLoggedIn(Held why) {
        return new IocageClientException(IocageClientException.Kind.PROTOCOL_ERROR, why.trouble(), "401", null, why.args());
    }

    /** Waits for a login reply on the transport's own thread, bounded: its timeout task cannot run meanwhile. */
    private Reply await(CompletableFuture<Reply> f) {
        try {
            return f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw IocageClientException.transport(Trouble.NO_LOGIN_REPLY, e, hostPort, String.valueOf(wait.toSeconds()));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IocageClientException ice ? ice
                    : new IocageClientException(IocageClientException.Kind.TRANSPORT, "login failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IocageClientException(IocageClientException.Kind.TRANSPORT, "interrupted while logging in", e);
        }
    }
}
