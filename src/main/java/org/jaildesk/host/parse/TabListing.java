package org.jaildesk.host.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Python {@code list -l -h} / {@code list -h} rows (10 or 5 TAB-separated fields) read in one pass over the output.
 *
 * <p>This runs on every table refresh, over one row per jail, so it works on index ranges of the output and makes a
 * string only for a value that is kept: names and addresses; placeholders, states and boot flags become shared
 * constants and a repeated release is the same string as the row before's. The rules are those of the other
 * parsers: blank lines and iocage's banners are skipped, every field is trimmed, {@code -}, {@code None},
 * {@code none} and empty mean {@code -}, and anything unexpected is an {@link IocageParseException} naming the line.
 */
final class TabListing {

    private static final int LONG = 10;
    private static final int SHORT = 5;

    private final String text;
    private final int[] cut = new int[LONG + 1];
    private String lastRelease = "-";
    private int lineNumber;
    private int lineStart;
    private int lineEnd;

    TabListing(String text) {
        this.text = text;
    }

    static String withoutCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    List<ListedJail> rows() throws IocageParseException {
        List<ListedJail> out = new ArrayList<>(Math.max(16, text.length() / 64));
        int n = text.length();
        int from = 0;
        while (from < n) {
            int end = text.indexOf('\n', from);
            int next = end < 0 ? n : end + 1;
            if (end < 0) {
                end = n;
            }
            lineNumber++;
            if (end > from && text.charAt(end - 1) == '\r') {
                end--;
            }
            lineStart = from;
            lineEnd = end;
            from = next;
            if (maySkip() && skipped()) {
                continue;
            }
            out.add(row());
        }
        return out;
    }

    /** A row starts with its JID: digits, {@code -} or {@code None}. Anything else may be blank or a banner. */
    private boolean maySkip() {
        if (lineStart == lineEnd) {
            return true;
        }
        char c = text.charAt(lineStart);
        return !(c >= '0' && c <= '9' || c == '-' || c == 'N');
    }

    private boolean skipped() {
        String line = line();
        return line.isBlank() || Lines.isNoise(line);
    }

    private String line() {
        return text.substring(lineStart, lineEnd);
    }

    private ListedJail row() throws IocageParseException {
        int fields = 1;
        cut[0] = lineStart - 1;
        for (int i = text.indexOf('\t', lineStart); i >= 0 && i < lineEnd; i = text.indexOf('\t', i + 1)) {
            if (fields <= LONG) {
                cut[fields] = i;
            }
            fields++;
        }
        if (fields != LONG && fields != SHORT) {
            throw fail("expected " + LONG + " TAB-separated fields, got " + fields);
        }
        cut[fields] = lineEnd;
        boolean isLong = fields == LONG;
        String name = value(1);
        if (name.isEmpty()) {
            throw fail("a jail row without a name");
        }
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

    // ---- one field: [start(f), end(f)) trimmed as String.trim() does -------------------------------------------

    private int start(int f) {
        int s = cut[f] + 1;
        int e = cut[f + 1];
        while (s < e && text.charAt(s) <= ' ') {
            s++;
        }
        return s;
    }

    private int end(int f) {
        int s = cut[f] + 1;
        int e = cut[f + 1];
        while (e > s && text.charAt(e - 1) <= ' ') {
            e--;
        }
        return e;
    }

    private boolean is(int f, String literal) {
        int s = start(f);
        int e = end(f);
        return e - s == literal.length() && text.startsWith(literal, s);
    }

    private String value(int f) {
        return text.substring(start(f), Math.max(start(f), end(f)));
    }

    private boolean isPlaceholder(int f) {
        int s = start(f);
        int e = end(f);
        return e <= s || is(f, "-") || is(f, "None") || is(f, "none");
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
        if (is(f, lastRelease)) {
            return lastRelease;
        }
        lastRelease = value(f);
        return lastRelease;
    }

    private String jid() throws IocageParseException {
        if (is(0, "-") || is(0, "None")) {
            return "-";
        }
        int s = start(0);
        int e = end(0);
        if (e <= s || e - s > 9) {
            throw fail("a JID should be a number or '-', not '" + value(0) + "'");
        }
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw fail("a JID should be a number or '-', not '" + value(0) + "'");
            }
        }
        return text.substring(s, e);
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
