package org.jaildesk.host.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsers for legacy shell iocage: 1.7.x ("master", printf columns whose header does not line up) and the
 * develop branch ({@code column -t} tables, where empty fields vanish). Columns are found by splitting on runs of
 * spaces; a row that does not have the header's fields is an error naming the line.
 */
public final class LegacyOutput {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CREATED = Pattern.compile("\\s*Successfully created: (\\S+) \\((.*)\\)\\s*");
    /** Legacy release names are upper case: {@code 10.3-RELEASE}. */
    private static final Pattern SNAPSHOT_ROW = Pattern.compile("(\\S+)\\s+(\\S.*?)\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern RELEASE = Pattern.compile("[0-9]+\\.[0-9]+-[A-Z0-9.-]+");
    private static final String NON_IOCAGE = "--- non iocage jails currently active ---";

    private LegacyOutput() {
    }

    /** {@code iocage list} / {@code list -t} of either legacy branch; stops at the non-iocage jails section. */
    public static List<ListedJail> list(String stdout) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        List<ListedJail> out = new ArrayList<>();
        if (lines.isEmpty()) {
            return out;
        }
        Lines.Line head = lines.get(0);
        List<String> header = List.of(head.text().trim().split("\\s+"));
        boolean develop = header.equals(List.of("JID", "UUID", "BOOT", "STATE", "TAG", "TYPE", "IP4", "RELEASE"));
        boolean master = header.equals(List.of("JID", "UUID", "BOOT", "STATE", "TAG", "IP"));
        if (!develop && !master) {
            throw IocageParseException.at("unknown list header", head.number(), head.text());
        }
        for (Lines.Line line : lines.subList(1, lines.size())) {
            String t = line.text().trim();
            if (t.contains(NON_IOCAGE)) {
                break;
            }
            String[] f = t.split("\\s+");
            if (develop) {
                if (f.length != 8) {
                    throw IocageParseException.at("expected 8 columns (an empty field or a tag with spaces?)",
                            line.number(), line.text());
                }
                out.add(new ListedJail(uuid(f[1], line), f[4], CommonOutput.jid(f[0], line), CommonOutput.onOff(f[2], line),
                        CommonOutput.state(f[3], line), CommonOutput.dash(f[5]), CommonOutput.dash(f[7]),
                        CommonOutput.dash(f[6]), "-", "-"));
            } else {
                if (f.length < 6) {
                    throw IocageParseException.at("expected 6 columns", line.number(), line.text());
                }
                // 1.7 pads TAG to 4 in rows but 20 in the header; a tag may hold spaces, so IP is the last field.
                String tag = String.join(" ", List.of(f).subList(4, f.length - 1));
                out.add(new ListedJail(uuid(f[1], line), tag, CommonOutput.jid(f[0], line), CommonOutput.onOff(f[2], line),
                        CommonOutput.state(f[3], line), "-", "-", CommonOutput.dash(f[f.length - 1]), "-", "-"));
            }
        }
        return out;
    }

