package org.jaildesk.host.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Strict parsers for Python iocage (iocage/iocage 0.9–1.2, freebsd/iocage 1.2.1–1.13). Each takes what the command
 * printed on stdout and either returns clean records or throws naming the line it could not read.
 */
public final class PythonOutput {

    private static final List<String> LONG = List.of("JID", "NAME", "BOOT", "STATE", "TYPE", "RELEASE", "IP4", "IP6",
            "TEMPLATE", "BASEJAIL");
    private static final List<String> SHORT = List.of("JID", "NAME", "STATE", "RELEASE", "IP4");
    /** Release names as Python iocage lists them: {@code 13.2-RELEASE-p4}, case as fetched. */
    private static final Pattern RELEASE = Pattern.compile("[0-9]+\\.[0-9]+-[A-Za-z0-9.-]+");
    private static final List<String> DF = List.of("NAME", "CRT", "RES", "QTA", "USE", "AVA");

    private PythonOutput() {
    }

    /**
     * {@code list -l -h} (TAB separated, 10 fields), or the bordered table when {@code -h} was ignored (newer click)
     * or not used after a crash; also the short form's 5 columns. JID {@code None} (after 2020) means stopped.
     */
    public static List<ListedJail> list(String stdout) throws IocageParseException {
        if (firstMeaningfulIsTable(stdout)) {
            TextTable.Table t = TextTable.parse(Lines.meaningful(stdout));
            List<String> cols = t.header();
            if (!cols.equals(LONG) && !cols.equals(SHORT)) {
                throw new IocageParseException("unknown list columns " + cols);
            }
            List<ListedJail> out = new ArrayList<>();
            for (List<String> r : t.rows()) {
                out.add(row(r, new Lines.Line(0, String.join(" | ", r))));
            }
            return out;
        }
        return TabListing.read(stdout);
    }

    /**
     * Reads {@code list -l -h} as it arrives, for a runner that hands over output while iocage writes it: a listing of
     * thousands of jails is then mostly read by the time iocage exits. Feed it from one thread, then ask for the
     * jails with the whole output; the result is exactly {@link #list(String)}'s.
     */
    public static final class ListReader {
        private final TabListing tab = new TabListing();
        private volatile boolean complete;

        /** The next bytes of the output, in order. */
        public void feed(byte[] bytes, int offset, int length) {
            tab.feed(bytes, offset, length);
        }

        /** The output is complete: every byte of it was fed. */
        public void finish() {
            tab.finish();
            complete = true;
        }

        /**
         * Whether all of the output arrived and every line of it was a row, blank or a banner. A line that starts
         * with anything else (a Python traceback, a table border) is never one.
         */
        public boolean readCleanly() {
            return complete && !tab.failed();
        }

        /**
         * The jails of {@code stdout}: what was read as it arrived when it all arrived and was a clean TAB listing;
         * otherwise (a bordered table, a bad line, output that was not all fed) {@code stdout} read again in full,
         * which gives the table's rows or the error naming the line.
         */
        public List<ListedJail> jails(Supplier<String> stdout) throws IocageParseException {
            Optional<List<ListedJail>> clean = cleanJails();
            return clean.isPresent() ? clean.get() : list(stdout.get());
        }

        /** The jails read as the output arrived, if it all arrived and {@link #readCleanly() read cleanly}. */
        public Optional<List<ListedJail>> cleanJails() {
            return readCleanly() ? Optional.of(tab.rowsRead()) : Optional.empty();
        }
    }

    private static boolean firstMeaningfulIsTable(String stdout) {
        int from = 0;
        int n = stdout.length();
        while (from < n) {
            int end = stdout.indexOf('\n', from);
            if (end < 0) {
                end = n;
            }
            String line = stdout.substring(from, end);
            if (!line.isBlank() && !Lines.isNoise(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)) {
                return line.startsWith("+");
            }
            from = end + 1;
        }
        return false;
    }

