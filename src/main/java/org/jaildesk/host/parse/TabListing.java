package org.jaildesk.host.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Python {@code list -l -h} / {@code list -h} rows (10 or 5 TAB-separated fields) read from iocage's bytes as they
 * arrive, one pass, one row per line completed.
 *
 * <p>This runs on every table refresh, over one row per jail, so it works on the bytes themselves: each line is
 * scanned once for its TABs, every field trimmed once, and a string made only for a value that is kept (names,
 * JIDs, addresses); placeholders, states and boot flags become shared constants and the rows of one release share its
 * string (jails of a few releases come interleaved, in name order). The rules are those of the other parsers: blank lines and iocage's banners are
 * skipped, every field is trimmed as {@link String#trim()} does, {@code -}, {@code None}, {@code none} and empty
 * mean {@code -}, and anything unexpected is an {@link IocageParseException} naming the line. After the first such
 * line the rest is not read.
 */
final class TabListing {

    private static final int LONG = 10;
    private static final int SHORT = 5;
    /** Distinct releases given one shared string each; a host has a few, and any beyond get a string per row. */
    private static final int RELEASES = 16;

    private final List<ListedJail> rows = new ArrayList<>();
    /** Trimmed bounds of the fields of the current line: [from[f], to[f]). */
    private final int[] from = new int[LONG];
    private final int[] to = new int[LONG];
    /** Where the TABs of the current line are, up to {@link #LONG} of them. */
    private final int[] tab = new int[LONG];
    private byte[] b;
    private int lineStart;
    private int lineEnd;
    private int lineNumber;
    /** The start of a line whose end has not arrived yet. */
    private byte[] carry = new byte[0];
    private int carryLength;
    /** The releases seen so far, as bytes and as the one string each row of that release gets. */
    private final byte[][] releaseBytes = new byte[RELEASES][];
    private final String[] releases = new String[RELEASES];
    private int releaseCount;
    private IocageParseException failure;

    /** Reads a whole output at once. */
    static List<ListedJail> read(String text) throws IocageParseException {
        TabListing t = new TabListing();
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        t.feed(all, 0, all.length);
        t.finish();
        return t.rows();
    }

    /** Reads every line these bytes complete; an unfinished last line waits for the next call or {@link #finish}. */
    void feed(byte[] buf, int off, int len) {
        int end = off + len;
        int start = off;
        if (carryLength > 0) {
            int nl = off;
            while (nl < end && buf[nl] != '\n') {
                nl++;
            }
            keep(buf, off, nl - off);
            if (nl == end) {
                return;
            }
            scanned(carry, 0, carryLength);
            carryLength = 0;
            start = nl + 1;
        }
        // One pass over the bytes for both line ends and TABs: this loop is most of the reading's time.
        int tabs = 0;
        for (int i = start; i < end; i++) {
            byte c = buf[i];
            if (c <= '\n' && c >= '\t') {
                if (c == '\t') {
                    if (tabs < LONG) {
                        tab[tabs] = i;
                    }
                    tabs++;
                } else {
                    line(buf, start, i, tabs);
                    tabs = 0;
                    start = i + 1;
                }
            }
        }
        keep(buf, start, end - start);
    }

    /** The output ended: reads a last line that had no line feed. */
    void finish() {
        if (carryLength > 0) {
            scanned(carry, 0, carryLength);
            carryLength = 0;
        }
    }

    boolean failed() {
        return failure != null;
    }

    /** The jails read, or the first line that could not be read. */
    List<ListedJail> rows() throws IocageParseException {
        if (failure != null) {
            throw failure;
        }
        return rows;
    }

    /** The jails of the lines read so far, without the first line that could not be read (see {@link #failed()}). */
    List<ListedJail> rowsRead() {
        return rows;
    }

    private void keep(byte[] buf, int off, int len) {
        if (len == 0) {
            return;
        }
        if (carryLength + len > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(256, 2 * (carryLength + len)));
        }
        System.arraycopy(buf, off, carry, carryLength, len);
        carryLength += len;
    }

    /** A line whose TABs are not known yet (one that came in pieces, or the last one). */
    private void scanned(byte[] buf, int start, int end) {
        int tabs = 0;
        for (int i = start; i < end; i++) {
            if (buf[i] == '\t') {
                if (tabs < LONG) {
                    tab[tabs] = i;
                }
                tabs++;
            }
        }
        line(buf, start, end, tabs);
    }

    /** One line, [start, end) of {@code buf} with its line feed cut off, with {@code tabs} TABs at {@link #tab}. */
    private void line(byte[] buf, int start, int end, int tabs) {
        lineNumber++;
        if (failure != null) {
            return;
        }
        if (end > start && buf[end - 1] == '\r') {
            end--;
        }
        b = buf;
        lineStart = start;
        lineEnd = end;
        if (maySkip() && skipped()) {
            return;
        }
        try {
            rows.add(row(tabs + 1));
        } catch (IocageParseException e) {
            failure = e;
        }
    }

    /** A row starts with its JID: digits, {@code -} or {@code None}. Anything else may be blank or a banner. */
    private boolean maySkip() {
        if (lineStart == lineEnd) {
            return true;
        }
        byte c = b[lineStart];
        return !(c >= '0' && c <= '9' || c == '-' || c == 'N');
    }

    private boolean skipped() {
        String line = line();
        return line.isBlank() || Lines.isNoise(line);
    }

    private String line() {
        return new String(b, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    private ListedJail row(int fields) throws IocageParseException {
        if (fields != LONG && fields != SHORT) {
            throw fail("expected " + LONG + " TAB-separated fields, got " + fields);
        }
        int start = lineStart;
        for (int f = 0; f < fields - 1; f++) {
            field(f, start, tab[f]);
            start = tab[f] + 1;
        }
        field(fields - 1, start, lineEnd);
        boolean isLong = fields == LONG;
        if (to[1] <= from[1]) {
            throw fail("a jail row without a name");
        }
        String name = value(1);
        String jid = jid();
        String boot = isLong ? boot() : "-";
        String state = state(isLong ? 3 : 2);
        String type = isLong ? dash(4) : "-";
        if (isLong && type.equals("jail") && is(9, "yes")) {
            type = "basejail";
        }
        String release = release(isLong ? 5 : 3);
        String ip4 = dash(isLong ? 6 : 4);
        String ip6 = isLong ? dash(7) : "-";
        String template = isLong ? dash(8) : "-";
        return new ListedJail(name, name, jid, boot, state, type, release, ip4, ip6, template);
    }

    /** Field {@code f} is [s, e) of the line, trimmed as {@link String#trim()} trims (every byte up to a space). */
    private void field(int f, int s, int e) {
        while (s < e && (b[s] & 0xff) <= ' ') {
            s++;
        }
        while (e > s && (b[e - 1] & 0xff) <= ' ') {
            e--;
        }
        from[f] = s;
        to[f] = e;
    }

    private boolean is(int f, String ascii) {
        int s = from[f];
        if (to[f] - s != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[s + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean same(int f, byte[] bytes) {
        int s = from[f];
        if (to[f] - s != bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (b[s + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private String value(int f) {
        return new String(b, from[f], to[f] - from[f], StandardCharsets.UTF_8);
    }

    /** Empty, {@code -}, {@code None} or {@code none}. */
    private boolean isPlaceholder(int f) {
        int s = from[f];
        return switch (to[f] - s) {
            case 0 -> true;
            case 1 -> b[s] == '-';
            case 4 -> (b[s] == 'N' || b[s] == 'n') && b[s + 1] == 'o' && b[s + 2] == 'n' && b[s + 3] == 'e';
            default -> false;
        };
    }

    private String dash(int f) {
        if (isPlaceholder(f)) {
            return "-";
        }
        return is(f, "jail") ? "jail" : value(f);
    }

    private String release(int f) {
        if (isPlaceholder(f)) {
            return "-";
        }
        for (int i = 0; i < releaseCount; i++) {
            if (same(f, releaseBytes[i])) {
                return releases[i];
            }
        }
        String release = value(f);
        if (releaseCount < RELEASES) {
            releaseBytes[releaseCount] = Arrays.copyOfRange(b, from[f], to[f]);
            releases[releaseCount++] = release;
        }
        return release;
    }

    private String jid() throws IocageParseException {
        if (is(0, "-") || is(0, "None")) {
            return "-";
        }
        int s = from[0];
        int e = to[0];
        if (e <= s || e - s > 9) {
            throw fail("a JID should be a number or '-', not '" + value(0) + "'");
        }
        for (int i = s; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw fail("a JID should be a number or '-', not '" + value(0) + "'");
            }
        }
        return value(0);
    }

    private String boot() throws IocageParseException {
        if (is(2, "on") || is(2, "1") || is(2, "yes")) {
            return "on";
        }
        if (is(2, "off") || is(2, "0") || is(2, "no")) {
            return "off";
        }
        throw fail("boot should be on or off, not '" + value(2) + "'");
    }

    private String state(int f) throws IocageParseException {
        if (is(f, "up")) {
            return "up";
        }
        if (is(f, "down")) {
            return "down";
        }
        if (is(f, "CORRUPT")) {
            return "CORRUPT";
        }
        throw fail("state should be up or down, not '" + value(f) + "'");
    }

    private IocageParseException fail(String what) {
        return IocageParseException.at(what, lineNumber, line());
    }
}
