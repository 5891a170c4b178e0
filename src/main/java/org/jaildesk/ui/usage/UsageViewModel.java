package org.jaildesk.ui.usage;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/** {@code df} of one host, largest first, with totals; fetched on demand only. */
public final class UsageViewModel {

    /** Quota use at or above this share is highlighted. */
    public static final double PRESSURE = 0.8;

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final Notifier notifier;
    private final ObservableList<DiskUsage> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");

    public UsageViewModel(IocageClient client, Executor fx, Messages msg, Notifier notifier) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
        this.notifier = notifier;
    }

    public ObservableList<DiskUsage> rows() {
        return rows;
    }

    public ReadOnlyStringProperty totals() {
        return totals.getReadOnlyProperty();
    }

    public CompletableFuture<Void> refresh() {
        return Notifier.logged(client.df().handleAsync((list, error) -> {
            if (error != null) {
                notifier.failure(msg.get("usage.load"), error);
                return null;
            }
            notifier.succeeded(msg.get("usage.load"));
            // Largest first by real size (1.5G above 900M), as the table's Used column sorts too.
            List<DiskUsage> sorted = list.stream().sorted(Comparator.comparing(DiskUsage::used).reversed()).toList();
            long used = sorted.stream().mapToLong(d -> d.used().bytes()).sum();
            Size available = sorted.stream().map(DiskUsage::available).max(Comparator.naturalOrder()).orElse(Size.NONE);
            long pressed = sorted.stream().filter(d -> d.quotaPressure() >= PRESSURE).count();
            totals.set(msg.get("usage.totals", Size.ofBytes(used).text(), sorted.size(), available.text(), pressed));
            rows.setAll(sorted);
            return null;
        }, fx), "the disk usage view");
    }
}
