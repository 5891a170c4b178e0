package org.jaildesk.ui.pools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.domain.HostImage;
import org.jaildesk.domain.HostPool;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.Shown;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * Host-wide actions: the active pool (shown, activated, deactivated) and the clean actions, each previewed with
 * exactly what will go before a typed confirmation word lets it run.
 */
public final class HostAdminViewModel {

    private static final Pattern POOL = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    /** The four clean actions, and the word the user must type for each. */
    public enum Clean {
        JAILS("jails"), RELEASES("releases"), TEMPLATES("templates"), IMAGES("images"), ALL("everything");

        private final String word;

        Clean(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * What a clean will destroy, line by line with sizes, and the word that confirms it; {@code protectedNames}, the
     * names of those of its jails and templates that are protected from destroy (then it cannot run).
     */
    public record Preview(Clean kind, List<String> lines, String word, List<String> protectedNames) {
        public Preview {
            lines = List.copyOf(lines);
            protectedNames = List.copyOf(protectedNames);
        }
    }

    private final IocageClient client;
    private final Executor fx;
    private final Messages msg;
    private final Notifier notifier;
    private final Runnable afterChange;
    private final java.util.function.Predicate<String> isProtected;
    private final ReadOnlyStringWrapper pool = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper activePool = new ReadOnlyStringWrapper("");

    public HostAdminViewModel(IocageClient client, Executor fx, Messages msg, Notifier notifier, Runnable afterChange) {
        this(client, fx, msg, notifier, afterChange, id -> false);
    }

    /** {@code isProtected}: whether the jail or template of this id is protected from destroy (ProtectedJails). */
    public HostAdminViewModel(IocageClient client, Executor fx, Messages msg, Notifier notifier, Runnable afterChange,
                              java.util.function.Predicate<String> isProtected) {
        this.isProtected = isProtected;
        this.client = client;
        this.fx = fx;
        this.msg = msg;
        this.notifier = notifier;
        this.afterChange = afterChange;
    }

    /** "tank", or a word saying none is active / unknown. */
    public ReadOnlyStringProperty pool() {
        return pool.getReadOnlyProperty();
    }

    /** The active pool's name; empty while none is active or it is not known, when there is nothing to deactivate. */
    public ReadOnlyStringProperty activePool() {
        return activePool.getReadOnlyProperty();
    }

    public CompletableFuture<Void> refreshPool() {
        CompletableFuture<Optional<String>> asked = client.extensions().thenCompose(ext -> ext.contains("activatestatus")
                ? client.activateStatus() : client.currentPool());
        return asked.handleAsync((p, e) -> {
            pool.set(e != null ? msg.get("pool.unknown") : p.orElse(msg.get("pool.none")));
            activePool.set(e != null ? "" : p.orElse(""));
            return null;
        }, fx);
    }

    /** What is wrong with a pool name, in the window's language; empty for a name iocage can take. */
    public Optional<String> poolNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(msg.get("pool.nameMissing"));
        }
        return POOL.matcher(name).matches() && !List.of("mirror", "raidz", "spare", "log", "cache").contains(name)
                ? Optional.empty() : Optional.of(msg.get("pool.nameInvalid", Shown.of(name)));
    }

    /** A name iocage cannot take runs nothing: the user is told why, and the future fails. */
    private Optional<CompletableFuture<String>> refused(String name) {
        return poolNameProblem(name).map(problem -> {
            notifier.refusal(problem);
            return CompletableFuture.failedFuture(new IllegalArgumentException("bad pool name"));
        });
    }

    public CompletableFuture<String> activate(String name) {
        return refused(name).orElseGet(() -> done(client.activatePool(name), msg.get("pool.activate", name)));
    }

