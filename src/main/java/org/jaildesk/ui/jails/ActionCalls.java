package org.jaildesk.ui.jails;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
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

    /** An action's menu label without the "…" that says a dialog follows: "Create web03", not "Create… web03…". */
    static String verb(Messages msg, String key) {
        String label = msg.get(key);
        return label.endsWith("\u2026") ? label.substring(0, label.length() - 1) : label;
    }
}