    /** {@code list -r}: "Downloaded releases:" then one release per line (padded). */
    public static List<String> releases(String stdout) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        if (lines.isEmpty()) {
            return List.of();
        }
        if (!lines.get(0).text().trim().equals("Downloaded releases:")) {
            throw IocageParseException.at("expected 'Downloaded releases:'", lines.get(0).number(), lines.get(0).text());
        }
        return CommonOutput.releaseLines(lines.subList(1, lines.size()), RELEASE);
    }

    /** {@code df}: UUID CRT RES QTA USE AVA TAG (the tag may hold spaces and trails padding). */
    public static List<DfRow> df(String stdout) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        List<DfRow> out = new ArrayList<>();
        if (lines.isEmpty()) {
            return out;
        }
        Lines.Line head = lines.get(0);
        if (!List.of(head.text().trim().split("\\s+")).equals(List.of("UUID", "CRT", "RES", "QTA", "USE", "AVA", "TAG"))) {
            throw IocageParseException.at("unknown df header", head.number(), head.text());
        }
        for (Lines.Line line : lines.subList(1, lines.size())) {
            String[] f = line.text().trim().split("\\s+");
            if (f.length < 7) {
                throw IocageParseException.at("expected 7 df columns", line.number(), line.text());
            }
            out.add(new DfRow(uuid(f[0], line), String.join(" ", List.of(f).subList(6, f.length)),
                    CommonOutput.figure(f[1], line), CommonOutput.figure(f[2], line), CommonOutput.figure(f[3], line),
                    CommonOutput.figure(f[4], line), CommonOutput.figure(f[5], line)));
        }
        return out;
    }

    /**
     * {@code snaplist J}: a header {@code NAME CREATED RSIZE USED}, then {@code %-36s  %-21s  %s   %s} per snapshot.
     * CREATED holds spaces ({@code Tue Feb  9 23:47 2016}): the name is the first word, the sizes the last two.
     */
    public static List<Snapshot> snapshots(String stdout) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        List<Snapshot> out = new ArrayList<>();
        if (lines.isEmpty()) {
            return out;
        }
        Lines.Line head = lines.get(0);
        if (!List.of(head.text().trim().split("\\s+")).equals(List.of("NAME", "CREATED", "RSIZE", "USED"))) {
            throw IocageParseException.at("unknown snaplist header", head.number(), head.text());
        }
        for (Lines.Line line : lines.subList(1, lines.size())) {
            Matcher m = SNAPSHOT_ROW.matcher(line.text().trim());
            if (!m.matches()) {
                throw IocageParseException.at("expected a snapshot's name, creation time and two sizes", line.number(), line.text());
            }
            out.add(new Snapshot(m.group(1), m.group(2), CommonOutput.figure(m.group(3), line),
                    CommonOutput.figure(m.group(4), line)));
        }
        return out;
    }

    /** {@code get all J}: {@code prop:value}; legacy 1.7 shows {@code -} for a property never set. */
    public static Map<String, String> getAll(String stdout) throws IocageParseException {
        return CommonOutput.keyValues(stdout, ':');
    }

    /** {@code defaults}: {@code prop=value}, split on the first {@code =}. */
    public static Map<String, String> defaults(String stdout) throws IocageParseException {
        return CommonOutput.keyValues(stdout, '=');
    }

    /** {@code show PROP} (1.7) / {@code get -r PROP} (develop): a table {@code UUID TAG PROP}. */
    public static List<PropRow> getAcross(String stdout, String prop) throws IocageParseException {
        List<Lines.Line> lines = Lines.meaningful(stdout);
        List<PropRow> out = new ArrayList<>();
        if (lines.isEmpty()) {
            return out;
        }
        Lines.Line head = lines.get(0);
        if (!List.of(head.text().trim().split("\\s+")).equals(List.of("UUID", "TAG", prop))) {
            throw IocageParseException.at("unknown header for " + prop, head.number(), head.text());
        }
        for (Lines.Line line : lines.subList(1, lines.size())) {
            String[] f = line.text().trim().split("\\s+");
            if (f.length < 3) {
                throw IocageParseException.at("expected UUID, TAG and value", line.number(), line.text());
            }
            out.add(new PropRow(uuid(f[0], line), String.join(" ", List.of(f).subList(1, f.length - 1)), f[f.length - 1]));
        }
        return out;
    }

    /** {@code activate} without a pool: {@code pool: tank}. */
    public static String pool(String stdout) throws IocageParseException {
        for (Lines.Line line : Lines.meaningful(stdout)) {
            String t = line.text().trim();
            if (t.startsWith("pool:")) {
                String p = t.substring(5).trim();
                if (p.isEmpty()) {
                    break;
                }
                return p;
            }
            throw IocageParseException.at("expected 'pool: <name>'", line.number(), line.text());
        }
        throw new IocageParseException("iocage did not name the active pool");
    }

    /** Develop's {@code Successfully created: UUID (tag)} lines, or the bare UUID that {@code create -e} prints. */
    public static List<String[]> created(String stdout) throws IocageParseException {
        List<String[]> out = new ArrayList<>();
        for (Lines.Line line : Lines.meaningful(stdout)) {
            Matcher m = CREATED.matcher(line.text());
            if (m.matches()) {
                out.add(new String[] {m.group(1), m.group(2)});
            } else if (UUID.matcher(line.text().trim()).matches()) {
                out.add(new String[] {line.text().trim(), line.text().trim()});
            }
        }
        return out;
    }

    private static String uuid(String v, Lines.Line line) throws IocageParseException {
        if (!UUID.matcher(v).matches()) {
            throw IocageParseException.at("'" + v + "' is not a jail UUID", line.number(), line.text());
        }
        return v;
    }
}
