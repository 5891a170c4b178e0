package org.jaildesk.host;

/**
 * Runs one iocage command. The real one starts a process ({@link ProcessRunner}); the demo host answers from memory.
 * Implementations receive the iocage arguments only (never a shell string) and must be thread-safe.
 */
public interface CommandRunner {

    /**
     * Runs {@code iocage <spec.args()>} and waits for it, at most {@code spec.timeout()}.
     *
     * @throws CommandException when the command cannot be started at all
     */
    CommandResult run(CommandSpec spec) throws CommandException;

    /** A short description of what runs the commands, for logs and the protocol log. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
