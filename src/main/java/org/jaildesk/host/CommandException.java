package org.jaildesk.host;

/** A command could not be started (iocage missing, not executable, no permission). */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
