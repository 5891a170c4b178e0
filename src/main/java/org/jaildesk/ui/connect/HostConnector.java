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
        /**
         * The password for a remote host, or null when the user cancels. With {@code keyOffered} the user may also
         * choose to log in with a key from now on (this desktop has a keyring to keep it in); {@code ended}: asked
         * because the host ended the session (its password changed there, or the session lapsed), not to begin one.
         */
        Password password(HostEntry host, boolean keyOffered, boolean ended);

        /**
         * The one-time code of the user's authenticator app for {@code host}, whose login needs one after the password;
         * {@code again}: the one given before did not hold. Null when the user cancels.
         */
        default String oneTimeCode(HostEntry host, boolean again) {
            return null;
        }

        /** Told, on no particular thread, how making a login key for {@code host} went: null when the host took it. */
        default void keyMade(HostEntry host, String problem) {
        }
    }

    /** A password typed, and whether the user chose a login key from now on. The caller wipes the password. */
    record Password(char[] secret, boolean makeKey) {
    }

    /** A client for the host; connecting happens on the first call. State changes go to {@code state}. */
    IocageClient open(HostEntry host, Prompts prompts, Consumer<ConnectionState> state);

    /**
     * The {@code pub_key} of the login key this desktop keeps for {@code host}, if it keeps one. May take its time (a
     * keyring may ask to be unlocked): call off the FX thread.
     */
    default java.util.Optional<String> loginKey(HostEntry host) {
        return java.util.Optional.empty();
    }

    /** Forgets the login key this desktop keeps for {@code host}; off the FX thread. */
    default void forgetLoginKey(HostEntry host) {
    }

    /** What became of the login key this desktop kept for a host that left the list. */
    enum KeyGone {
        /** There was none (or it was to stay). */
        NONE,
        /** Taken out of the keyring; not revoked on the host from here (it may still list it). */
        FROM_KEYRING,
        /** Revoked on the host, then taken out of the keyring. */
        REVOKED
    }

    /**
     * {@code host} leaves the list (removed, or edited into another entry): its connection is closed and, with
     * {@code dropKey}, the login key this desktop keeps for it is taken out of the keyring, off the calling thread,
     * after it was revoked on the host where the connection is logged in now (nothing is connected or asked for that:
     * the connection asks no password once its host left); no longer marked at once (an edited entry that keeps the
     * host's id starts without one).
     */
    default java.util.concurrent.CompletableFuture<KeyGone> leave(HostEntry host, boolean dropKey) {
        close(host);
        return java.util.concurrent.CompletableFuture.completedFuture(KeyGone.NONE);
    }

    /**
     * What {@link #leave} with {@code dropKey} would do now with the login key this desktop keeps for {@code host}:
     * nothing, none being kept ({@link KeyGone#NONE}); take it out of the keyring ({@link KeyGone#FROM_KEYRING}); or
     * revoke it there first, the host's connection being logged in ({@link KeyGone#REVOKED}). From what the connector
     * holds, nothing asked: fit for the FX thread. The connection may change before the leave, which says what it did.
     */
    default KeyGone keyOnLeaving(HostEntry host) {
        return KeyGone.NONE;
    }

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
