package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.JobOutput;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * What the table's jails are told to do on one host: start, stop, restart, cap, destroy, run a command, a snapshot
 * before one. Each result goes to the notifier, and the host's table lists again after a change ({@code
 * refreshAfterChange}: whether the change went through). Part of {@link JailsViewModel}; results on {@code fx}.
 */
public final class JailCommands {

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final Notifier notifier;
    private final ProtectedJails protection;
    private final Function<Boolean, CompletableFuture<Void>> refreshAfterChange;

    JailCommands(IocageClient client, Executor fx, Messages msg, Notifier notifier, ProtectedJails protection,
                 Function<Boolean, CompletableFuture<Void>> refreshAfterChange) {
        this.client = client;
        this.fx = fx;
        this.msg = msg;
        this.notifier = notifier;
        this.protection = protection;
        this.refreshAfterChange = refreshAfterChange;
    }

    /** Starts every one of {@code jails} (of this host) that is down; one refresh when all are done. */
    public CompletableFuture<Void> start(List<Jail> jails) {
        return onEach(jails.stream().filter(j -> j.state() == JailState.DOWN).toList(), "action.start", j -> client.startJail(j.id()));
    }

    /** Stops every one of {@code jails} (of this host) that runs; one refresh when all are done. */
    public CompletableFuture<Void> stop(List<Jail> jails) {
        return onEach(jails.stream().filter(Jail::isRunning).toList(), "action.stop", j -> client.stopJail(j.id()));
    }

    /** Restarts every one of {@code jails} (of this host) that runs; one refresh when all are done. */
    public CompletableFuture<Void> restart(List<Jail> jails) {
        return onEach(jails.stream().filter(Jail::isRunning).toList(), "action.restart", j -> client.restartJail(j.id()));
    }

    /** Applies the limits of every one of {@code jails} that runs; one refresh when all are done. */
    public CompletableFuture<Void> cap(List<Jail> jails) {
        return onEach(jails.stream().filter(Jail::isRunning).toList(), "action.cap", j -> client.capJail(j.id()));
    }

    /**
     * After a start (or restart) that failed, where to look: the jail's console log holds what its rc printed, on a host
     * that offers it (known once the host said what it offers; "" before, and for other actions).
     */
    private String startHint(String actionKey) {
        boolean starts = actionKey.equals("action.start") || actionKey.equals("action.restart");
        CompletableFuture<java.util.Set<String>> asked = client.extensions();
        java.util.Set<String> offered = asked.isDone() && !asked.isCompletedExceptionally() ? asked.join() : java.util.Set.of();
        return starts && offered.contains("consolelog") ? " " + msg.get("start.seeLog") : "";
    }

    private CompletableFuture<Void> onEach(List<Jail> targets, String actionKey, Function<Jail, CompletableFuture<?>> call) {
        if (targets.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String action = msg.get(actionKey);
        notifier.info(msg.get("status.running", action, targets.size()));
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (Jail j : targets) {
            all.add(call.apply(j).whenCompleteAsync((ok, error) -> {
                if (error != null) {
                    notifier.failure(action + " " + j.displayName(), error, startHint(actionKey));
                } else {
                    notifier.succeeded(action + " " + j.displayName());
                    notifier.info(msg.get("status.done", action, j.displayName()));
                }
            }, fx));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((a, b) -> b == null)
                .thenComposeAsync(refreshAfterChange, fx);
    }

    /**
     * Destroys a jail once the user has typed its name. A jail protected from destroy is refused before anything runs
     * (the window keeps the action off for it; this holds for any caller); a running one unless the user chose to stop
     * it first; then it is stopped, and destroyed only if the stop worked.
     */
    public CompletableFuture<String> destroy(Jail jail, String typedName, boolean stopFirst) {
        if (protection.has(jail)) {
            notifier.refusal(msg.get("destroy.protected", jail.displayName()));
            return CompletableFuture.failedFuture(new IllegalStateException("protected"));
        }
        if (!jail.displayName().equals(typedName)) {
            notifier.refusal(msg.get("destroy.nameMismatch", jail.displayName()));
            return CompletableFuture.failedFuture(new IllegalArgumentException("name mismatch"));
        }
        if (jail.isRunning() && !stopFirst) {
            notifier.refusal(msg.get("destroy.running", jail.displayName()));
            return CompletableFuture.failedFuture(new IllegalStateException("running"));
        }
        CompletableFuture<?> stopped = jail.isRunning() ? client.stopJail(jail.id()) : CompletableFuture.completedFuture(null);
        return after(stopped.thenCompose(x -> client.destroyJail(jail.id())),
                ActionCalls.verb(msg, "action.destroy") + " " + jail.displayName());
    }

    public CompletableFuture<JobOutput> exec(Jail jail, String user, String command) {
        return client.execJail(jail.id(), user, command);
    }

    /**
     * A snapshot of {@code jail} before a command runs in it (Run command on several), where the host takes snapshots;
     * a failure saying so where it does not (the original sysadm server). The snapshot is a job of its own.
     */
    public CompletableFuture<String> snapshotBefore(Jail jail, String name) {
        return ActionCalls.offered(client, msg, "snapshotjail", "snapshots.unsupported", () -> client.takeSnapshot(jail.id(), name));
    }

    /** Reports the result, refreshes the table, and hands the result on. */
    <T> CompletableFuture<T> after(CompletableFuture<T> call, String what) {
        return notifier.follow(call, what, fx, () -> refreshAfterChange.apply(!call.isCompletedExceptionally()));
    }
}
