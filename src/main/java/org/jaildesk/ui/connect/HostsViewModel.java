package org.jaildesk.ui.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.UntrustedCertificateException;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * The sidebar: the demo host, the local host (where iocage exists) and the saved remote hosts; which one is shown;
 * one session per host, so that one host's trouble never touches another's.
 */
public final class HostsViewModel {

    /** What is wrong with a remote host as typed, or empty (see {@link #problem}). */
    @FunctionalInterface
    public interface Check {
        Optional<String> of(String name, String url, String user);
    }

    /** Asks the user to accept a certificate; answers on the FX thread. */
    public interface CertificateQuestion {
        boolean accept(HostEntry host, UntrustedCertificateException refusal);
    }

    private final ObservableList<HostEntry> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<HostEntry> selected = new SimpleObjectProperty<>();
    private final Map<String, HostSession> sessions = new HashMap<>();
    /** The hosts whose jails were asked for in this window (shown, or refreshed): see {@link #opened}. */
    private final java.util.Set<String> listed = new java.util.HashSet<>();
    private final HostConnector connector;
    private final HostConnector.Prompts prompts;
    private final HostStore store;
    private final Executor fx;
    private final Messages msg;
    private final Notifier notifier;

    public HostsViewModel(Iterable<HostEntry> builtIn, HostStore store, HostConnector connector,
                          HostConnector.Prompts prompts, Executor fx, Messages msg, Notifier notifier) {
        this.connector = connector;
        this.prompts = prompts;
        this.store = store;
        this.fx = fx;
        this.msg = msg;
        this.notifier = notifier;
        builtIn.forEach(hosts::add);
        hosts.addAll(store.load(this::problem));
    }

    public ObservableList<HostEntry> hosts() {
        return hosts;
    }

    public ObjectProperty<HostEntry> selected() {
        return selected;
    }

    /** The session of a host, opened on first use. */
    public HostSession session(HostEntry host) {
        return sessions.computeIfAbsent(host.id(), id -> followChanges(new HostSession(host, connector, prompts, fx, msg, notifier)));
    }

    /**
     * Live refresh: the host says when any client changed a jail (another window, another desktop, a script), and the
     * host's table lists again, whether it was opened by showing it or from All hosts. The table is the host's session
     * now: after a reopen, a job still finishing on the old connection refreshes the new session's table, once it was
     * asked to list.
     */
    private HostSession followChanges(HostSession session) {
        String id = session.host().id();
        session.jails().client().onJailsChanged(() -> fx.execute(() -> {
            HostSession now = sessions.get(id);
            if (now != null && listed.contains(id)) {
                now.jails().hostChanged();
            }
        }));
        return session;
    }

    public Optional<HostSession> current() {
        return Optional.ofNullable(selected.get()).map(this::session);
    }

    /** The longest host name: it is the host list's label and the window's title. */
    public static final int NAME_LENGTH = 64;
    /** The longest user name FreeBSD takes (MAXLOGNAME less its terminating NUL). */
    public static final int USER_LENGTH = 32;
    /** The longest URL taken; a host name in DNS is at most 253 characters. */
    public static final int URL_LENGTH = 300;

    /**
     * What is wrong with a remote host as typed (name, URL, user), in the window's language; empty when it can be saved.
     * A pasted megabyte would otherwise become the host list's label, the window's title and a line of hosts.json.
     */
    public Optional<String> problem(String name, String url, String user) {
        String n = name.strip();
        String address = url.strip();
        String u = user.strip();
        if (n.isEmpty()) {
            return Optional.of(msg.get("host.needName"));
        }
        if (n.length() > NAME_LENGTH) {
            return Optional.of(msg.get("host.nameTooLong", NAME_LENGTH));
        }
        if (address.length() > URL_LENGTH) {
            return Optional.of(msg.get("host.urlTooLong", URL_LENGTH));
        }
        try {
            URI parsed = new URI(address);
            if (!org.jaildesk.client.WebSocketOptions.isServerUrl(parsed)) {
                // wss://nas:99999 starts as it should: its port is what is wrong.
                return Optional.of(msg.get(org.jaildesk.client.WebSocketOptions.namesServerHost(parsed) ? "host.badPort" : "host.badUrl"));
            }
        } catch (URISyntaxException e) {
            return Optional.of(msg.get("host.badUrl"));
        }
        if (u.isEmpty()) {
            return Optional.of(msg.get("host.needUser"));
        }
        if (u.length() > USER_LENGTH || u.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of(msg.get("host.badUser", USER_LENGTH));
        }
        return Optional.empty();
    }

    /** Adds or replaces (same URL) a remote host and saves the list; refuses one with a {@link #problem}. */
    public HostEntry addRemote(String name, String url, String user) {
        problem(name, url, user).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        HostEntry h = HostEntry.remote(name.strip(), url.strip(), user.strip());
        hosts.removeIf(x -> x.id().equals(h.id()));
        hosts.add(h);
        save();
        return h;
    }

    /** What File ▸ Import hosts… added, by name, and what it left out (a host listed in the file, and why). */
    public record Imported(List<String> added, List<String> leftOut) {
    }

