package org.jaildesk.ui.connect;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

    /** Asks the user to accept a certificate; answers on the FX thread. */
    public interface CertificateQuestion {
        boolean accept(HostEntry host, UntrustedCertificateException refusal);
    }

    private final ObservableList<HostEntry> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<HostEntry> selected = new SimpleObjectProperty<>();
    private final Map<String, HostSession> sessions = new HashMap<>();
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
        hosts.addAll(store.load());
    }

    public ObservableList<HostEntry> hosts() {
        return hosts;
    }

    public ObjectProperty<HostEntry> selected() {
        return selected;
    }

    /** The session of a host, opened on first use. */
    public HostSession session(HostEntry host) {
        return sessions.computeIfAbsent(host.id(), id -> new HostSession(host, connector, prompts, fx, msg, notifier));
    }

    public Optional<HostSession> current() {
        return Optional.ofNullable(selected.get()).map(this::session);
    }

    /** Adds or replaces (same URL) a remote host and saves the list. */
    public HostEntry addRemote(String name, String url, String user) {
        HostEntry h = HostEntry.remote(name, url, user);
        hosts.removeIf(x -> x.id().equals(h.id()));
        hosts.add(h);
        store.save(hosts);
        return h;
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
        HostSession old = sessions.remove(host.id());
        if (old != null) {
            old.jails().close();
        }
    }

    public void remove(HostEntry host) {
        if (host.kind() != HostEntry.Kind.REMOTE) {
            return;
        }
        connector.close(host);
        dropSession(host);
        hosts.remove(host);
        store.save(hosts);
        if (host.equals(selected.get())) {
            selected.set(hosts.isEmpty() ? null : hosts.get(0));
        }
    }

    /**
     * Refreshes the current host; when its certificate is not yet trusted, asks the user and, on acceptance,
     * remembers it and tries again.
     */
    public void refreshCurrent(CertificateQuestion question) {
        current().ifPresent(s -> {
            // The user asked: a login they cancelled before may be asked for again.
            s.jails().client().transport().resumeLogin();
            s.jails().refresh().thenRunAsync(() -> {
                Throwable e = s.jails().lastFailure().get();
                UntrustedCertificateException.in(e).ifPresent(u -> {
                    if (question.accept(s.host(), u)) {
                        connector.acceptCertificate(s.host(), u.fingerprint());
                        s.jails().refresh();
                    } else if (!u.changed()) {
                        // Declined: now say why the table stays empty (a changed certificate already said so).
                        notifier.failure(msg.get("action.refresh"), e);
                    }
                });
            }, fx);
        });
    }
}
