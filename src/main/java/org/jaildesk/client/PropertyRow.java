package org.jaildesk.client;

/** One jail's value of a property, from {@code getjailsettings} with {@code -r}. */
public record PropertyRow(String id, String tag, String value) {
}
