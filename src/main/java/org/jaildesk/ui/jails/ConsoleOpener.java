package org.jaildesk.ui.jails;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Opens a login in a running jail of this machine in a terminal ({@code iocage console}, which needs one). Only this
 * machine's host has consoles: a remote host's jails are reached with ssh, and the demo host's are simulated.
 */
public interface ConsoleOpener {

    /**
     * Starts the terminal with the console of the jail {@code id}, off the calling thread; completes with the
     * terminal's name once it runs, or fails saying why in the window's language (no terminal, a name that is no
     * jail's, a terminal that could not start or ended at once).
     */
    CompletableFuture<String> open(String id);

    /** The terminal command used while none is chosen ({@code TERMINAL}, or the first usual one found); "" if none. */
    String found();

    /** Why {@code command} cannot be the terminal, in the window's language; empty when it can (blank: the default). */
    Optional<String> whyNot(String command);
}
