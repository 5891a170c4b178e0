package org.jaildesk.client;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;

/**
 * For {@link WebSocketTransport}: a session the host ended (401: its token lapsed, the user's password or one-time
 * codes changed, or the key it began with was revoked) is logged in again on the same socket, once for all the
 * requests that met it, with the key, else the password asked (the token died with the session). The host refused
 * those requests before anything ran, so each is sent once more.
 */
final class SessionRenewal {

    private final SessionLogin login;
    private final Executor worker;
    private final Consumer<SysadmSocket> afterLogin;
    private final Supplier<IocageClientException> closed;
    private final Object lock = new Object();

    /**
     * @param worker     where the login runs (the transport's own thread: it may wait for the user)
     * @param afterLogin what a login on a socket is followed by (events subscribed again, what the host offers asked)
     * @param closed     the failure when the transport closed meanwhile
     */
    SessionRenewal(SessionLogin login, Executor worker, Consumer<SysadmSocket> afterLogin,
                   Supplier<IocageClientException> closed) {
        this.login = login;
        this.worker = worker;
        this.afterLogin = afterLogin;
        this.closed = closed;
    }

    /** Whether {@code r} says the session ended (401) for a request that is no login of its own. */
    static boolean ended(Request request, Reply r) {
        return r instanceof ErrorReply e && e.code().equals(ErrorCode.UNAUTHORIZED.code())
                && !(request.namespace().equals(Protocol.RPC) && request.name().startsWith("auth"));
    }

    /** Whether {@code r}, a 401 that ended the session, says the login key it began with was revoked. */
    static boolean keyRevoked(Reply r) {
        return r instanceof ErrorReply e && e.message().startsWith(Protocol.KEY_REVOKED);
    }

    /**
     * Logs in again on {@code c} once for all the requests that met its ended session: none if that happened since
     * {@code logins} (the count of {@code c}'s logins when the request went out); {@code keyRevoked}: the host said the
     * session's login key was revoked, so it is forgotten rather than tried. Fails as a login at the start does.
     */
    CompletableFuture<Void> renew(SysadmSocket c, int logins, boolean keyRevoked) {
        CompletableFuture<Void> f;
        synchronized (lock) {
            if (c.logins != logins) {
                return CompletableFuture.completedFuture(null);
            }
            if (c.loggingIn != null && !c.loggingIn.isDone()) {
                return c.loggingIn;
            }
            f = new CompletableFuture<>();
            c.loggingIn = f;
        }
        try {
            worker.execute(() -> logIn(c, f, keyRevoked));
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(closed.get()); // closed meanwhile
        }
        return f;
    }

    private void logIn(SysadmSocket c, CompletableFuture<Void> f, boolean keyRevoked) {
        char[] password = null;
        try {
            login.dropToken();
            if (keyRevoked) {
                login.forgetKey();
            }
            if (!login.withKey(c::request)) {
                password = login.askPassword(true);
                login.withPassword(c::request, password);
            }
            synchronized (lock) {
                c.logins++;
            }
            afterLogin.accept(c);
            f.complete(null);
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
