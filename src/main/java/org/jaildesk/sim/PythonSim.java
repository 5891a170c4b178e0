package org.jaildesk.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Python iocage's command line (freebsd/iocage 1.13) over the simulated host, with its messages and exit codes. */
final class PythonSim extends SimDialect {

    private static final List<String> LONG = List.of("JID", "NAME", "BOOT", "STATE", "TYPE", "RELEASE", "IP4", "IP6",
            "TEMPLATE", "BASEJAIL");

    private final PythonChanges changes;
    private final SimSnapshots snapshots;
    private final SimUpdate update;
    private final SimImages images;
    private final SimMounts mounts;

    PythonSim(SimState state) {
        super(state, "defaults-python.txt", ':');
        this.changes = new PythonChanges(this, state);
        this.snapshots = new SimSnapshots(state);
        this.update = new SimUpdate(this, state);
        this.images = new SimImages(state);
        this.mounts = new SimMounts(state);
    }

    @Override
    String version() {
        return "Version\t1.13";
    }

    @Override
    boolean handle(List<String> a, SimOutput o) {
        if (a.isEmpty()) {
            o.err("Usage: iocage [OPTIONS] COMMAND [ARGS]...");
            o.exit = 2;
            return false;
        }
        String cmd = a.get(0);
        if (cmd.equals("--version")) {
            o.out(version());
            return false;
        }
        boolean changed = false;
        synchronized (state) {
            if (state.activePool.isEmpty() && !cmd.equals("activate") && !cmd.equals("clean")) {
                // As root, Python iocage activates the first pool by itself (reference §2.2).
                state.activate(state.pools.get(0));
                o.out("Setting up zpool [" + state.activePool + "] for iocage usage");
                o.out("If you wish to change please use \"iocage activate\"");
                changed = true;
            }
        }
        List<String> rest = a.subList(1, a.size());
        return switch (cmd) {
            case "list" -> list(rest, o) | changed;
            case "get" -> get(rest, o) | changed;
            case "df" -> df(o) | changed;
            case "start" -> startCmd(rest, o);
            case "stop" -> stopCmd(rest, o);
            case "clone" -> changes.clone(rest, o);
            case "create" -> changes.create(rest, o);
            case "destroy" -> destroy(rest, o);
            case "exec" -> exec(rest, o) | changed;
            case "clean" -> changes.clean(rest, o);
            case "activate" -> changes.activate(rest, o);
            case "set" -> changes.set(rest, o);
            case "rename" -> changes.rename(rest, o);
            case "update" -> updateCmd(rest, o);
            case "upgrade" -> upgradeCmd(rest, o);
            case "export" -> images.export(rest, o);
            case "import" -> images.importImage(rest, o);
            case "fstab" -> mounts.fstab(rest, o) | changed;
            case "fetch" -> changes.fetch(rest, o);
            case "snaplist", "snapshot", "rollback", "snapremove" -> snapshots.python(cmd, rest, o, this::jailOrFail) | changed;
            default -> {
                o.err("Usage: iocage [OPTIONS] COMMAND [ARGS]...");
                o.err("Try 'iocage --help' for help.");
                o.err("");
                o.err("Error: No such command '" + cmd + "'.");
                o.exit = 2;
                yield changed;
            }
        };
    }

    private boolean list(List<String> f, SimOutput o) {
        boolean tabs = f.contains("-h") || f.contains("-H");
        if (f.contains("-R")) {
            // The mirror's releases, one a line, oldest first (iocage reads them from the mirror's index).
            SimDialect.MIRROR.forEach(o::out);
            return false;
        }
        synchronized (state) {
            if (f.contains("-r")) {
                List<List<String>> rows = state.releases.stream().map(List::of).toList();
                if (tabs) {
                    rows.forEach(r -> o.out(r.get(0)));
                } else {
                    o.out.append(Formats.textTable(List.of("Bases fetched"), rows));
                }
                return false;
            }
            Iterable<SimJail> source = f.contains("-t") ? state.templates.values() : state.jails.values();
            List<List<String>> rows = new ArrayList<>();
            Map<String, String> d = Map.of("ip4_addr", defaultValue("ip4_addr"), "ip6_addr", defaultValue("ip6_addr"));
            for (SimJail j : source) {
                rows.add(row(j, d));
            }
            if (tabs) {
                StringBuilder b = new StringBuilder(rows.size() * 96);
                for (List<String> r : rows) {
                    b.append(String.join("\t", r)).append('\n');
                }
                o.out.append(b);
            } else {
                o.out.append(Formats.textTable(LONG, rows));
            }
        }
        return false;
    }

