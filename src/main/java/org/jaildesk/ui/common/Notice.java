package org.jaildesk.ui.common;

/**
 * A message for the user: a calm line for expected failures ("jail is running"), with details to copy for the
 * unexpected ones. {@code subject} is what failed ("Refresh", "Start web01"): a newer failure of the same subject
 * replaces the notice, a success of it removes it; empty for refusals, which stay until dismissed.
 */
public record Notice(Kind kind, String subject, String message, String details) {

    public enum Kind { INFO, FAILURE }
}
