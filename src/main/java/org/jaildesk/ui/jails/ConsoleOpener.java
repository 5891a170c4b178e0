package org.jaildesk.ui.jails;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Opens a login in a running jail in a terminal of this desktop ({@code iocage console}, which needs one): this
 * machine's directly, a remote host's over ssh as the user chose for it; the demo host's jails are simulated.
 */
public interface ConsoleOpener {

    /**
     * Starts the terminal with the console of the jail {@code id}, off the calling thread; completes with the
     * terminal's name once it runs, or fails saying why in the window's language (no terminal, a name that is no
     * jail's, a terminal that could not start or ended at once).
     */
    CompletableFuture<String> open(String id);

    /**
     * Starts the terminal with a console of another host's jail {@code id}: {@code ssh}'s words, as the user chose them
     * for that host, then iocage console and the jail; completes or fails as {@link #open} does.
     */
    CompletableFuture<String> openOver(String ssh, String id);

    /** The terminal command used while none is chosen ({@code TERMINAL}, or the first usual one found); "" if none. */
    String found();

    /** Why {@code command} cannot be the terminal, in the window's language; empty when it can (blank: the default). */
    Optional<String> whyNot(String command);
}
