package org.jaildesk.client;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;

/** A transport that writes every request, reply and event of the transport it wraps into a {@link ProtocolLog}. */
public final class LoggingTransport implements Transport {

    private final Transport inner;
    private final ProtocolLog log;
    private final String host;

    public LoggingTransport(Transport inner, ProtocolLog log, String host) {
        this.inner = inner;
        this.log = log;
        this.host = host;
        inner.onEvent(e -> log.message(host, ProtocolLog.Entry.Kind.EVENT, e, 0));
    }

    @Override
    public CompletableFuture<Reply> send(Request request) {
        log.message(host, ProtocolLog.Entry.Kind.REQUEST, request, 0);
        long t = System.nanoTime();
        return inner.send(request).whenComplete((r, e) -> {
            if (r != null) {
                log.message(host, ProtocolLog.Entry.Kind.REPLY, r, (System.nanoTime() - t) / 1_000_000);
            }
        });
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
    public boolean cancel(String requestId) {
        return inner.cancel(requestId);
    }

    @Override
    public void close() {
        inner.close();
    }
}
