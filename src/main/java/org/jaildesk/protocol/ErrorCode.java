package org.jaildesk.protocol;

/** The error codes a sysadm server sends (as strings) in the error envelope. */
public enum ErrorCode {
    BAD_REQUEST("400", "Bad Request"),
    UNAUTHORIZED("401", "Unauthorized"),
    FORBIDDEN("403", "Forbidden"),
    NOT_FOUND("404", "Not Found"),
    /** Ours: the host failed in a way that is not the caller's fault (used sparingly). */
    INTERNAL("500", "Internal Server Error");

    private final String code;
    private final String text;

    ErrorCode(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String text() {
        return text;
    }
}
