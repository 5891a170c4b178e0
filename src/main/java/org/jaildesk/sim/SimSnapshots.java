package org.jaildesk.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code snaplist}, {@code snapshot}, {@code rollback} and {@code snapremove} in both dialects (reference §3.13). A
 * snapshot keeps the jail's properties, which live in its dataset: a rollback brings them back, and destroys the
 * snapshots taken after it, as {@code zfs rollback -r} does.
 */
final class SimSnapshots {

    /** ZFS's creation column: {@code Thu Nov  2  9:14 2023}. */
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("EEE MMM ppd ppH:mm yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PY_DEFAULT = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LEGACY_DEFAULT = DateTimeFormatter.ofPattern("'ioc-'yyyy-MM-dd_HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** The jail's own dataset, apart from its root: its configuration. */
    private static final long CONFIG_BYTES = 96 * 1024;

    private final SimState state;

    SimSnapshots(SimState state) {
        this.state = state;
    }

    private String dataset(SimJail j) {
        return state.activePool + "/iocage/jails/" + j.id;
    }

    /** {@code snaplist [-h] J}, {@code snapshot [-n N] J}, {@code rollback -n N [-f] J}, {@code snapremove -n N J}. */
    boolean python(String cmd, List<String> f, SimOutput o, PythonLookup lookup) {
        synchronized (state) {
            SimJail j = lookup.jail(f, o);
            if (j == null) {
                return false;
            }
            String name = option(f, "-n");
            switch (cmd) {
                case "snaplist" -> {
                    List<List<String>> rows = new ArrayList<>();
                    for (SimJail.Snap s : j.snapshots) {
                        String created = CREATED.format(Instant.ofEpochSecond(s.createdEpochSecond));
                        rows.add(List.of(s.name, created, Formats.size(CONFIG_BYTES), "0B"));
                        rows.add(List.of(s.name + "/root", created, Formats.size(s.usedBytes), used(j, s)));
                    }
                    if (f.contains("-h")) {
                        rows.forEach(r -> o.out(String.join("\t", r)));
                    } else {
                        o.out.append(Formats.textTable(List.of("NAME", "CREATED", "RSIZE", "USED"), rows));
                    }
                    return false;
                }
                case "snapshot" -> {
                    String n = name != null ? name : PY_DEFAULT.format(Instant.now());
                    if (j.snapshot(n) != null) {
                        o.fail("Snapshot already exists");
                        return false;
                    }
                    j.snapshots.add(new SimJail.Snap(n, Instant.now().getEpochSecond(), j));
                    o.out("Snapshot: " + dataset(j) + "@" + n + " created.");
                    return true;
                }
                case "rollback" -> {
                    if (j.running) {
                        o.fail("Please stop " + j.id + " before trying to rollback!");
                        return false;
                    }
                    if (!f.contains("-f")) {
                        // click.confirm with stdin at its end (reference §2).
                        o.fail("Aborted!");
                        return false;
                    }
                    return rollback(j, name, o, "Snapshot: " + dataset(j) + "@" + name + " not found!", false);
                }
                default -> {
                    SimJail.Snap s = name == null ? null : j.snapshot(name);
                    if (s == null) {
                        o.fail("Snapshot: " + dataset(j) + "@" + name + " not found!");
                        return false;
                    }
                    j.snapshots.remove(s);
                    o.out("Snapshot: " + dataset(j) + "@" + name + " destroyed");
                    return true;
                }
            }
        }
    }

    /** {@code snaplist J}, {@code snapshot J[@N]}, {@code rollback J@N}, {@code snapremove J@N|J@ALL}. */
    boolean legacy(String cmd, List<String> f, SimOutput o, LegacySim sim) {
        synchronized (state) {
            String arg = f.isEmpty() ? "" : f.get(f.size() - 1);
            int at = cmd.equals("snaplist") ? -1 : arg.lastIndexOf('@');
            SimJail j = sim.find(at < 0 ? arg : arg.substring(0, at), o);
            if (j == null) {
                return false;
            }
            String name = at < 0 ? null : arg.substring(at + 1);
            switch (cmd) {
                case "snaplist" -> {
                    o.out(String.format(Locale.ROOT, "%-36s  %-21s  %s   %s", "NAME", "CREATED", "RSIZE", "USED"));
                    for (SimJail.Snap s : j.snapshots) {
                        o.out(String.format(Locale.ROOT, "%-36s  %-21s  %s   %s", s.name,
                                CREATED.format(Instant.ofEpochSecond(s.createdEpochSecond)), Formats.size(s.usedBytes), used(j, s)));
                    }
                    return false;
                }
                case "snapshot" -> {
                    String n = name != null ? name : LEGACY_DEFAULT.format(Instant.now());
                    if (j.snapshot(n) != null) {
                        o.fail("cannot create snapshot '" + dataset(j) + "@" + n + "': dataset already exists");
                        return false;
                    }
                    j.snapshots.add(new SimJail.Snap(n, Instant.now().getEpochSecond(), j));
                    return true;
                }
                case "rollback" -> {
                    if (j.running) {
                        o.fail("  ERROR: Jail is up and running. Exiting.");
                        return false;
                    }
                    return rollback(j, name, o, "cannot open '" + dataset(j) + "@" + name + "': dataset does not exist", true);
                }
                default -> {
                    List<SimJail.Snap> gone = "ALL".equals(name) ? List.copyOf(j.snapshots)
                            : j.snapshot(String.valueOf(name)) == null ? List.of() : List.of(j.snapshot(name));
                    if (gone.isEmpty()) {
                        o.fail("cannot open '" + dataset(j) + "@" + name + "': dataset does not exist");
                        return false;
                    }
                    for (SimJail.Snap s : gone) {
                        o.out("* removing snapshot: " + s.name);
                        j.snapshots.remove(s);
                    }
                    return true;
                }
            }
        }
    }

    /** Back to {@code name}: its properties, release and disk use; the snapshots after it are destroyed. */
    private boolean rollback(SimJail j, String name, SimOutput o, String missing, boolean legacySteps) {
        SimJail.Snap s = name == null ? null : j.snapshot(name);
        if (s == null) {
            o.fail(missing);
            return false;
        }
        if (legacySteps) {
            o.out("* Rolling back to " + dataset(j) + "@" + name);
            o.out("* Rolling back to " + dataset(j) + "/root@" + name);
        }
        j.props = new LinkedHashMap<>(s.props);
        j.usedBytes = s.usedBytes;
        if (s.release != null) {
            j.release = s.release;
        }
        j.snapshots = new ArrayList<>(j.snapshots.subList(0, j.snapshots.indexOf(s) + 1));
        return true;
    }

    /**
     * What a snapshot alone holds: nothing while what came after it (the next snapshot, or the jail now) is the same;
     * some space once that differs.
     */
    private static String used(SimJail j, SimJail.Snap s) {
        int i = j.snapshots.indexOf(s);
        SimJail.Snap next = i + 1 < j.snapshots.size() ? j.snapshots.get(i + 1) : null;
        Map<String, String> laterProps = next != null ? next.props : j.props;
        long laterBytes = next != null ? next.usedBytes : j.usedBytes;
        boolean changed = !s.props.equals(laterProps) || s.usedBytes != laterBytes;
        return changed ? Formats.size(Math.abs(laterBytes - s.usedBytes) / 4 + 1_300_000) : "0B";
    }

    private static String option(List<String> f, String flag) {
        int i = f.indexOf(flag);
        return i >= 0 && i + 1 < f.size() ? f.get(i + 1) : null;
    }

    /** Python's jail lookup, with its usage and "not found" messages. */
    interface PythonLookup {
        SimJail jail(List<String> f, SimOutput o);
    }
}
