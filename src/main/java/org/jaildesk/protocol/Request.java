package org.jaildesk.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sysadm request envelope: {@code {"namespace":"sysadm","name":"iocage","id":"x","args":{"action":"listjails"}}}.
 * {@code args} may be any JSON value; for the iocage class it is an object with an {@code action}.
 */
public record Request(String namespace, String name, String id, JsonNode args) implements Message {

    public Request {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        id = id == null ? "" : id;
        args = args == null ? JsonNodeFactory.instance.objectNode() : args;
    }

    /** A {@code sysadm/iocage} request with the given action and string arguments (key, value, key, value …). */
    public static Request iocage(String id, String action, String... keyValues) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.put("action", action);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            args.put(keyValues[i], keyValues[i + 1]);
        }
        return new Request(Protocol.SYSADM, Protocol.IOCAGE, id, args);
    }

    /** The {@code action} argument, or "" when args is not an object or has none. */
    public String action() {
        JsonNode a = args.get("action");
        return a != null && a.isTextual() ? a.asText() : "";
    }

    public Request withId(String newId) {
        return new Request(namespace, name, newId, args);
    }
}
