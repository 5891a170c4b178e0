package org.jaildesk.host;

/** iocage ran and refused or failed; the message goes to the caller as {@code "error"} inside a normal reply. */
class ActionFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    ActionFailedException(String message) {
        super(message);
    }
}
