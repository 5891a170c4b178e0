package org.jaildesk.client;

import java.util.concurrent.CompletableFuture;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;

/** A transport that writes every request, reply and event of the transport it wraps into a {@link ProtocolLog}. */
public final class LoggingTransport extends ForwardingTransport {

    private final ProtocolLog log;
    private final String host;

    public LoggingTransport(Transport inner, ProtocolLog log, String host) {
        super(inner);
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
}
