package org.jaildesk.protocol;

/** The answer to one request: a {@link Response} or an {@link ErrorReply}. */
public sealed interface Reply extends Message permits Response, ErrorReply {
}
