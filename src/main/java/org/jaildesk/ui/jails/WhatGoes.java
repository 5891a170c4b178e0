package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailSnapshot;
import org.jaildesk.domain.Shown;
import org.jaildesk.ui.common.Messages;

/**
 * What goes with a jail that is destroyed, for the destroy dialog to say before the name is typed: its data (the
 * space {@code df} says it uses) and its snapshots (iocage destroys them with it; where the host lists them), in the
 * window's language. Asked when the dialog opens, never per jail in a refresh. A host that cannot say one of them
 * leaves it out; one that can say neither, or fails, gives nothing.
 */
final class WhatGoes {

    /** The snapshots named; the rest are counted. */
    static final int NAMED = 4;

    private WhatGoes() {
    }

    static CompletableFuture<Optional<String>> of(IocageClient client, Messages msg, Jail jail) {
        CompletableFuture<Optional<String>> size = client.df()
                .thenApply(rows -> rows.stream().filter(r -> r.id().equals(jail.id())).findFirst().map(DiskUsage::used)
                        .map(used -> msg.get("destroy.goesData", used.text())))
                .exceptionally(e -> Optional.empty());
        CompletableFuture<Optional<String>> snapshots = client.extensions()
                .thenCompose(ext -> ext.contains("listsnapshots")
                        ? client.listSnapshots(jail.id()).thenApply(list -> snapshots(msg, list))
                        : CompletableFuture.completedFuture(Optional.<String>empty()))
                .exceptionally(e -> Optional.empty());
        return size.thenCombine(snapshots, (a, b) -> {
            List<String> parts = new ArrayList<>();
            a.ifPresent(parts::add);
            b.ifPresent(parts::add);
            return parts.isEmpty() ? Optional.<String>empty() : Optional.of(msg.get("destroy.goes",
                    parts.size() == 1 ? parts.get(0) : msg.get("destroy.goesAnd", parts.get(0), parts.get(1))));
        });
    }

    /** Its snapshots named, the first few; nothing for a jail without any. */
    private static Optional<String> snapshots(Messages msg, List<JailSnapshot> list) {
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = list.stream().limit(NAMED).map(s -> Shown.of(s.name())).toList();
        String named = String.join(", ", names) + (list.size() > NAMED ? ", \u2026" : "");
        return Optional.of(msg.get("destroy.goesSnapshots", list.size(), named));
    }
}
