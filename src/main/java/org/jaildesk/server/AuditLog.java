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
    public java.util.List<Entry> recent(int max) throws IOException {
        return page(-1, null, max).entries();
    }

    /**
     * Entries newest first, and where the ones before them start.
     *
     * @param entries the entries, newest first
     * @param older   the byte offset of the oldest one's line, for the next page ({@code before}); -1 when the file
     *                holds none older
     * @param mark    which file the offset is in: {@link #mark} of the file read, for the next page's {@code before}
     * @param rotated the file is no longer the one the asked offset was in (rotated, or emptied and written anew): no
     *                entries, and none older in this file
     */
    public record Page(java.util.List<Entry> entries, long older, String mark, boolean rotated) {
    }

    /** The newest {@code max} entries before byte {@code before}, in whichever file is there now; see {@link #page(long, String, int)}. */
    public Page page(long before, int max) throws IOException {
        return page(before, null, max);
    }

    /**
     * Up to {@code max} entries that start before byte {@code before} of the file (-1: its end), newest first, read from
     * at most a megabyte before it; with {@link Page#older} the next page of a log too long for one answer is read. A
     * line that is not as {@link #record} writes it is left out. An offset past the end is the end. {@code mark} (null:
     * not checked) is the {@link Page#mark} of the page that gave {@code before}: where the file's is another (newsyslog
     * moved the log away and a new one was begun, or it was emptied), the offset is not this file's, and the page says
     * {@link Page#rotated} instead of reading entries that are not the ones before.
     */
    public synchronized Page page(long before, String mark, int max) throws IOException {
        if (!Files.exists(file)) {
            return new Page(java.util.List.of(), -1, mark(new byte[0], 0), mark != null);
        }
        byte[] tail;
        long from;
        String now;
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            byte[] head = new byte[(int) Math.min(f.length(), MARKED)];
            f.readFully(head);
            now = mark(head, head.length);
            if (mark != null && !mark.equals(now)) {
                return new Page(java.util.List.of(), -1, now, true);
            }
            long size = f.length();
            long end = before < 0 ? size : Math.min(before, size);
            from = Math.max(0, end - TAIL_BYTES);
            tail = new byte[(int) (end - from)];
            f.seek(from);
            f.readFully(tail);
        }
        // A read that starts inside a line: its first piece is not a whole entry; the next page reads it whole.
        int first = 0;
        if (from > 0) {
            while (first < tail.length && tail[first] != '\n') {
                first++;
            }
            first = Math.min(first + 1, tail.length);
            if (first == tail.length) {
                // No whole line in a megabyte (a hand-edited file): skipped, so that the next page moves on.
                return new Page(java.util.List.of(), from, now, false);
            }
        }
        java.util.List<Entry> out = new java.util.ArrayList<>();
        int lineEnd = tail.length;
        while (lineEnd > first && out.size() < max) {
            int lineStart = lineEnd - 1;
            // The line ends before lineEnd (its newline, or the file's end); it starts after the newline before it.
            if (tail[lineStart] == '\n') {
                lineStart--;
            }
            int contentEnd = lineStart + 1;
            while (lineStart >= first && tail[lineStart] != '\n') {
                lineStart--;
            }
            lineStart++;
            parse(new String(tail, lineStart, contentEnd - lineStart, StandardCharsets.UTF_8)).ifPresent(out::add);
            lineEnd = lineStart;
        }
        long older = lineEnd > first || from > 0 ? from + lineEnd : -1;
        return new Page(out, older, now, false);
    }

    /** How much of the file's start {@link #mark} reads: more than any line {@link #record} writes. */
    private static final int MARKED = 4096;

    /**
     * Which file this is: a CRC-32 of its first line (of what of it is in the first {@link #MARKED} bytes), eight
     * hexadecimal digits. A log's first line never changes while entries are added after it; a new log begins with
     * another (its time, at least).
     */
    private static String mark(byte[] head, int length) {
        int end = 0;
        while (end < length && head[end] != '\n') {
            end++;
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(head, 0, end);
        return String.format(java.util.Locale.ROOT, "%08x", crc.getValue());
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
