package org.jaildesk.domain;

import java.time.Instant;

/**
 * One change a server made, from its audit log: when, who, from which address, which action on which target, and how
 * it went ({@code ok}, {@code error:<why>}, {@code refused:<code>}, {@code failed:<kind>}). The server writes each field
 * without spaces or control characters. {@code request} is the id the client sent the change under, "" where the line
 * has none (a login, a line of an older server).
 */
public record AuditEntry(Instant time, String user, String from, String action, String target, String result, String request) {

    public AuditEntry(Instant time, String user, String from, String action, String target, String result) {
        this(time, user, from, action, target, result, "");
    }
}
