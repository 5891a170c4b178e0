package org.jaildesk.client;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jaildesk.protocol.Reply;

/**
 * The requests a {@link WebSocketTransport} sent and that wait for their reply, by the id they went out under, over
 * all its connections: each is answered by the reply with its id, in any order, or failed when its time is up.
 */
final class PendingReplies {

    private final Map<String, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final String hostPort;

    PendingReplies(ScheduledExecutorService timer, String hostPort) {
        this.timer = timer;
        this.hostPort = hostPort;
    }

    /** The reply to the request sent under {@code id}; failed if it has not come within {@code timeout}. */
    CompletableFuture<Reply> expect(String id, Duration timeout) {
        CompletableFuture<Reply> f = new CompletableFuture<>();
        waiting.put(id, f);
        long ms = timeout.toMillis();
        timer.schedule(() -> fail(id, f, IocageClientException.transport(Trouble.NO_REPLY, null, hostPort, String.valueOf(ms / 1000))),
                ms, TimeUnit.MILLISECONDS);
        return f;
    }

    /** Fails {@code f}, awaited under {@code id}, unless it has been answered (or failed) already. */
    void fail(String id, CompletableFuture<Reply> f, IocageClientException why) {
        if (waiting.remove(id, f)) {
            f.completeExceptionally(why);
        }
    }

    /** Hands {@code reply} to the request it answers; false when none waits for it (answered late, or never sent). */
    boolean answer(Reply reply) {
        CompletableFuture<Reply> f = waiting.remove(reply.id());
        if (f == null) {
            return false;
        }
        f.complete(reply);
        return true;
    }

    /** Fails those of {@code ids} still waiting, each with the same trouble. */
    void failAll(Collection<String> ids, Trouble why, String... args) {
        for (String id : List.copyOf(ids)) {
            CompletableFuture<Reply> f = waiting.remove(id);
            if (f != null) {
                f.completeExceptionally(IocageClientException.transport(why, null, args));
            }
        }
    }

    /** The ids still waiting. */
    Collection<String> ids() {
        return waiting.keySet();
    }
}
