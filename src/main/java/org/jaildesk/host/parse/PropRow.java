package org.jaildesk.host.parse;

/** One jail's value of a property, from {@code get -r} (Python, legacy develop) or {@code show} (legacy 1.7). */
public record PropRow(String id, String tag, String value) {
}
