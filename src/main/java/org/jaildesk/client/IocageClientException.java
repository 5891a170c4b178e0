package org.jaildesk.client;

/** Why a client call failed, in words a user can read. */
public class IocageClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure a caller may treat differently. */
    public enum Kind {
        /** The host ran the action and it failed (iocage said no): the message is the host's. */
        ACTION_FAILED,
        /** The host cannot do this at all (its iocage has no such command): the message is the host's, saying why. */
        UNSUPPORTED,
        /** The host answered with the error envelope (400, 401, 403, 404 …). */
        PROTOCOL_ERROR,
        /** The reply did not have the shape the action documents. */
        MALFORMED_REPLY,
        /** The host could not be reached or the connection broke. */
        TRANSPORT
    }

    private final Kind kind;
    private final String code;
    private final Trouble trouble;
    private final java.util.List<String> troubleArgs;
    private final java.util.List<String> output;

    public IocageClientException(Kind kind, String message) {
        this(kind, message, "", null);
    }

    /** An action that failed after printing {@code output} (a command run in a jail: its own error lines). */
    public IocageClientException(Kind kind, String message, java.util.List<String> output) {
        this(kind, message, "", null, null, java.util.List.of(), output);
    }

    public IocageClientException(Kind kind, String message, Throwable cause) {
        this(kind, message, "", cause);
    }

    public IocageClientException(Kind kind, String message, String code, Throwable cause) {
        this(kind, message, code, cause, null, java.util.List.of(), java.util.List.of());
    }

    /** A trouble JailDesk words itself: the message is its English wording, the desktop may show its own. */
    public IocageClientException(Kind kind, Trouble trouble, String code, Throwable cause, String... args) {
        this(kind, trouble.english(args), code, cause, trouble, java.util.List.of(args), java.util.List.of());
    }

    private IocageClientException(Kind kind, String message, String code, Throwable cause, Trouble trouble,
                                  java.util.List<String> troubleArgs, java.util.List<String> output) {
        super(message, cause);
        this.kind = kind;
        this.code = code == null ? "" : code;
        this.trouble = trouble;
        this.troubleArgs = troubleArgs;
        this.output = java.util.List.copyOf(output);
    }

    /** A transport failure JailDesk words itself (the connection, a reply that did not come). */
    static IocageClientException transport(Trouble trouble, Throwable cause, String... args) {
        return new IocageClientException(Kind.TRANSPORT, trouble, "", cause, args);
    }

    public Kind kind() {
        return kind;
    }

    /** Which of JailDesk's own wordings the message is, or null for a host's or iocage's message. */
    public Trouble trouble() {
        return trouble;
    }

    /** The arguments of {@link #trouble()}'s wording. */
    public java.util.List<String> troubleArgs() {
        return troubleArgs;
    }

    /** What the failed action printed before it failed, where the host sent it ({@code "output"}); most have none. */
    public java.util.List<String> output() {
        return output;
    }

    /** The error envelope's code for {@link Kind#PROTOCOL_ERROR}; "" otherwise. */
    public String code() {
        return code;
    }
}
