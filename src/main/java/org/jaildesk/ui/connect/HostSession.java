package org.jaildesk.ui.connect;

import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jaildesk.client.IocageClient;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.jails.JailsViewModel;

/** One open host: its client, its jail table and its connection state. */
public final class HostSession {

    private final HostEntry host;
    private final HostConnector connector;
    private final JailsViewModel jails;
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.NOT_CONNECTED);
    private final BooleanBinding offline;
    private final javafx.beans.property.ReadOnlyBooleanWrapper ended = new javafx.beans.property.ReadOnlyBooleanWrapper();

    HostSession(HostEntry host, HostConnector connector, HostConnector.Prompts prompts, Executor fx, Messages msg,
                Notifier notifier) {
        this.host = host;
        this.connector = connector;
        IocageClient client = connector.open(host, prompts, s -> fx.execute(() -> state.set(s)));
        this.jails = new JailsViewModel(client, fx, msg, notifier);
        this.offline = Bindings.createBooleanBinding(() -> !jails.jails().isEmpty()
                && (state.get() == ConnectionState.NOT_CONNECTED || state.get() == ConnectionState.FAILED), state, jails.jails());
    }

    public HostEntry host() {
        return host;
    }

    /** The {@code pub_key} of the login key this desktop keeps for this host, if any; blocking, off the FX thread. */
    public java.util.Optional<String> ownLoginKey() {
        return connector.loginKey(host);
    }

    /** Forgets the login key this desktop keeps for this host; blocking, off the FX thread. */
    public void forgetOwnLoginKey() {
        connector.forgetLoginKey(host);
    }

    public JailsViewModel jails() {
        return jails;
    }

    /**
     * True once this session is over: its host left the list, or was opened anew with other settings. The windows
     * opened for it (the action log, the login keys) close then; they would speak to a connection that is gone.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty ended() {
        return ended.getReadOnlyProperty();
    }

    /** Ends the session: its table lists no more, and {@link #ended} turns true. On the FX thread. */
    void end() {
        jails.close();
        ended.set(true);
    }

    public ReadOnlyObjectProperty<ConnectionState> state() {
        return state.getReadOnlyProperty();
    }

    /**
     * The table shows what was last listed while the host is not connected (a remote host whose connection dropped,
     * or that cannot be reached now).
     */
    public BooleanBinding offline() {
        return offline;
    }
}