    /**
     * The rules for one listing row of 10 (long) or 5 (short) cells, as the table form gives them. The TAB form is
     * read by {@link TabListing} on index ranges for speed; {@code TabListingPropertyTest} holds the two to the
     * same results.
     */
    static ListedJail row(List<String> f, Lines.Line line) throws IocageParseException {
        boolean isLong = f.size() == LONG.size();
        String name = f.get(1).trim();
        if (name.isEmpty()) {
            throw IocageParseException.at("a jail row without a name", line.number(), line.text());
        }
        String type = isLong ? f.get(4).trim() : "";
        if (isLong && f.get(9).trim().equals("yes") && type.equals("jail")) {
            type = "basejail";
        }
        return new ListedJail(name, name,
                CommonOutput.jid(f.get(0).trim(), line),
                isLong ? CommonOutput.onOff(f.get(2).trim(), line) : "-",
                CommonOutput.state(f.get(isLong ? 3 : 2).trim(), line),
                CommonOutput.dash(type),
                CommonOutput.dash(f.get(isLong ? 5 : 3).trim()),
                CommonOutput.dash(f.get(isLong ? 6 : 4).trim()),
                isLong ? CommonOutput.dash(f.get(7).trim()) : "-",
                isLong ? CommonOutput.dash(f.get(8).trim()) : "-");
    }

