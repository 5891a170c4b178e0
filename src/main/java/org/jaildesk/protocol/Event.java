package org.jaildesk.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An unsolicited event: {@code {"args":{…},"id":"","name":"dispatcher","namespace":"events"}}. Names on the wire are
 * hyphenated ({@code system-state}), as the real server sends them.
 */
public record Event(String name, JsonNode args) implements Message {

    @Override
    public String id() {
        return "";
    }
}
