package org.jaildesk.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
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

    public void record(String user, String address, String action, String target, String result) {
        record(user, address, action, target, result, null);
    }

    /**
     * The same, with the id the client sent the request under ({@code request=} at the line's end; left out when null
     * or empty): a desktop that quit while the change ran finds how it ended by that id once it is back.
     */
    public synchronized void record(String user, String address, String action, String target, String result, String request) {
        String line = clock.instant() + " user=" + clean(user) + " from=" + clean(address) + " action=" + clean(action)
                + " target=" + clean(target) + " result=" + clean(result)
                + (request == null || request.isEmpty() ? "" : " request=" + clean(request)) + "\n";
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

    /**
     * One audit line as written: each field without spaces, quotes or control characters, "-" where empty;
     * {@code request} is the client's id of the request, "-" for a line without one (a login, or an older line).
     */
    public record Entry(String time, String user, String from, String action, String target, String result, String request) {

        public Entry(String time, String user, String from, String action, String target, String result) {
            this(time, user, from, action, target, result, "-");
        }
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
     * Up to {@code max} entries that start before byte {@code before} of a log file (-1: its end), newest first, read
     * from at most a megabyte before it; with {@link Page#older} the next page of a log too long for one answer is
     * read. The log is the file, then the files newsyslog rotated it into ({@link #rotated}): a page that reaches a
     * file's start goes on at the end of the next one, and {@code mark} (null: the file now) is the {@link Page#mark} of
     * the page that gave {@code before}, which says which of them the offset is in (a page begun before a rotation
     * reads on in the rotated file). A line that is not as {@link #record} writes it is left out. An offset past the
     * end is the end. Where no file has that mark (the log was emptied and written anew, or its rotated file was
     * compressed with another program than gzip, or removed) the page says {@link Page#rotated} instead of reading
     * entries that are not the ones before.
     */
    public Page page(long before, String mark, int max) throws IOException {
        // Only the log itself is read under the lock record writes under (no line half-written is read); a rotated
        // file, which may take its time to unpack, keeps no change waiting.
        List<LogFile> files = new java.util.ArrayList<>();
        files.add(new LogFile(file, false, this, null));
        for (Path p : rotated()) {
            files.add(new LogFile(p, p.getFileName().toString().endsWith(".gz"), null, unpacked));
        }
        int i = 0;
        if (mark != null) {
            while (i < files.size() && !mark.equals(files.get(i).mark())) {
                i++;
            }
            if (i == files.size()) {
                return new Page(List.of(), -1, files.get(0).mark(), true);
            }
        }
        List<Entry> out = new java.util.ArrayList<>();
        long end = before;
        while (true) {
            LogFile f = files.get(i);
            long older = f.read(end, max - out.size(), out);
            if (older >= 0) {
                return new Page(out, older, f.mark(), false);
            }
            // This file is read to its start: the next one that holds anything goes on (an empty one has no offset to
            // come back to, and its mark is every empty file's).
            int next = i + 1;
            while (next < files.size() && files.get(next).length() == 0) {
                next++;
            }
            if (next == files.size()) {
                return new Page(out, -1, f.mark(), false);
            }
            if (out.size() >= max) {
                return new Page(out, files.get(next).length(), files.get(next).mark(), false);
            }
            i = next;
            end = -1;
        }
    }

    /** The most rotated files {@link #rotated} looks for: newsyslog keeps 24 (the packaged configuration). */
    static final int ROTATED_MAX = 1_000;
    /** The most a gzip'd rotated file may hold once read: some 400,000 lines. */
    static final int GZIP_MAX = 64 * 1024 * 1024;

    /**
     * The files newsyslog rotated the log into, newest first: {@code audit.log.0}, {@code .1}, … each as it is or
     * gzip'd ({@code .0.gz}); the first number with neither ends them (a bzip2'd or xz'd one is not read).
     */
    List<Path> rotated() {
        List<Path> out = new java.util.ArrayList<>();
        String name = file.getFileName().toString();
        for (int n = 0; n < ROTATED_MAX; n++) {
            Path plain = file.resolveSibling(name + "." + n);
            Path gz = file.resolveSibling(name + "." + n + ".gz");
            if (Files.isRegularFile(plain, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                out.add(plain);
            } else if (Files.isRegularFile(gz, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                out.add(gz);
            } else {
                break;
            }
        }
        return out;
    }

    /** The gzip'd rotated file unpacked last: a client reading a month page by page has it unpacked once, not per page. */
    private final Unpacked unpacked = new Unpacked();

    /** How many times a gzip'd rotated file was unpacked (for tests). */
    int unpackings() {
        return unpacked.count.get();
    }

    /**
     * The bytes of the gzip'd file unpacked last, while that file is as it was then (the same size and time of change:
     * newsyslog moves a month to the next number, so a name may hold another month later), held softly (up to {@link
     * #GZIP_MAX}: the collector takes it back before the server runs short).
     */
    private static final class Unpacked {
        private record Kept(Path path, long size, java.nio.file.attribute.FileTime changed,
                java.lang.ref.SoftReference<byte[]> bytes) {
        }

        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        private Kept kept;

        synchronized byte[] of(Path path) throws IOException {
            java.nio.file.attribute.BasicFileAttributes now = Files.readAttributes(path,
                    java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (kept != null && kept.path.equals(path) && kept.size == now.size() && kept.changed.equals(now.lastModifiedTime())) {
                byte[] bytes = kept.bytes.get();
                if (bytes != null) {
                    return bytes;
                }
            }
            kept = null;
            count.incrementAndGet();
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(path))) {
                byte[] all = in.readNBytes(GZIP_MAX + 1);
                if (all.length > GZIP_MAX) {
                    throw new IOException("more than " + GZIP_MAX + " bytes once unpacked");
                }
                kept = new Kept(path, now.size(), now.lastModifiedTime(), new java.lang.ref.SoftReference<>(all));
                return all;
            }
        }
    }

    /**
     * One file of the log as a page reads it. The log itself and a plain rotated file are read where the page is; a
     * gzip'd one is read whole ({@link Unpacked}: at most {@link #GZIP_MAX}; one that cannot be read holds nothing, and
     * is logged).
     */
    private static final class LogFile {
        private final Path path;
        private final boolean gzip;
        /** What its reads hold while they read: the log's own lock for the log itself, else null. */
        private final Object lock;
        /** Where a gzip'd file's bytes are unpacked; null for the others. */
        private final Unpacked unpacked;
        private byte[] whole;
        private String mark;

        LogFile(Path path, boolean gzip, Object lock, Unpacked unpacked) {
            this.path = path;
            this.gzip = gzip;
            this.lock = lock;
            this.unpacked = unpacked;
        }

        long length() throws IOException {
            if (gzip) {
                return whole().length;
            }
            return Files.exists(path) ? Files.size(path) : 0;
        }

        /**
         * {@link AuditLog#mark} of the file's first line, read from its start only (a gzip'd one is not unpacked
         * whole to find the page's file); that of an empty file where there is none.
         */
        String mark() throws IOException {
            if (mark == null) {
                byte[] head = whole != null ? whole : head();
                mark = AuditLog.mark(head, Math.min(head.length, MARKED));
            }
            return mark;
        }

        private byte[] head() throws IOException {
            if (!Files.exists(path)) {
                return new byte[0];
            }
            if (!gzip) {
                try (java.io.InputStream in = Files.newInputStream(path)) {
                    return in.readNBytes(MARKED);
                }
            }
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(path))) {
                return in.readNBytes(MARKED);
            } catch (IOException e) {
                return whole(); // says why, and holds nothing
            }
        }

        private byte[] whole() {
            if (whole == null) {
                try {
                    whole = unpacked.of(path);
                } catch (IOException e) {
                    LOG.warning("cannot read the rotated audit log " + path + ": " + e.getMessage());
                    whole = new byte[0];
                }
            }
            return whole;
        }

        /**
         * Adds to {@code out} up to {@code max} entries that start before byte {@code before} (-1: the end), newest
         * first, from at most {@link #TAIL_BYTES} before it; returns the offset of the oldest one's line for the next
         * page, or -1 when the file holds none older.
         */
        long read(long before, int max, List<Entry> out) throws IOException {
            if (!gzip) {
                if (lock == null) {
                    return readPlain(before, max, out);
                }
                synchronized (lock) {
                    return readPlain(before, max, out);
                }
            }
            byte[] all = whole();
            int end = (int) (before < 0 ? all.length : Math.min(before, all.length));
            int from = Math.max(0, end - TAIL_BYTES);
            return lines(java.util.Arrays.copyOfRange(all, from, end), from, max, out);
        }

        private long readPlain(long before, int max, List<Entry> out) throws IOException {
            if (!Files.exists(path)) {
                return -1;
            }
            byte[] tail;
            long from;
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(path.toFile(), "r")) {
                long size = f.length();
                long end = before < 0 ? size : Math.min(before, size);
                from = Math.max(0, end - TAIL_BYTES);
                tail = new byte[(int) (end - from)];
                f.seek(from);
                f.readFully(tail);
            }
            return lines(tail, from, max, out);
        }
    }

    /**
     * Adds the entries of {@code tail} (the file's bytes from {@code from}) to {@code out}, newest first, up to
     * {@code max}; the offset of the oldest one's line, or -1 when the file holds none before it.
     */
    private static long lines(byte[] tail, long from, int max, List<Entry> out) {
        // A read that starts inside a line: its first piece is not a whole entry; the next page reads it whole.
        int first = 0;
        if (from > 0) {
            while (first < tail.length && tail[first] != '\n') {
                first++;
            }
            first = Math.min(first + 1, tail.length);
            if (first == tail.length) {
                // No whole line in a megabyte (a hand-edited file): skipped, so that the next page moves on.
                return from;
            }
        }
        int taken = 0;
        int lineEnd = tail.length;
        while (lineEnd > first && taken < max) {
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
            java.util.Optional<Entry> e = parse(new String(tail, lineStart, contentEnd - lineStart, StandardCharsets.UTF_8));
            if (e.isPresent()) {
                out.add(e.get());
                taken++;
            }
            lineEnd = lineStart;
        }
        return lineEnd > first || from > 0 ? from + lineEnd : -1;
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
        String[] keys = {"user=", "from=", "action=", "target=", "result=", "request="};
        if (f.length != 6 && f.length != 7) {
            return java.util.Optional.empty();
        }
        try {
            java.time.Instant.parse(f[0]);
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
        String[] v = {"", "", "", "", "", "-"};
        for (int k = 0; k < f.length - 1; k++) {
            if (!f[k + 1].startsWith(keys[k])) {
                return java.util.Optional.empty();
            }
            v[k] = f[k + 1].substring(keys[k].length());
        }
        return java.util.Optional.of(new Entry(f[0], v[0], v[1], v[2], v[3], v[4], v[5]));
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
