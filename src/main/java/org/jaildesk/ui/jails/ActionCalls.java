package org.jaildesk.ui.jails;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.Queued;
import org.jaildesk.domain.Jail;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.ui.common.Messages;

/** What the jail actions of {@link JailsViewModel} and {@link NewJails} share. */
final class ActionCalls {

    private ActionCalls() {
    }

    /**
     * {@code call} where the host offers {@code extension}; otherwise failed with the message {@code unsupportedKey}.
     */
    static <T> CompletableFuture<T> offered(IocageClient client, Messages msg, String extension, String unsupportedKey,
            Supplier<CompletableFuture<T>> call) {
        return client.extensions().thenCompose(ext -> ext.contains(extension) ? call.get()
                : CompletableFuture.failedFuture(new IocageClientException(IocageClientException.Kind.ACTION_FAILED,
                        msg.get(unsupportedKey))));
    }

    /**
     * {@code call} on each of {@code items} in turn, the next once the one before has ended, done or failed (one
     * jail's failed update does not keep the others from theirs); a call the user cancelled ends the run there. Each
     * item is said to be waiting first ({@code queue}: the jobs panel shows it), where there are several; one the user
     * cancels while it waits is left out, and those still waiting when the run ends are told they will not run.
     */
    static <T> CompletableFuture<Void> oneAfterAnother(List<T> items, Function<T, Queued> queue,
                                                       Function<T, CompletableFuture<?>> call) {
        List<Queued> waiting = items.size() > 1 ? items.stream().map(queue).toList()
                : java.util.Collections.nCopies(items.size(), Queued.NONE);
        CompletableFuture<Boolean> goOn = CompletableFuture.completedFuture(true);
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            Queued queued = waiting.get(i);
            goOn = goOn.thenCompose(go -> {
                if (!go) {
                    queued.dropped();
                    return CompletableFuture.completedFuture(false);
                }
                if (queued.cancelled()) {
                    return CompletableFuture.completedFuture(true);
                }
                return call.apply(item).handle((r, e) -> e == null || !cancelled(e));
            });
        }
        return goOn.thenApply(go -> null);
    }

    /**
     * {@link #oneAfterAnother} over jails of one host, each said to be waiting as a job of {@code action} on its
     * target: the same action and target its request will have, so that the job takes the waiting row's place.
     */
    static CompletableFuture<Void> jailsInTurn(IocageClient client, String action, List<Jail> jails,
                                               Function<Jail, CompletableFuture<?>> call) {
        return oneAfterAnother(List.copyOf(jails), j -> client.queued(action, j.id()), call);
    }

    /** Whether a call failed because the user cancelled its job: the host then says "cancelled…". */
    static boolean cancelled(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return Protocol.saysCancelled(t.getMessage());
    }

    /** An action's menu label without the "…" that says a dialog follows: "Create web03", not "Create… web03…". */
    static String verb(Messages msg, String key) {
        String label = msg.get(key);
        return label.endsWith("\u2026") ? label.substring(0, label.length() - 1) : label;
    }
}
