package org.jaildesk.ui.mounts;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.JailMount;
import org.jaildesk.domain.MountPaths;
import org.jaildesk.ui.common.JailListModel;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * The host's folders mounted into one jail (the inspector's Mounts tab), read on demand; adding one (nullfs, read-only
 * unless said) and removing one. A running jail has it mounted or unmounted at once, a stopped one at its next start.
 */
public final class MountsViewModel extends JailListModel<JailMount> {

    /** The extension a host must offer: Python iocage's fstab, through JailDesk's own server or the local host. */
    static final String EXTENSION = "listmounts";

    public MountsViewModel(IocageClient client, Executor fx, Messages msg, Notifier notifier) {
        super(client, fx, msg, notifier, EXTENSION, "mounts");
    }

    @Override
    protected CompletableFuture<List<JailMount>> list(IocageClient client, String jail) {
        return client.listMounts(jail);
    }

    /** Why {@code source} cannot be mounted, in the window's language; empty when it can. */
    public Optional<String> whyNotSource(String source) {
        return MountPaths.checkSource(source).map(msg()::get);
    }

    /** Why nothing can be mounted on {@code destination}: the rules, or a mount the list shows there already. */
    public Optional<String> whyNotDestination(String destination) {
        return MountPaths.checkDestination(destination).map(msg()::get).or(() -> rows().stream()
                .filter(m -> m.destination().equals(destination)).findFirst()
                .map(m -> msg().get("mounts.add.taken", destination, m.source())));
    }

    public CompletableFuture<String> add(String jail, String source, String destination, boolean readOnly) {
        return follow(() -> client().addMount(jail, source, destination, readOnly),
                msg().get("jobs.action.addmount") + " " + jail + ":" + destination, jail);
    }

    public CompletableFuture<String> remove(String jail, JailMount m) {
        return follow(() -> client().removeMount(jail, m), msg().get("jobs.action.removemount") + " " + jail + ":" + m.destination(), jail);
    }
}
