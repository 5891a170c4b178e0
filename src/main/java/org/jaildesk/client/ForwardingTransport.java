package org.jaildesk.client;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;

/** A transport that adds something around another one; everything it does not override goes straight through. */
abstract class ForwardingTransport implements Transport {

    protected final Transport inner;

    ForwardingTransport(Transport inner) {
        this.inner = inner;
    }

    @Override
    public CompletableFuture<Reply> send(Request request) {
        return inner.send(request);
    }

    @Override
    public CompletableFuture<Set<String>> extensions() {
        return inner.extensions();
    }

    @Override
    public AutoCloseable onEvent(Consumer<Event> listener) {
        return inner.onEvent(listener);
    }

    @Override
    public void resumeLogin() {
        inner.resumeLogin();
    }

    @Override
    public boolean canCancel() {
        return inner.canCancel();
    }

    @Override
    public Queued queued(String action, String target) {
        return inner.queued(action, target);
    }

    @Override
    public boolean cancel(String requestId) {
        return inner.cancel(requestId);
    }

    @Override
    public java.util.Optional<String> sentAs(String requestId) {
        return inner.sentAs(requestId);
    }

    @Override
    public void close() {
        inner.close();
    }
}
