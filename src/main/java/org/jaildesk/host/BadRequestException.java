package org.jaildesk.host;

/** A request the host refuses before running anything: answered with the 400 error envelope and this message. */
public class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
