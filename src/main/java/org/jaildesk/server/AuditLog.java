package org.jaildesk.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * One line per mutating action: when, who, from where, what, on which target, and the result. Never passwords or
 * tokens: only the action's name and its target are written.
 */
public final class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private final Path file;
    private final Clock clock;

    public AuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    public synchronized void record(String user, String address, String action, String target, String result) {
        String line = clock.instant() + " user=" + clean(user) + " from=" + clean(address) + " action=" + clean(action)
                + " target=" + clean(target) + " result=" + clean(result) + "\n";
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                OwnerOnly.create(file);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.severe("cannot write the audit log " + file + ": " + e.getMessage());
            throw new UncheckedIOException(e);
        }
    }

    /** One line, no quotes or control characters, bounded: an audit line must not be forgeable by its content. */
    private static String clean(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isISOControl(c) || c == ' ' || c == '"' ? '_' : c);
            if (b.length() >= 120) {
                b.append('…');
                break;
            }
        }
        return b.toString();
    }
}
