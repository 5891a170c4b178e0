package org.jaildesk.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An unsolicited event: {@code {"args":{…},"id":"","name":"dispatcher","namespace":"events"}}. Names on the wire are
 * hyphenated ({@code system-state}), as the real server sends them.
 */
public record Event(String name, JsonNode args) implements Message {

    /**
     * One of JailDesk's change notifications ({@link Protocol#JAIL_CHANGED_EVENT}, {@link Protocol#PROTECTED_EVENT}):
     * {@code {"action":"<what was done>","jail":"<to which jail>"}}.
     */
    public static Event change(String name, String action, String jail) {
        com.fasterxml.jackson.databind.node.ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("action", action);
        o.put("jail", jail);
        return new Event(name, o);
    }

    @Override
    public String id() {
        return "";
    }
}