    /**
     * Adds the hosts of an exported list (File ▸ Import hosts…) that are not saved yet, and saves the list once. A host
     * whose address is saved already keeps its name and user as they are here; one the window would refuse is left
     * out. The file is read on {@code io}; nothing changes if it cannot be a host list.
     */
    public CompletableFuture<Imported> importFrom(Path file, Executor io) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return HostStore.readExported(file, this::problem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).thenApplyAsync(parsed -> {
            List<String> added = new ArrayList<>();
            List<String> leftOut = new ArrayList<>(parsed.refused());
            for (HostEntry h : parsed.hosts()) {
                Optional<HostEntry> saved = hosts.stream().filter(x -> x.id().equals(h.id())).findFirst();
                if (saved.isPresent()) {
                    leftOut.add(msg.get("hosts.importSaved", h.name(), saved.get().name()));
                } else {
                    hosts.add(h);
                    added.add(h.name());
                }
            }
            if (!added.isEmpty()) {
                save();
            }
            return new Imported(List.copyOf(added), List.copyOf(leftOut));
        }, fx);
    }

    /** Writes the saved remote hosts to {@code file} on {@code io} (File ▸ Export hosts…): how many. Call on the FX thread. */
    public CompletableFuture<Integer> exportTo(Path file, Executor io) {
        List<HostEntry> remote = hosts.stream().filter(h -> h.kind() == HostEntry.Kind.REMOTE).toList();
        return CompletableFuture.supplyAsync(() -> {
            try {
                HostStore.export(file, remote);
                return remote.size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io);
    }

    /** Writes the hosts; a failure is told once (the change holds until JailDesk is closed, and would then be gone). */
    private void save() {
        store.save(hosts, why -> notifier.refusal(msg.get("host.notSaved", store.path(),
                Notifier.oneLine(org.jaildesk.ui.common.FileWords.of(msg, why)))));
    }

    /**
     * Opens a host anew after its settings changed (how iocage runs on this machine): its next session starts from
     * scratch, while work already running on the old one finishes there.
     */
    public void reopen(HostEntry host) {
        connector.release(host);
        dropSession(host);
    }

    /** Forgets the host's session; its table lists no more (a job finishing there later brings no listing of its own). */
    private void dropSession(HostEntry host) {
        listed.remove(host.id());
        HostSession old = sessions.remove(host.id());
        if (old != null) {
            old.end();
        }
    }

    /**
     * What {@link #remove} would do now with the login key this desktop keeps for {@code host}, for the question before
     * it ({@link HostConnector#keyOnLeaving}); a host that is not remote keeps none.
     */
    public HostConnector.KeyGone keyOnLeaving(HostEntry host) {
        return host.kind() == HostEntry.Kind.REMOTE ? connector.keyOnLeaving(host) : HostConnector.KeyGone.NONE;
    }

    /** Removes a remote host from the list, its session, and the login key this desktop keeps for it. */
    public void remove(HostEntry host) {
        remove(host, true);
    }

    /**
     * Replaces {@code old} with the host the edit dialog gave (refused as {@link #addRemote} refuses); the login key
     * this desktop keeps for it stays only while it still fits: the same address and user.
     */
    public HostEntry edit(HostEntry old, String name, String url, String user) {
        // Refused before the old entry goes: addRemote's own check would come after.
        problem(name, url, user).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        HostEntry h = HostEntry.remote(name.strip(), url.strip(), user.strip());
        remove(old, !(h.id().equals(old.id()) && h.user().equals(old.user())));
        return addRemote(name, url, user);
    }

    private void remove(HostEntry host, boolean dropKey) {
        if (host.kind() != HostEntry.Kind.REMOTE) {
            return;
        }
        // Its login key is no secret to leave in the keyring, nor one for the host to go on taking.
        connector.leave(host, dropKey).thenAcceptAsync(gone -> {
            switch (gone) {
                case REVOKED -> notifier.tell(msg.get("host.keyRevoked", host.user(), host.name()));
                case FROM_KEYRING -> notifier.tell(msg.get("host.keyDropped", host.user(), host.name()));
                case NONE -> { }
            }
        }, fx);
        dropSession(host);
        hosts.remove(host);
        save();
        if (host.equals(selected.get())) {
            selected.set(hosts.isEmpty() ? null : hosts.get(0));
        }
    }

    /**
     * Refreshes the current host; when its certificate is not yet trusted, asks the user and, on acceptance,
     * remembers it and tries again.
     */
    public void refreshCurrent(CertificateQuestion question) {
        current().ifPresent(s -> refresh(s, question));
    }

    /** Refreshes {@code host}, opening its session if it has none yet; a certificate not yet trusted as above. */
    public void refresh(HostEntry host, CertificateQuestion question) {
        refresh(session(host), question);
    }

    /**
     * Whether {@code host}'s jails were asked for in this window (it was shown, or refreshed): a host in the list has a
     * session for its connection state, but a remote one connects only when first asked.
     */
    public boolean opened(HostEntry host) {
        return listed.contains(host.id()) && sessions.containsKey(host.id());
    }

    private void refresh(HostSession s, CertificateQuestion question) {
        listed.add(s.host().id());
        // The user asked: a login they cancelled before may be asked for again.
        s.jails().client().transport().resumeLogin();
        s.jails().refresh().thenRunAsync(() -> {
            Throwable e = s.jails().lastFailure().get();
            UntrustedCertificateException.in(e).ifPresent(u -> {
                if (question.accept(s.host(), u)) {
                    try {
                        connector.acceptCertificate(s.host(), u.fingerprint());
                    } catch (UncheckedIOException notSaved) {
                        // Trusted for this run all the same; the user learns why it will be asked again.
                        notifier.refusal(msg.get("host.certificateNotSaved",
                                Notifier.oneLine(org.jaildesk.ui.common.FileWords.of(msg, notSaved))));
                    }
                    s.jails().refresh();
                } else if (!u.changed()) {
                    // Declined: now say why the table stays empty (a changed certificate already said so).
                    notifier.failure(msg.get("action.refresh"), e);
                }
            });
        }, fx);
    }
}