    private List<String> row(SimJail j, Map<String, String> d) {
        String ip4 = j.prop("ip4_addr", d);
        String ip6 = j.prop("ip6_addr", d);
        return List.of(j.running ? String.valueOf(j.jid) : "-", j.id, j.boot() ? "on" : "off", j.running ? "up" : "down",
                j.template ? "template" : "jail", j.release, ip4.equals("none") ? "-" : ip4, ip6.equals("none") ? "-" : ip6,
                j.origin, j.kind == SimJail.Kind.BASEJAIL ? "yes" : "no");
    }

    private boolean get(List<String> f, SimOutput o) {
        synchronized (state) {
            if (f.equals(List.of("-p"))) {
                o.out(state.activePool);
                return false;
            }
            if (f.size() >= 2 && f.get(0).equals("-r")) {
                String prop = f.get(f.size() - 1);
                if (checkKnown(prop, o)) {
                    return false;
                }
                for (SimJail j : state.jails.values()) {
                    o.out(j.id + "\t" + all(j).get(prop));
                }
                return false;
            }
            if (f.size() != 2) {
                o.fail("You must specify a jail!");
                return false;
            }
            String prop = f.get(0);
            String ref = f.get(1);
            Map<String, String> values;
            if (ref.equals("default")) {
                values = defaults();
            } else {
                SimJail j = state.find(ref, true);
                if (j == null) {
                    o.fail("jail '" + ref + "' not found!");
                    return false;
                }
                values = all(j);
            }
            if (prop.equals("all")) {
                values.forEach((k, v) -> o.out(k + ":" + v));
                return false;
            }
            if (!values.containsKey(prop)) {
                o.fail(prop + " is not a valid property!");
                return false;
            }
            o.out(values.get(prop));
        }
        return false;
    }

    private boolean checkKnown(String prop, SimOutput o) {
        if (!defaults().containsKey(prop) && !List.of("release", "state", "host_hostuuid", "host_hostname").contains(prop)) {
            o.fail(prop + " is not a valid property!");
            return true;
        }
        return false;
    }

    /** {@code get all}: defaults merged with the jail's own values, sorted (CONFIG_VERSION first). */
    private Map<String, String> all(SimJail j) {
        Map<String, String> v = new TreeMap<>(defaults());
        v.putAll(j.props);
        v.put("host_hostuuid", j.id);
        v.putIfAbsent("host_hostname", j.id.replace('_', '-'));
        v.put("host_hostname", j.props.getOrDefault("host_hostname", j.id.replace('_', '-')));
        v.put("release", j.release);
        v.put("cloned_release", shortRelease(j.release));
        v.put("jail_zfs_dataset", "iocage/jails/" + j.id + "/data");
        v.put("type", j.template ? "template" : "jail");
        v.put("template", j.template ? "1" : "0");
        v.put("basejail", j.kind == SimJail.Kind.BASEJAIL ? "1" : "0");
        v.put("state", j.running ? "up" : "down");
        for (String ro : List.of("available", "used", "compressratio", "mountpoint", "origin")) {
            v.put(ro, "readonly");
        }
        return v;
    }

    private boolean df(SimOutput o) {
        synchronized (state) {
            long free = state.freeBytes();
            StringBuilder b = new StringBuilder();
            for (SimJail j : state.jails.values()) {
                String quota = j.props.getOrDefault("quota", "none");
                long ava = free;
                if (!quota.equals("none")) {
                    ava = Math.min(free, Math.max(0, parse(quota) - j.usedBytes));
                }
                b.append(j.id).append('\t').append(Formats.ratio(j.compressRatio)).append('\t')
                        .append(j.props.getOrDefault("reservation", "none")).append('\t').append(quota).append('\t')
                        .append(Formats.size(j.usedBytes)).append('\t').append(Formats.size(ava)).append('\n');
            }
            o.out.append(b);
        }
        return false;
    }

    static long parse(String size) {
        return org.jaildesk.domain.Size.parse(size).bytes();
    }

    private boolean updateCmd(List<String> f, SimOutput o) {
        SimJail j;
        synchronized (state) {
            j = jailOrFail(f, o);
        }
        return j != null && update.update(j, true, f.contains("-P"), o);
    }

    /** {@code upgrade -r RELEASE JAIL}. */
    private boolean upgradeCmd(List<String> f, SimOutput o) {
        int r = f.indexOf("-r");
        if (r < 0 || r + 1 >= f.size()) {
            o.err("Error: Missing option '--release' / '-r'.");
            o.exit = 2;
            return false;
        }
        List<String> rest = new java.util.ArrayList<>(f);
        String release = rest.remove(r + 1);
        rest.remove(r);
        SimJail j;
        synchronized (state) {
            j = jailOrFail(rest, o);
        }
        return j != null && update.upgrade(j, release, o);
    }

