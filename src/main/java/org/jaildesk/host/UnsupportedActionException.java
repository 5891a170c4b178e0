package org.jaildesk.host;

/** The host's iocage has no command for an action (Python iocage has no cap, deactivate or defaults). */
public class UnsupportedActionException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnsupportedActionException(String message) {
        super(message);
    }
}
