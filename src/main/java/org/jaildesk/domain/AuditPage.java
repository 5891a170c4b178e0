package org.jaildesk.domain;

import java.util.List;
import java.util.Objects;

/**
 * A page of a server's audit log, newest first, and where the entries before them are to be read from.
 *
 * @param entries the entries, newest first
 * @param older   what to ask for the entries before these ({@code listaudit}'s {@code before}); "" when there are none
 * @param rotated the log was rotated on the server since the page before was read: these are none of the entries
 *                before it, which are in the rotated files
 */
public record AuditPage(List<AuditEntry> entries, String older, boolean rotated) {

    public AuditPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(older, "older");
    }

    /** Whether the log holds entries before these. */
    public boolean hasOlder() {
        return !older.isEmpty();
    }
}
