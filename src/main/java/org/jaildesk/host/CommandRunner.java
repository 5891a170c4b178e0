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

    /**
     * Runs one of the host's own programs ({@code <tool> <spec.args()>}) the same way. A runner that has no such
     * program (a test's stand-in for iocage) says so.
     *
     * @throws CommandException when the program cannot be run at all
     */
    default CommandResult runTool(Tool tool, CommandSpec spec) throws CommandException {
        throw new CommandException(describe() + " cannot run " + tool.command(), null);
    }

    /** A short description of what runs the commands, for logs and the protocol log. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
