package org.jaildesk.ui.connect;

import java.util.function.Consumer;
import org.jaildesk.client.IocageClient;

/**
 * Opens a client for a host. Implemented where the transports are wired (the app); the UI never knows which
 * transport a host uses.
 */
public interface HostConnector {

    /** What the connector may ask the user, off the FX thread. */
    interface Prompts {
        /** The password for a remote host, or null when the user cancels. */
        char[] password(HostEntry host);
    }

    /** A client for the host; connecting happens on the first call. State changes go to {@code state}. */
    IocageClient open(HostEntry host, Prompts prompts, Consumer<ConnectionState> state);

    /** Accepts a server certificate for a remote host (after the user compared the fingerprint). */
    void acceptCertificate(HostEntry host, String fingerprint);

    /** Closes the host's connection, if any. */
    void close(HostEntry host);

    /**
     * Lets go of the host's connection so that the next {@link #open} makes a new one (with changed settings): what
     * is already running there finishes. By default the same as {@link #close}.
     */
    default void release(HostEntry host) {
        close(host);
    }
}
