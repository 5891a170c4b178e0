package org.jaildesk.client;

/** A jail made by create or clone: its id (UUID or NAME) and tag, as far as the host said. */
public record CreatedJail(String id, String tag) {
}
