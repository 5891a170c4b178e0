package org.jaildesk.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;

/** A transport for tests: records every request and answers with a scripted reply. */
public final class ScriptedTransport implements Transport {

    private final Function<Request, Reply> answer;
    public final List<Request> sent = new ArrayList<>();

    public ScriptedTransport(Function<Request, Reply> answer) {
        this.answer = answer;
    }

    @Override
    public CompletableFuture<Reply> send(Request request) {
        sent.add(request);
        return CompletableFuture.completedFuture(answer.apply(request));
    }
}
