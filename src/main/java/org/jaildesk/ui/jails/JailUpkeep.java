package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.ReleaseNames;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * Keeping jails current: updating them to their release's latest patch level and upgrading them to a newer release,
 * several one after another, each a job of its own. Part of a host's {@link JailsViewModel}.
 */
public final class JailUpkeep {

    private final IocageClient client;
    private final Messages msg;
    private final Notifier notifier;
    private final NewJails.After after;

    JailUpkeep(IocageClient client, Messages msg, Notifier notifier, NewJails.After after) {
        this.client = client;
        this.msg = msg;
        this.notifier = notifier;
        this.after = after;
    }

    /** iocage's update of one jail (a snapshot, then freebsd-update; its packages too), where the host offers it. */
    public CompletableFuture<String> update(Jail jail, boolean packages) {
        return change("updatejail", "update.unsupported", "action.update", jail,
                () -> client.updateJail(jail.id(), packages));
    }

    /**
     * Updates the jails one after another, each a job of its own, as iocage's own {@code update ALL} goes through
     * them: jails of one release share it, and a host downloads for one at a time. A cancelled job ends the run.
     */
    public CompletableFuture<Void> updateAll(List<Jail> targets, boolean packages) {
        announce("action.update", targets);
        return ActionCalls.jailsInTurn(client, "updatejail", targets, j -> update(j, packages));
    }

    /** A jail to a newer release, after a snapshot the host takes, where the host offers it. */
    public CompletableFuture<String> upgrade(Jail jail, String release) {
        return change("upgradejail", "upgrade.unsupported", "action.upgrade", jail,
                () -> client.upgradeJail(jail.id(), release));
    }

    /** Upgrades the jails one after another to {@code release}, as iocage's own {@code upgrade ALL} would. */
    public CompletableFuture<Void> upgradeAll(List<Jail> targets, String release) {
        announce("action.upgrade", targets);
        return ActionCalls.jailsInTurn(client, "upgradejail", targets, j -> upgrade(j, release));
    }

    /**
     * What an upgrade can go to: {@code targets}, newest first, the releases the host has fetched and those the FreeBSD
     * mirror offers, named without a patch level, each newer than at least one of the jails; and {@code fetched}, the
     * host's own (a basejail is upgraded to the release's files, which must be there), or null where the host cannot
     * say. A host that cannot say (the original sysadm server, a mirror out of reach) adds no targets; a name can still
     * be typed.
     */
    public record Offer(List<String> targets, List<String> fetched) {
    }

    public CompletableFuture<Offer> targets(List<Jail> jails) {
        // A host is asked only what it offers (the original sysadm server has neither listing).
        CompletableFuture<java.util.Set<String>> offered = client.extensions().exceptionally(e -> java.util.Set.of());
        CompletableFuture<List<String>> fetched = offered.thenCompose(ext -> ext.contains("listreleases")
                ? client.listReleases().exceptionally(e -> null) : CompletableFuture.completedFuture(null));
        CompletableFuture<List<String>> mirror = offered.thenCompose(ext -> ext.contains("listremotereleases")
                ? client.listRemoteReleases().exceptionally(e -> List.of()) : CompletableFuture.completedFuture(List.of()));
        return fetched.thenCombine(mirror, (a, b) -> {
            List<String> own = a == null ? null : a.stream().map(JailUpkeep::withoutPatch).distinct().toList();
            List<String> all = new ArrayList<>(own == null ? List.of() : own);
            all.addAll(b);
            return new Offer(all.stream().map(JailUpkeep::withoutPatch).distinct()
                    .filter(r -> ReleaseNames.checkUpgradeTarget(r).isEmpty())
                    .filter(r -> jails.stream().anyMatch(j -> ReleaseNames.checkUpgrade(j.displayName(), j.release(), r).isEmpty()))
                    .sorted(ReleaseNames.NEWEST_FIRST).toList(), own);
        });
    }

    private static String withoutPatch(String release) {
        return release.replaceFirst("-p[0-9]+$", "");
    }

    /**
     * {@code call} where the host offers {@code extension} (otherwise failed with {@code unsupportedKey}'s words),
     * reported as "Update mail" ({@code actionKey}) and followed by a refresh.
     */
    private CompletableFuture<String> change(String extension, String unsupportedKey, String actionKey, Jail jail,
                                             java.util.function.Supplier<CompletableFuture<String>> call) {
        return after.apply(ActionCalls.offered(client, msg, extension, unsupportedKey, call),
                ActionCalls.verb(msg, actionKey) + " " + jail.displayName());
    }

    private void announce(String actionKey, List<Jail> targets) {
        if (targets.size() > 1) {
            notifier.info(msg.get("status.running", ActionCalls.verb(msg, actionKey), targets.size()));
        }
    }
}
