package org.jaildesk.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jaildesk.domain.PropertyCatalog;
import org.jaildesk.domain.PropertyDef;

/**
 * The command line of one iocage dialect over the simulated state. Subclasses read argv and print what that iocage
 * prints; the state changes are shared here so both dialects behave alike.
 */
abstract class SimDialect {

    /** Releases the simulated mirror has, oldest first (as {@code list -R} prints them); anything else "was not found". */
    static final List<String> MIRROR = List.of("12.4-RELEASE", "13.2-RELEASE", "13.3-RELEASE", "13.4-RELEASE",
            "14.0-RELEASE", "14.1-RELEASE", "14.2-RELEASE", "15.0-RELEASE");

    final SimState state;
    final Map<String, String> baseDefaults;

    SimDialect(SimState state, String defaultsResource, char separator) {
        this.state = state;
        this.baseDefaults = loadDefaults(defaultsResource, separator);
    }

    /** Runs one command; returns true when it changed the state (so it is saved). */
    abstract boolean handle(List<String> a, SimOutput o);

    abstract String version();

    Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>(baseDefaults);
        d.putAll(state.defaultOverrides);
        return d;
    }

    /** One default without copying them all (a listing needs two for each of its calls). */
    String defaultValue(String key) {
        String v = state.defaultOverrides.get(key);
        return v != null ? v : baseDefaults.getOrDefault(key, "none");
    }

    // ---- shared behaviour -----------------------------------------------------------------------------------

    void start(SimJail j) {
        j.running = true;
        j.jid = state.nextJid++;
        j.starts++;
        j.props.put("last_started", "2026-11-26 09:00:00");
        if (on(j.props.get("vnet")) && on(j.props.get("nat"))) {
            natAddress(j);
        }
    }

    /** Whether a property's value is on as iocage reads it. */
    static boolean on(String v) {
        return PropertyDef.isOn(v);
    }

    /**
     * What Python iocage does at the start of a VNET jail behind the host's NAT: a /30 of 172.16 (its nat_prefix) no
     * other running jail has, the host's end of the epair (.1 of it) its router and .2 its address, both written into
     * its settings.
     */
    private void natAddress(SimJail j) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (SimJail other : state.jails.values()) {
            if (other != j && other.running) {
                taken.add(other.props.getOrDefault("defaultrouter", ""));
            }
        }
        for (int n = 0; n < 16_384; n++) {
            String router = "172.16." + (n / 64) + "." + (n % 64 * 4 + 1);
            if (!taken.contains(router)) {
                j.props.put("defaultrouter", router);
                j.props.put("ip4_addr", "vnet0|172.16." + (n / 64) + "." + (n % 64 * 4 + 2) + "/30");
                return;
            }
        }
    }

    void stop(SimJail j) {
        j.running = false;
        j.jid = 0;
    }

    /** Fetch with download progress the way Python iocage redraws it; the release is added at the end. */
    void fetchWithProgress(String release, SimOutput o) {
        o.out("Fetching: " + release);
        o.out("");
        for (String file : List.of("MANIFEST", "base.txz", "lib32.txz", "src.txz")) {
            int step = file.equals("MANIFEST") ? 100 : 10;
            for (int pct = step; pct <= 100; pct += step) {
                int bars = pct / 5;
                o.progress(String.format(Locale.ROOT, "Downloading: %s [%s%s] %d%%  11.3MB/s", file, "#".repeat(bars),
                        "-".repeat(20 - bars), pct));
            }
            o.out("");
        }
        for (String file : List.of("base.txz", "lib32.txz", "src.txz")) {
            o.slowLine("Extracting: " + file + "... ");
        }
        o.out("");
        o.slowLine("* Updating " + release + " to the latest patch level... ");
        o.out("No updates are available to install.");
        synchronized (state) {
            state.releases.add(release);
        }
    }

    long usedFor(SimJail.Kind kind) {
        return switch (kind) {
            case THICK -> 1_150L * 1024 * 1024;
            case CLONE -> 4L * 1024 * 1024;
            case BASEJAIL -> 2L * 1024 * 1024;
            case EMPTY -> 96L * 1024;
        };
    }

    /** Removes a jail, and every jail cloned from it when it is a template. */
    void destroyJail(SimJail j) {
        state.jails.remove(j.id);
        state.templates.remove(j.id);
    }

    List<SimJail> dependents(SimJail template) {
        return state.jails.values().stream().filter(c -> c.origin.equals(template.id)).toList();
    }

    private static final java.util.regex.Pattern JOT = java.util.regex.Pattern.compile("jot ([1-9][0-9]{0,4}|100000)");
    private static final java.util.regex.Pattern FREEBSD_VERSION = java.util.regex.Pattern.compile("freebsd-version((?:\\s+-[kru]+)*)");

    /** What a command run inside a jail prints; exit code as the second element. */
    static Object[] execInJail(SimJail j, String user, String command, Map<String, String> defaults) {
        String cmd = command.trim();
        if (cmd.startsWith("echo")) {
            return new Object[] {cmd.length() > 4 ? cmd.substring(5) : "", 0};
        }
        java.util.regex.Matcher jot = JOT.matcher(cmd);
        if (jot.matches()) {
            // FreeBSD's jot N: the numbers 1 to N, one a line; here up to 100,000, to try a long output.
            int n = Integer.parseInt(jot.group(1));
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                b.append(i == 1 ? "" : "\n").append(i);
            }
            return new Object[] {b.toString(), 0};
        }
        java.util.regex.Matcher version = FREEBSD_VERSION.matcher(cmd);
        if (version.matches()) {
            // One line for each of -k (installed kernel), -r (running kernel), -u (userland); the userland alone without.
            String flags = version.group(1);
            long lines = flags.isBlank() ? 1 : "kru".chars().filter(f -> flags.indexOf(f) >= 0).count();
            return new Object[] {String.join("\n", java.util.Collections.nCopies((int) lines, j.release)), 0};
        }
        return switch (cmd) {
            case "hostname" -> new Object[] {j.prop("host_hostname", Map.of("host_hostname", j.tag)), 0};
            case "whoami" -> new Object[] {user, 0};
            case "id" -> new Object[] {user.equals("root") ? "uid=0(root) gid=0(wheel) groups=0(wheel),5(operator)"
                    : "uid=1001(" + user + ") gid=1001(" + user + ") groups=1001(" + user + ")", 0};
            case "uname -a" -> new Object[] {"FreeBSD " + j.tag + " " + j.release + " FreeBSD " + j.release
                    + " GENERIC amd64", 0};
            case "uptime" -> new Object[] {" 9:41AM  up 3 days,  2:17, 0 users, load averages: 0.12, 0.09, 0.08", 0};
            case "ps", "ps ax" -> new Object[] {"  PID TT  STAT    TIME COMMAND\n 1234  -  SsJ  0:00.12 /usr/sbin/syslogd -ss\n"
                    + " 1302  -  IsJ  0:00.05 /usr/sbin/cron -s\n 1400  -  R+J  0:00.00 ps ax", 0};
            case "df -h", "df" -> new Object[] {"Filesystem                    Size    Used   Avail Capacity  Mounted on\n"
                    + "tank/iocage/jails/" + j.tag + "/root  412G    " + Formats.size(j.usedBytes) + "    412G     0%    /", 0};
            case "true" -> new Object[] {"", 0};
            case "false" -> new Object[] {"", 1};
            default -> new Object[] {"sh: " + cmd.split("\\s+")[0] + ": not found", 127};
        };
    }

    /** A property change checked the way iocage checks it; returns the problem or null. */
    static String checkSet(String key, String value, boolean forDefaults) {
        PropertyDef def = PropertyCatalog.standard().find(key).orElse(null);
        if (def == null) {
            return key + " is not a valid property!";
        }
        if (def.readOnly()) {
            return key + " cannot be changed by the user.";
        }
        if (def.defaultsOnly() && !forDefaults) {
            return key + " can only be changed for defaults!";
        }
        return def.check(value)
                .map(p -> value + " is not a valid value for " + key + ".\nValue must be " + def.expected().english())
                .orElse(null);
    }

    /** Python stores booleans as 0/1. */
    static String normalise(String key, String value) {
        PropertyDef def = PropertyCatalog.standard().find(key).orElse(null);
        if (def != null && def.type() == PropertyDef.Type.BOOL) {
            return PropertyDef.isOn(value) ? "1" : "0";
        }
        return value;
    }

    static String shortRelease(String release) {
        int p = release.indexOf("-p");
        return p > 0 ? release.substring(0, p) : release;
    }

    /** The first address of ip4_addr without interface and mask, as legacy shows a running jail's IP. */
    static String firstAddress(String ip4) {
        if (ip4 == null || ip4.equals("none") || ip4.isEmpty()) {
            return "-";
        }
        String first = ip4.split(",")[0];
        int bar = first.indexOf('|');
        if (bar >= 0) {
            first = first.substring(bar + 1);
        }
        int slash = first.indexOf('/');
        return slash >= 0 ? first.substring(0, slash) : first;
    }

    private static Map<String, String> loadDefaults(String resource, char separator) {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = SimDialect.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int at = line.indexOf(separator);
                if (at > 0) {
                    out.put(line.substring(0, at), line.substring(at + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