    /** Fetches a release (a long job with progress) where the host offers it; a bad name runs nothing. */
    public CompletableFuture<String> fetch(String release) {
        if (!org.jaildesk.domain.ReleaseNames.isValid(release)) {
            notifier.refusal(msg.get("release.invalid"));
            return CompletableFuture.failedFuture(new IllegalArgumentException("bad release name"));
        }
        CompletableFuture<String> call = client.extensions().thenCompose(ext -> ext.contains("fetchrelease")
                ? client.fetchRelease(release)
                : CompletableFuture.failedFuture(new org.jaildesk.client.IocageClientException(
                        org.jaildesk.client.IocageClientException.Kind.ACTION_FAILED, msg.get("release.notOffered"))));
        return done(call, msg.get("release.fetch", release));
    }

    /** What the activate dialog offers: the host's pools, or why they were not listed. */
    public record PoolOffer(List<HostPool> pools, String problem) {
    }

    /**
     * Asks the host for its ZFS pools (where the host offers it). Completes on the FX thread, never exceptionally: a
     * host that cannot list them gives the reason, and a name can still be typed.
     */
    public CompletableFuture<PoolOffer> pools() {
        return client.extensions().thenCompose(ext -> ext.contains("listpools") ? client.listPools()
                        : CompletableFuture.<List<HostPool>>failedFuture(new org.jaildesk.client.IocageClientException(
                                org.jaildesk.client.IocageClientException.Kind.ACTION_FAILED, msg.get("pool.listUnsupported"))))
                .thenApply(p -> new PoolOffer(p, ""))
                .exceptionally(e -> new PoolOffer(List.of(), Notifier.oneLine(Notifier.text(msg, e))))
                .thenApplyAsync(o -> o, fx);
    }

    /** What the fetch dialog offers: the mirror's releases and those already fetched, or why the mirror was not listed. */
    public record Offer(List<String> releases, java.util.Set<String> fetched, String problem) {
    }

    /**
     * Asks the host which releases its mirror has ({@code iocage list -R}, where the host offers it) and which it has
     * fetched. Completes on the FX thread, never exceptionally: a host that cannot list the mirror gives the reason.
     */
    public CompletableFuture<Offer> offer() {
        CompletableFuture<List<String>> remote = client.extensions().thenCompose(ext -> ext.contains("listremotereleases")
                ? client.listRemoteReleases()
                : CompletableFuture.failedFuture(new org.jaildesk.client.IocageClientException(
                        org.jaildesk.client.IocageClientException.Kind.ACTION_FAILED, msg.get("release.noMirrorList"))));
        CompletableFuture<List<String>> local = client.listReleases().exceptionally(e -> List.of());
        return remote.thenCombine(local, (r, l) -> new Offer(r, java.util.Set.copyOf(l), ""))
                .exceptionally(e -> new Offer(List.of(), java.util.Set.of(), Notifier.text(msg, e)))
                .thenApplyAsync(o -> o, fx);
    }

    public CompletableFuture<String> deactivate(String name) {
        return refused(name).orElseGet(() -> done(client.deactivatePool(name), msg.get("pool.deactivate", name)));
    }

