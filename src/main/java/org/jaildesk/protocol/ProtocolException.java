package org.jaildesk.protocol;

/** A message that cannot be taken as a request or reply; carries the error code the peer should get. */
public class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
