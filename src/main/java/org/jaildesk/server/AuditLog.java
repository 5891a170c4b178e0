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

    /** One audit line as written: each field without spaces, quotes or control characters, "-" where empty. */
    public record Entry(String time, String user, String from, String action, String target, String result) {
    }

    /** The most of the file's end {@link #recent} reads: some 4,000 lines, far more than it answers. */
    static final int TAIL_BYTES = 1024 * 1024;

    /**
     * The newest {@code max} entries, newest first, from the file's last megabyte; a line that is not as
     * {@link #record} writes it (cut off, edited by hand) is left out. Empty when there is no log yet.
     */
    public synchronized java.util.List<Entry> recent(int max) throws IOException {
        if (!Files.exists(file)) {
            return java.util.List.of();
        }
        byte[] tail;
        boolean whole;
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            long from = Math.max(0, size - TAIL_BYTES);
            whole = from == 0;
            tail = new byte[(int) (size - from)];
            f.seek(from);
            f.readFully(tail);
        }
        String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n");
        java.util.List<Entry> out = new java.util.ArrayList<>();
        // A tail that starts inside a line: its first piece is not a whole entry.
        for (int i = lines.length - 1; i >= (whole ? 0 : 1) && out.size() < max; i--) {
            parse(lines[i]).ifPresent(out::add);
        }
        return out;
    }

    private static java.util.Optional<Entry> parse(String line) {
        String[] f = line.split(" ");
        String[] keys = {"user=", "from=", "action=", "target=", "result="};
        if (f.length != 6) {
            return java.util.Optional.empty();
        }
        try {
            java.time.Instant.parse(f[0]);
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
        String[] v = new String[5];
        for (int k = 0; k < 5; k++) {
            if (!f[k + 1].startsWith(keys[k])) {
                return java.util.Optional.empty();
            }
            v[k] = f[k + 1].substring(keys[k].length());
        }
        return java.util.Optional.of(new Entry(f[0], v[0], v[1], v[2], v[3], v[4]));
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