    /** Lists what a clean would destroy: jails with their size, releases with the jails that use them, templates. */
    public CompletableFuture<Preview> preview(Clean kind) {
        CompletableFuture<List<Jail>> jails = client.listJails();
        CompletableFuture<List<DiskUsage>> df = client.df().exceptionally(e -> List.of());
        CompletableFuture<List<String>> releases = client.listReleases().exceptionally(e -> List.of());
        CompletableFuture<List<Jail>> templates = client.listTemplates().exceptionally(e -> List.of());
        // The image files go with their dataset (clean -i) and with the whole of iocage's (clean -a).
        CompletableFuture<List<HostImage>> images = kind == Clean.IMAGES || kind == Clean.ALL
                ? client.extensions().thenCompose(ext -> ext.contains("listimages") ? client.listImages()
                        : CompletableFuture.completedFuture(List.<HostImage>of())).exceptionally(e -> List.of())
                : CompletableFuture.completedFuture(List.of());
        return CompletableFuture.allOf(jails, df, releases, templates, images).thenApply(x -> {
            List<String> lines = new ArrayList<>();
            List<String> guarded = new ArrayList<>();
            java.util.Map<String, Size> sizes = new java.util.HashMap<>();
            df.join().forEach(d -> sizes.put(d.id(), d.used()));
            boolean withJails = kind == Clean.JAILS || kind == Clean.ALL || kind == Clean.RELEASES;
            if (withJails) {
                for (Jail j : jails.join()) {
                    if (isProtected.test(j.id())) {
                        guarded.add(j.displayName());
                    }
                    lines.add(msg.get("clean.jail", j.displayName(), sizes.getOrDefault(j.id(), Size.NONE).text(),
                            j.isRunning() ? msg.get("clean.running") : ""));
                }
            }
            if (kind == Clean.RELEASES || kind == Clean.ALL) {
                for (String r : releases.join()) {
                    List<String> users = jails.join().stream().filter(j -> j.release().startsWith(r)).map(Jail::displayName).toList();
                    lines.add(msg.get("clean.release", r, users.isEmpty() ? msg.get("clean.unused") : String.join(", ", users)));
                }
            }
            if (kind == Clean.TEMPLATES || kind == Clean.ALL) {
                for (Jail t : templates.join()) {
                    if (isProtected.test(t.id())) {
                        guarded.add(t.displayName());
                    }
                    List<String> users = jails.join().stream().filter(j -> j.template().equals(t.id())).map(Jail::displayName).toList();
                    lines.add(msg.get("clean.template", t.displayName(), users.isEmpty() ? msg.get("clean.unused") : String.join(", ", users)));
                }
            }
            for (HostImage i : images.join()) {
                lines.add(msg.get("clean.image", i.image(), Size.ofBytes(i.size()).text()));
            }
            if (lines.isEmpty()) {
                lines.add(msg.get("clean.nothing"));
            }
            return new Preview(kind, lines, kind.word(), guarded);
        });
    }

    /**
     * Runs the clean {@code preview} showed, only when the typed word matches and none of what it destroys is protected
     * from destroy; then every view refreshes.
     */
    public CompletableFuture<String> clean(Preview preview, String typed) {
        Clean kind = preview.kind();
        if (!preview.protectedNames().isEmpty()) {
            notifier.refusal(msg.get("clean.refusedProtected", named(preview.protectedNames())));
            return CompletableFuture.failedFuture(new IllegalStateException("protected"));
        }
        if (typed == null || !typed.trim().toLowerCase(Locale.ROOT).equals(kind.word())) {
            notifier.refusal(msg.get("clean.notConfirmed", kind.word()));
            return CompletableFuture.failedFuture(new IllegalArgumentException("not confirmed"));
        }
        CompletableFuture<String> call = switch (kind) {
            case JAILS -> client.cleanJails();
            case RELEASES -> client.cleanReleases();
            case TEMPLATES -> client.cleanTemplates();
            case IMAGES -> client.extensions().thenCompose(ext -> ext.contains("cleanimages") ? client.cleanImages()
                    : CompletableFuture.failedFuture(new org.jaildesk.client.IocageClientException(
                            org.jaildesk.client.IocageClientException.Kind.ACTION_FAILED, msg.get("clean.images.unsupported"))));
            case ALL -> client.cleanAll();
        };
        return done(call, msg.get("clean." + kind.name().toLowerCase(Locale.ROOT) + ".action"));
    }

    /** The protected ones of a clean, for a line: the first six by name, then how many more. */
    public String named(List<String> names) {
        String first = String.join(", ", names.subList(0, Math.min(NAMED, names.size())).stream().map(n -> Shown.of(n, 60)).toList());
        return names.size() > NAMED ? first + ", " + msg.get("create.addressesMore", names.size() - NAMED) : first;
    }

    private static final int NAMED = 6;

    private <T> CompletableFuture<T> done(CompletableFuture<T> call, String what) {
        return notifier.follow(call, what, fx, () -> {
            refreshPool();
            afterChange.run();
        });
    }
}
