package org.jaildesk.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A successful reply: {@code {"args":{…},"id":"x","name":"response","namespace":"sysadm"}}. For the iocage class,
 * {@code args} holds one key, the action, whose object may itself carry an {@code "error"} (an application failure,
 * which is still a normal response in sysadm).
 */
public record Response(String namespace, String name, String id, JsonNode args) implements Reply {

    public Response {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        id = id == null ? "" : id;
        args = args == null ? JsonNodeFactory.instance.objectNode() : args;
    }

    /** The reply to {@code request}; sysadm names it "response" only when the request had an id. */
    public static Response to(Request request, JsonNode args) {
        return new Response(request.namespace(), request.id().isEmpty() ? request.name() : Protocol.RESPONSE,
                request.id(), args);
    }
}