    /** {@code list -r -h}: one release per line, or the one-column table {@code Bases fetched}. */
    public static List<String> releases(String stdout) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        if (TextTable.looksLikeTable(lines)) {
            List<String> out = new ArrayList<>();
            TextTable.Table t = TextTable.parse(lines);
            if (!t.header().equals(List.of("Bases fetched"))) {
                throw new IocageParseException("unknown release columns " + t.header());
            }
            for (List<String> r : t.rows()) {
                out.add(r.get(0));
            }
            return out;
        }
        return CommonOutput.releaseLines(lines, RELEASE);
    }

    /**
     * {@code list -R}: one release a line, as the mirror's index names them; lines that are not a release name
     * (a warning about the mirror) are skipped, not failed: the list only offers names to pick.
     */
    public static List<String> remoteReleases(String stdout) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Lines.Line line : Lines.meaningful(stdout)) {
            String r = line.text().trim();
            if (RELEASE.matcher(r).matches()) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /** {@code df -h}: name, crt, res, qta, use, ava (TAB separated), or the table. Python has no tag: tag = name. */
    public static List<DfRow> df(String stdout) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        List<DfRow> out = new ArrayList<>();
        if (TextTable.looksLikeTable(lines)) {
            TextTable.Table t = TextTable.parse(lines);
            if (!t.header().equals(DF)) {
                throw new IocageParseException("unknown df columns " + t.header());
            }
            for (List<String> r : t.rows()) {
                out.add(dfRow(r, new Lines.Line(0, String.join(" | ", r))));
            }
            return out;
        }
        for (Lines.Line line : lines) {
            String[] f = line.text().split("\t", -1);
            if (f.length != DF.size()) {
                throw IocageParseException.at("expected 6 TAB-separated df fields, got " + f.length, line.number(), line.text());
            }
            out.add(dfRow(List.of(f), line));
        }
        return out;
    }

    private static DfRow dfRow(List<String> f, Lines.Line line) throws IocageParseException {
        String name = f.get(0).trim();
        return new DfRow(name, name, CommonOutput.figure(f.get(1).trim(), line), CommonOutput.figure(f.get(2).trim(), line),
                CommonOutput.figure(f.get(3).trim(), line), CommonOutput.figure(f.get(4).trim(), line),
                CommonOutput.figure(f.get(5).trim(), line));
    }

    /** {@code get all J} / {@code get all default}: {@code prop:value}, first colon only. */
    public static Map<String, String> getAll(String stdout) throws IocageParseException {
        return CommonOutput.keyValues(stdout, ':');
    }

    /** {@code get -r -h PROP}: {@code name\tvalue}, or the table {@code NAME | PROP - prop}. */
    public static List<PropRow> getAcross(String stdout, String prop) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        List<PropRow> out = new ArrayList<>();
        if (TextTable.looksLikeTable(lines)) {
            TextTable.Table t = TextTable.parse(lines);
            if (!t.header().equals(List.of("NAME", "PROP - " + prop))) {
                throw new IocageParseException("unknown get -r columns " + t.header());
            }
            for (List<String> r : t.rows()) {
                out.add(new PropRow(r.get(0), r.get(0), r.get(1)));
            }
            return out;
        }
        for (Lines.Line line : lines) {
            String[] f = line.text().split("\t", -1);
            if (f.length != 2 || f[0].isBlank()) {
                throw IocageParseException.at("expected 'name<TAB>value'", line.number(), line.text());
            }
            out.add(new PropRow(f[0], f[0], f[1]));
        }
        return out;
    }

    /** {@code get -p}: the active pool's name alone. */
    public static String pool(String stdout) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        if (lines.size() != 1 || !lines.get(0).text().trim().matches("[A-Za-z][A-Za-z0-9_.:-]*")) {
            throw new IocageParseException("expected one pool name, got " + lines.size() + " lines");
        }
        return lines.get(0).text().trim();
    }

    /** The names in {@code <name> successfully created!} / {@code cloned!} lines. */
    public static List<String> createdNames(String stdout, String verb) throws IocageParseException {
        List<String> out = new ArrayList<>();
        String suffix = " successfully " + verb + "!";
        for (Lines.Line line : Lines.meaningful(stdout)) {
            String t = line.text().trim();
            if (t.endsWith(suffix)) {
                out.add(t.substring(0, t.length() - suffix.length()));
            }
        }
        if (out.isEmpty()) {
            throw new IocageParseException("iocage did not say '<name>" + suffix + "'");
        }
        return out;
    }

    /**
     * {@code set}: one {@code key: old -> new} line per property (a jail), or
     * {@code Default Property: key has been updated to value} (the defaults: the value alone). Other lines (RCTL notes, "requires a
     * jail restart") are not changes and are skipped.
     */
    public static Map<String, String> setChanges(String stdout) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        java.util.regex.Pattern change = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*): (.*) -> (.*)");
        java.util.regex.Pattern dflt = java.util.regex.Pattern.compile("Default Property: ([A-Za-z_][A-Za-z0-9_]*) has been updated to (.*)");
        for (Lines.Line line : Lines.meaningful(stdout)) {
            java.util.regex.Matcher m = change.matcher(line.text().trim());
            if (m.matches()) {
                out.put(m.group(1), m.group(2) + " -> " + m.group(3));
                continue;
            }
            m = dflt.matcher(line.text().trim());
            if (m.matches()) {
                // No old value is printed for a default: report the value set, as for legacy iocage.
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }

    /** {@code snaplist -h J} (TAB separated) or its table; CREATED holds spaces, so tabs or cells are the only cut. */
    public static List<Snapshot> snapshots(String stdout) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        List<Snapshot> out = new ArrayList<>();
        if (TextTable.looksLikeTable(lines)) {
            TextTable.Table t = TextTable.parse(lines);
            if (!t.header().equals(List.of("NAME", "CREATED", "RSIZE", "USED"))) {
                throw new IocageParseException("unknown snaplist columns " + t.header());
            }
            for (List<String> r : t.rows()) {
                out.add(new Snapshot(r.get(0), r.get(1), r.get(2), r.get(3)));
            }
            return out;
        }
        for (Lines.Line line : lines) {
            String[] f = line.text().split("\t", -1);
            if (f.length != 4) {
                throw IocageParseException.at("expected 4 TAB-separated snapshot fields, got " + f.length, line.number(), line.text());
            }
            CommonOutput.figure(f[2], line);
            CommonOutput.figure(f[3], line);
            out.add(new Snapshot(f[0], f[1], f[2], f[3]));
        }
        return out;
    }

    /**
     * {@code fstab -l -h J}: a line per entry, its index, a TAB, then the entry's six fields separated by TABs (freebsd/
     * iocage) or as the fstab line itself, with an iocage comment after '#' (older iocage). Without {@code -h}, a table
     * of INDEX and FSTAB ENTRY, whose entry is read alike. A field with a space (a path) keeps it where TABs separate.
     */
    public static List<FstabEntry> fstab(String stdout) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        List<FstabEntry> out = new ArrayList<>();
        if (TextTable.looksLikeTable(lines)) {
            TextTable.Table t = TextTable.parse(lines);
            if (!t.header().equals(List.of("INDEX", "FSTAB ENTRY"))) {
                throw new IocageParseException("unknown fstab columns " + t.header());
            }
            for (int i = 0; i < t.rows().size(); i++) {
                List<String> r = t.rows().get(i);
                out.add(fstabEntry(r.get(0), r.get(1), new Lines.Line(i + 1, String.join(" | ", r))));
            }
            return out;
        }
        for (Lines.Line line : lines) {
            int tab = line.text().indexOf('\t');
            if (tab < 0) {
                throw IocageParseException.at("expected an index and a TAB before the fstab entry", line.number(), line.text());
            }
            out.add(fstabEntry(line.text().substring(0, tab), line.text().substring(tab + 1), line));
        }
        return out;
    }

    private static FstabEntry fstabEntry(String index, String entry, Lines.Line line) throws IocageParseException {
        int comment = entry.indexOf(" #");
        String e = (comment >= 0 ? entry.substring(0, comment) : entry).strip();
        String[] f = e.split("\t");
        if (f.length != 6) {
            f = e.split("\\s+");
        }
        if (f.length != 6) {
            throw IocageParseException.at("expected 6 fstab fields, got " + f.length, line.number(), line.text());
        }
        try {
            return new FstabEntry(Integer.parseInt(index.strip()), f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(),
                    f[4].strip(), f[5].strip());
        } catch (NumberFormatException x) {
            throw IocageParseException.at("an fstab index should be a number, not '" + index.strip() + "'", line.number(), line.text());
        }
    }

    /** {@code snapshot -n NAME J}: the dataset@name iocage says it created. */
    public static String snapshotCreated(String stdout) throws IocageParseException {
        for (Lines.Line line : Lines.meaningful(stdout)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Snapshot: (\\S+@\\S+) created\\.").matcher(line.text().trim());
            if (m.matches()) {
                return m.group(1);
            }
        }
        throw new IocageParseException("iocage did not say 'Snapshot: … created.'");
    }

    /** {@code destroy}: the names after {@code Destroying}; {@code Stopping} lines come first for running jails. */
    public static List<String> destroyed(String stdout) throws IocageParseException {
        List<String> out = new ArrayList<>();
        for (Lines.Line line : Lines.meaningful(stdout)) {
            String t = line.text().trim();
            if (t.startsWith("Destroying ")) {
                out.add(t.substring("Destroying ".length()));
            } else if (!t.startsWith("Stopping ")) {
                throw IocageParseException.at("unexpected line from destroy", line.number(), line.text());
            }
        }
        return out;
    }

    /** {@code activate POOL}: {@code ZFS pool 'tank' successfully activated.} */
    public static String activated(String stdout) throws IocageParseException {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("ZFS pool '(.+)' successfully activated\\.");
        for (Lines.Line line : Lines.meaningful(stdout)) {
            java.util.regex.Matcher m = p.matcher(line.text().trim());
            if (m.matches()) {
                return m.group(1);
            }
        }
        throw new IocageParseException("iocage did not confirm the activation");
    }

    /** What kind of refusal a Python stderr message is, for start/stop and lookups. */
    public enum Refusal { NOT_FOUND, ALREADY_RUNNING, NOT_RUNNING, OTHER }

    public static Refusal refusal(String stderr) {
        String t = stderr.trim();
        if (t.matches("(?s)jail '.*' not found!")) {
            return Refusal.NOT_FOUND;
        }
        if (t.endsWith(" is already running!")) {
            return Refusal.ALREADY_RUNNING;
        }
        if (t.endsWith(" is not running!")) {
            return Refusal.NOT_RUNNING;
        }
        return Refusal.OTHER;
    }
}