    private SimJail jailOrFail(List<String> f, SimOutput o) {
        if (f.isEmpty()) {
            o.err("Usage: iocage start [OPTIONS] [JAILS]...");
            o.exit = 2;
            return null;
        }
        String ref = f.get(f.size() - 1);
        SimJail j = state.find(ref, true);
        if (j == null) {
            o.fail("jail '" + ref + "' not found!");
        }
        return j;
    }

    private boolean startCmd(List<String> f, SimOutput o) {
        synchronized (state) {
            SimJail j = jailOrFail(f, o);
            if (j == null) {
                return false;
            }
            if (j.template) {
                o.fail("Please convert back to a jail before trying to start " + j.id);
                return false;
            }
            if (j.running) {
                o.fail(j.id + " is already running!");
                return false;
            }
            o.out("* Starting " + j.id);
            if (j.kind == SimJail.Kind.EMPTY) {
                o.out("  + Start FAILED");
                o.fail("jail: " + j.id + ": execvp: /bin/sh: No such file or directory");
                return false;
            }
            start(j);
            printStartSteps(j, o);
        }
        return true;
    }

    void printStartSteps(SimJail j, SimOutput o) {
        Map<String, String> d = defaults();
        boolean vnet = j.prop("vnet", d).equals("1");
        o.out("  + Started OK");
        o.out("  + Using devfs_ruleset: " + (1000 + j.jid) + " (iocage generated default)");
        if (vnet) {
            o.out("  + Configuring VNET OK");
            o.out("  + Using IP options: vnet");
        } else {
            o.out("  + Using IP options: ip4.addr=" + j.prop("ip4_addr", d) + " ip4.saddrsel=1 ip4=new ip6.saddrsel=1 ip6=new");
        }
        o.out("  + Starting services OK");
        o.out("  + Executing poststart OK");
        if (j.prop("dhcp", d).equals("1")) {
            o.out("  + DHCP Address: 192.168.1." + (100 + j.jid % 150) + "/24");
        }
        if (!j.prop("memoryuse", d).equals("off")) {
            o.out("  + Setting RCTL props");
        }
    }

    private boolean stopCmd(List<String> f, SimOutput o) {
        synchronized (state) {
            SimJail j = jailOrFail(f, o);
            if (j == null) {
                return false;
            }
            if (!j.running) {
                o.err(j.id + " is not running!");
                return false;
            }
            o.out("* Stopping " + j.id);
            o.out("  + Executing prestop OK");
            o.out("  + Stopping services OK");
            if (j.prop("vnet", defaults()).equals("1")) {
                o.out("  + Tearing down VNET OK");
            }
            o.out("  + Removing devfs_ruleset: " + (1000 + j.jid) + " OK");
            o.out("  + Removing jail process OK");
            o.out("  + Executing poststop OK");
            stop(j);
        }
        return true;
    }

    private boolean destroy(List<String> f, SimOutput o) {
        boolean force = f.contains("-f");
        synchronized (state) {
            SimJail j = jailOrFail(f, o);
            if (j == null) {
                return false;
            }
            if (j.running && !force) {
                o.fail("Jail " + j.id + " is still running, please stop the jail first or destroy it with -f");
                return false;
            }
            List<SimJail> deps = dependents(j);
            if (!deps.isEmpty() && !f.contains("-R")) {
                o.err("");
                o.err(j.id + " has dependent jails (who may also have dependents), use --recursive to destroy: ");
                deps.forEach(d -> o.err("  " + d.id));
                o.exit = 1;
                return false;
            }
            if (j.running) {
                o.out("Stopping " + j.id);
                stop(j);
            }
            o.out("Destroying " + j.id);
            destroyJail(j);
        }
        return true;
    }

    private boolean exec(List<String> f, SimOutput o) {
        String user = "root";
        int i = 0;
        if (f.size() > 1 && f.get(0).equals("-U")) {
            user = f.get(1);
            i = 2;
        }
        if (i >= f.size()) {
            o.fail("Missing argument 'JAIL'.");
            return false;
        }
        String ref = f.get(i);
        List<String> command = f.subList(Math.min(f.size(), i + 1), f.size());
        if (!command.isEmpty() && command.get(0).equals("--")) {
            command = command.subList(1, command.size());
        }
        Object[] result;
        synchronized (state) {
            SimJail j = state.find(ref, false);
            if (j == null) {
                o.fail("jail '" + ref + "' not found!");
                return false;
            }
            if (!j.running) {
                o.fail(j.id + " is not running! Please supply --force (-f) or start the jail");
                return false;
            }
            result = execInJail(j, user, String.join(" ", command), defaults());
        }
        String text = (String) result[0];
        if (!text.isEmpty()) {
            for (String line : text.split("\n", -1)) {
                o.out(line);
            }
        }
        if ((int) result[1] != 0) {
            // Python iocage loses the command's exit code (reference §3.8).
            o.fail("Command: " + String.join(" ", command) + " failed!");
        }
        return false;
    }
}
