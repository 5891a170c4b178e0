package org.jaildesk.client;

import java.io.IOException;
import java.security.PrivateKey;
import java.util.Optional;

/**
 * A remote host's login key on this desktop, for one user (sysadm's key login, {@code rpc/auth_ssl}): where the private
 * key is kept (a keyring, never a plain file), whether the user asked for one, and what becomes of making one. Each
 * host has a key of its own, so that one host cannot pass another's challenge to this desktop and log in there as its
 * user. Called on the transport's thread; a keyring may take its time (it may ask to be unlocked).
 */
public interface KeyLogins {

    /** No key login: the password every time. */
    KeyLogins NONE = new KeyLogins() {
        @Override
        public Optional<PrivateKey> find() {
            return Optional.empty();
        }

        @Override
        public boolean wanted() {
            return false;
        }

        @Override
        public void keep(PrivateKey key) {
            throw new UnsupportedOperationException("no keyring");
        }

        @Override
        public void forget() {
        }
    };

    /** The key kept for this host and user; empty when there is none or it cannot be read. */
    Optional<PrivateKey> find();

    /** Whether the user asked, with the password just typed, to log in with a key from now on. */
    boolean wanted();

    /** Keeps {@code key} for this host and user, in place of one kept; the keyring's words when it cannot. */
    void keep(PrivateKey key) throws IOException;

    /** Forgets the key of this host and user, if one is kept. */
    void forget();

    /**
     * Told, with the host's words, that the host refused the key login for now without checking the key (too many
     * failed logins from this address, a challenge that lapsed): the key stays kept. The password is asked next.
     */
    default void refusedForNow(String why) {
    }

    /** Told how making a key went: {@code problem} null when the host took it, else why it did not (its words). */
    default void made(String problem) {
    }
}
