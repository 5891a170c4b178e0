package org.jaildesk.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.RequestHandler;

/** A transport with no socket: requests go straight to a handler in this process (local and demo hosts). */
public final class InProcessTransport implements Transport {

    private final RequestHandler handler;

    public InProcessTransport(RequestHandler handler) {
        this.handler = handler;
    }

    @Override
    public CompletableFuture<Reply> send(Request request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(
                    new IocageClientException(IocageClientException.Kind.TRANSPORT, "the local host failed: " + e.getMessage(), e));
        }
    }

    @Override
    public boolean canCancel() {
        return true;
    }

    @Override
    public boolean cancel(String requestId) {
        return handler.cancel(requestId);
    }

    /** In process, the handler is JailDesk's own host, which has every extension. */
    @Override
    public CompletableFuture<java.util.Set<String>> extensions() {
        return CompletableFuture.completedFuture(java.util.Set.copyOf(org.jaildesk.protocol.Protocol.EXTENSION_ACTIONS));
    }

    @Override
    public AutoCloseable onEvent(Consumer<Event> listener) {
        return handler.subscribe(listener);
    }
}
