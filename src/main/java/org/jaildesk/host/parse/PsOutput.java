package org.jaildesk.host.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.domain.Shown;

/**
 * FreeBSD's {@code ps -ax -o jid= -o pcpu= -o rss=}: a line per process of the host, its jail's id (0 for the host
 * itself), its CPU use in percent of one CPU ({@code 12.5}, in the C locale) and its resident memory in kilobytes;
 * with every header empty, {@code ps} prints no header line. Added up per jail.
 */
public final class PsOutput {

    /** Compiled once: a host of thousands of running jails prints tens of thousands of lines on every refresh. */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern JID = Pattern.compile("\\d{1,9}");
    /** A process's CPU figure: up to six digits, a fraction of up to three. */
    private static final Pattern CPU = Pattern.compile("\\d{1,6}(\\.\\d{1,3})?");
    /** Resident kilobytes of one process: at most a few terabytes' worth of digits. */
    private static final Pattern RSS = Pattern.compile("\\d{1,12}");

    private PsOutput() {
    }

    /** The running jails' usage, by jail id; processes of the host itself (jail 0) are left out. */
    public static List<JailUsage> usage(String output) throws IocageParseException {
        Map<Integer, long[]> kb = new TreeMap<>();
        Map<Integer, Double> cpu = new TreeMap<>();
        String[] lines = output.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = SPACES.split(line);
            if (f.length != 3) {
                throw IocageParseException.at("expected a jail id, a CPU figure and a memory size", n + 1, line);
            }
            if (!JID.matcher(f[0]).matches()) {
                throw IocageParseException.at("a jail id should be a number, not '" + Shown.of(f[0], 40) + "'", n + 1, line);
            }
            if (!CPU.matcher(f[1]).matches()) {
                throw IocageParseException.at("a CPU figure should be a number, not '" + Shown.of(f[1], 40) + "'", n + 1, line);
            }
            if (!RSS.matcher(f[2]).matches()) {
                throw IocageParseException.at("a memory size should be a number of kilobytes, not '" + Shown.of(f[2], 40) + "'", n + 1, line);
            }
            int jid = Integer.parseInt(f[0]);
            if (jid == 0) {
                continue;
            }
            long[] sum = kb.computeIfAbsent(jid, k -> new long[2]);
            sum[0]++;
            sum[1] += Long.parseLong(f[2]);
            cpu.merge(jid, Double.parseDouble(f[1]), Double::sum);
        }
        List<JailUsage> out = new ArrayList<>();
        for (Map.Entry<Integer, long[]> e : kb.entrySet()) {
            long[] sum = e.getValue();
            out.add(new JailUsage(e.getKey(), (int) sum[0], cpu.get(e.getKey()), sum[1] * 1024));
        }
        return out;
    }
}
