package org.jaildesk.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;

/**
 * Carries requests to a sysadm host and brings back the replies. A transport fails the future with
 * {@link IocageClientException} of kind {@code TRANSPORT} when the host cannot be reached; it never blocks the caller.
 */
public interface Transport extends AutoCloseable {

    CompletableFuture<Reply> send(Request request);

    /**
     * The JailDesk extension actions the host advertises ({@code setjailsettings}, …); empty for a host that
     * advertises none, such as the original sysadm server.
     */
    default CompletableFuture<java.util.Set<String>> extensions() {
        return CompletableFuture.completedFuture(java.util.Set.of());
    }

    /** Listens for events from the host; the returned handle removes the listener. */
    default AutoCloseable onEvent(Consumer<Event> listener) {
        return () -> { };
    }

    /**
     * The user asked to connect again (Refresh, or picked the host): a login they cancelled may be asked for again.
     * Until then a transport whose login was cancelled fails its requests without asking.
     */
    default void resumeLogin() {
    }

    /**
     * Says that a request of {@code action} on {@code target} will be sent once those before it have ended, where
     * jobs are shown ({@link JobTransport}); nothing is sent now.
     */
    default Queued queued(String action, String target) {
        return Queued.NONE;
    }

    /** Whether {@link #cancel} can stop a running request here (an in-process host can; a remote one cannot). */
    default boolean canCancel() {
        return false;
    }

    /** Cancels a request still running, where {@link #canCancel()}; false where it cannot. */
    default boolean cancel(String requestId) {
        return false;
    }

    /**
     * The id a request still waiting for its reply went to the host under, where that is another than its own (a
     * remote host's connection gives each request one no other desktop or run uses); empty where it is not on its way.
     * A server's audit log names a change by it.
     */
    default java.util.Optional<String> sentAs(String requestId) {
        return java.util.Optional.empty();
    }

    @Override
    default void close() {
    }
}
