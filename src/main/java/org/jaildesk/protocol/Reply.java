package org.jaildesk.protocol;

/** The answer to one request: a {@link Response} or an {@link ErrorReply}. */
public sealed interface Reply extends Message permits Response, ErrorReply {

    /**
     * {@code answer}, addressed to {@code request} instead of the request it was made for (the same question under
     * another id: a listing shared by several callers, a connection's id given back after the host saw it prefixed).
     */
    static Reply readdressed(Reply answer, Request request) {
        if (answer instanceof Response ok) {
            return Response.to(request, ok.args());
        }
        ErrorReply e = (ErrorReply) answer;
        return new ErrorReply(request.id(), e.code(), e.message());
    }
}
