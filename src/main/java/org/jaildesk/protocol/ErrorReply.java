package org.jaildesk.protocol;

/**
 * The sysadm error envelope: {@code {"args":{"code":"401","message":"Unauthorized"},"id":"x","name":"error","namespace":"error"}}.
 * The code is a string on the wire, as the real server sends it.
 */
public record ErrorReply(String id, String code, String message) implements Reply {

    public ErrorReply {
        id = id == null ? "" : id;
        code = code == null ? "" : code;
        message = message == null ? "" : message;
    }

    public static ErrorReply of(String id, ErrorCode code, String message) {
        return new ErrorReply(id, code.code(), message);
    }
}
