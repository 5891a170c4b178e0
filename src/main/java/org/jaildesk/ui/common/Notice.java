package org.jaildesk.ui.common;

/**
 * A message for the user: a calm line for expected failures ("jail is running"), with details to copy for the
 * unexpected ones.
 */
public record Notice(Kind kind, String message, String details) {

    public enum Kind { INFO, FAILURE }
}
