package org.jaildesk.protocol;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The one seam between callers and a host: a request in, a future reply out. {@code IocageHost} implements it; the
 * server calls it for every socket and the in-process transport calls it directly.
 */
public interface RequestHandler {

    CompletableFuture<Reply> handle(Request request);

    /**
     * Registers a listener for events this handler raises (job progress, jail changes). Returns the handle that
     * removes it. Handlers without events return a handle that does nothing.
     */
    default AutoCloseable subscribe(Consumer<Event> listener) {
        return () -> { };
    }

    /** Stops a request that is still running (its process is killed); false when there is none by that id. */
    default boolean cancel(String requestId) {
        return false;
    }
}
