package org.jaildesk.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Legacy shell iocage, develop branch (the dialect the sysadm API page was produced from): jails by UUID with tags,
 * {@code column -t} tables, two-space {@code ERROR:}/{@code INFO:} lines on stderr.
 */
final class LegacySim extends SimDialect {

    private final LegacyChanges changes;
    private final SimSnapshots snapshots;
    private final SimUpdate update;

    LegacySim(SimState state) {
        super(state, "defaults-legacy.txt", '=');
        this.changes = new LegacyChanges(this, state);
        this.snapshots = new SimSnapshots(state);
        this.update = new SimUpdate(this, state);
    }

    @Override
    String version() {
        return "iocage DEVELOP (2016-12-22)";
    }

    @Override
    boolean handle(List<String> a, SimOutput o) {
        if (a.isEmpty()) {
            o.out("usage: iocage [command] [options]");
            return false;
        }
        String cmd = a.get(0);
        if (cmd.equals("--version")) {
            o.out(version());
            return false;
        }
        synchronized (state) {
            if (state.activePool.isEmpty() && !cmd.equals("activate")) {
                o.fail("  ERROR: you need to activate a pool!");
                return false;
            }
        }
        List<String> rest = a.subList(1, a.size());
        return switch (cmd) {
            case "list" -> list(rest, o);
            case "defaults" -> defaultsCmd(o);
            case "get" -> get(rest, o);
            case "df" -> df(o);
            case "start" -> startStop(rest, o, true);
            case "stop" -> startStop(rest, o, false);
            case "cap" -> cap(rest, o);
            case "clone" -> changes.clone(rest, o);
            case "create" -> changes.create(rest, o);
            case "destroy" -> destroy(rest, o);
            case "exec" -> exec(rest, o);
            case "clean" -> clean(rest, o);
            case "activate" -> activate(rest, o);
            case "deactivate" -> deactivate(rest, o);
            case "set" -> changes.set(rest, o);
            case "fetch" -> fetch(rest, o);
            case "snaplist", "snapshot", "rollback", "snapremove" -> snapshots.legacy(cmd, rest, o, this);
            case "update" -> updateCmd(rest, o);
            default -> {
                // Legacy prints its usage and exits 0 for an unknown command (reference §2.1).
                o.out("usage: iocage [command] [options]");
                yield false;
            }
        };
    }

    private boolean list(List<String> f, SimOutput o) {
        synchronized (state) {
            if (f.contains("-r")) {
                o.out("Downloaded releases:");
                state.releases.forEach(r -> o.out("  " + r + " "));
                return false;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("JID", "UUID", "BOOT", "STATE", "TAG", "TYPE", "IP4", "RELEASE"));
            for (SimJail j : (f.contains("-t") ? state.templates : state.jails).values()) {
                rows.add(List.of(j.running ? String.valueOf(j.jid) : "-", j.id, j.boot() ? "on" : "off",
                        j.running ? "up" : "down", j.tag, type(j),
                        j.running ? firstAddress(j.prop("ip4_addr", Map.of())) : "-", shortRelease(j.release)));
            }
            o.out.append(Formats.columns(rows));
        }
        return false;
    }

    private static String type(SimJail j) {
        return switch (j.kind) {
            case BASEJAIL -> "basejail";
            case CLONE -> "clonejail";
            case THICK -> "thickjail";
            case EMPTY -> "emptyjail";
        };
    }

    private boolean defaultsCmd(SimOutput o) {
        synchronized (state) {
            Map<String, String> d = defaults();
            d.put("available", Formats.size(state.freeBytes()));
            d.forEach((k, v) -> o.out(k + "=" + v));
        }
        return false;
    }

    private Map<String, String> all(SimJail j) {
        Map<String, String> v = new LinkedHashMap<>(defaults());
        j.props.forEach((k, val) -> v.put(k, legacyValue(k, val)));
        v.put("tag", j.tag);
        v.put("host_hostuuid", j.id);
        v.put("host_hostname", j.props.getOrDefault("host_hostname", j.id));
        v.put("release", shortRelease(j.release));
        v.put("type", type(j));
        v.put("istemplate", j.template ? "yes" : "no");
        v.put("boot", j.boot() ? "on" : "off");
        v.put("used", Formats.size(j.usedBytes));
        v.put("compressratio", Formats.ratio(j.compressRatio));
        v.put("mountpoint", "/iocage/jails/" + j.id);
        v.put("jail_zfs_dataset", "iocage/jails/" + j.id + "/data");
        return v;
    }

    private static String legacyValue(String key, String value) {
        if (List.of("boot", "vnet", "jail_zfs", "bpf", "dhcp").contains(key)) {
            return value.equals("1") || value.equals("on") ? "on" : "off";
        }
        return value;
    }

    private boolean updateCmd(List<String> f, SimOutput o) {
        SimJail j;
        synchronized (state) {
            j = f.size() == 1 ? find(f.get(0), o) : null;
        }
        if (f.size() != 1) {
            o.fail("  ERROR: missing UUID!");
        }
        return j != null && update.update(j, false, false, o);
    }

    SimJail find(String ref, SimOutput o) {
        SimJail j = state.find(ref, true);
        if (j == null) {
            o.fail("  ERROR: " + ref + " was not found!");
        }
        return j;
    }

    private boolean get(List<String> f, SimOutput o) {
        synchronized (state) {
            if (f.size() == 2 && f.get(0).equals("-r")) {
                String prop = f.get(1);
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("UUID", "TAG", prop));
                for (SimJail j : state.jails.values()) {
                    rows.add(List.of(j.id, j.tag, all(j).getOrDefault(prop, "none")));
                }
                o.out.append(Formats.columns(rows));
                return false;
            }
            if (f.size() != 2) {
                o.fail("  ERROR: missing UUID or property!");
                return false;
            }
            Map<String, String> values;
            if (f.get(1).equals("default")) {
                values = defaults();
            } else {
                SimJail j = find(f.get(1), o);
                if (j == null) {
                    return false;
                }
                values = all(j);
            }
            if (f.get(0).equals("all")) {
                values.forEach((k, v) -> o.out(k + ":" + v));
            } else if (values.containsKey(f.get(0))) {
                o.out(values.get(f.get(0)));
            } else {
                o.fail("  ERROR: unsupported property: " + f.get(0) + " !");
            }
        }
        return false;
    }

    private boolean df(SimOutput o) {
        synchronized (state) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("UUID", "CRT", "RES", "QTA", "USE", "AVA", "TAG"));
            long free = state.freeBytes();
            for (SimJail j : state.jails.values()) {
                String quota = j.props.getOrDefault("quota", "none");
                long ava = quota.equals("none") ? free : Math.min(free, Math.max(0, PythonSim.parse(quota) - j.usedBytes));
                rows.add(List.of(j.id, Formats.ratio(j.compressRatio), j.props.getOrDefault("reservation", "none"), quota,
                        Formats.size(j.usedBytes), Formats.size(ava), j.tag));
            }
            o.out.append(Formats.columns(rows));
        }
        return false;
    }

    private boolean startStop(List<String> f, SimOutput o, boolean start) {
        synchronized (state) {
            if (f.isEmpty()) {
                o.fail("  ERROR: missing UUID!");
                return false;
            }
            SimJail j = find(f.get(f.size() - 1), o);
            if (j == null) {
                return false;
            }
            if (j.template && start) {
                o.err("  INFO: " + j.tag + " is a template jail, ignoring start request.");
                o.exit = 1;
                return false;
            }
            if (j.running == start) {
                o.err("  INFO: " + j.id + " (" + j.tag + ") is already " + (start ? "up" : "down"));
                o.exit = 1;
                return false;
            }
            if (start) {
                o.out("* Starting " + j.id + " (" + j.tag + ")");
                o.out("  + Started (shared IP mode) OK");
                o.out("  + Starting services        OK");
                start(j);
            } else {
                o.out("* Stopping " + j.id + " (" + j.tag + ")");
                o.out("  + Running pre-stop         OK");
                o.out("  + Stopping services        OK");
                o.out("  + Removing jail process    OK");
                o.out("  + Running post-stop        OK");
                stop(j);
            }
        }
        return true;
    }

    private boolean cap(List<String> f, SimOutput o) {
        synchronized (state) {
            SimJail j = f.isEmpty() ? null : find(f.get(0), o);
            if (j != null && j.running) {
                o.out("  + Applying resource limits OK");
            }
        }
        return false;
    }

    private boolean destroy(List<String> f, SimOutput o) {
        synchronized (state) {
            SimJail j = f.isEmpty() ? null : find(f.get(f.size() - 1), o);
            if (j == null) {
                return false;
            }
            if (j.running) {
                o.fail("  ERROR: Jail is up and running. Exiting.");
                return false;
            }
            if (!dependents(j).isEmpty()) {
                o.fail("  ERROR: " + j.tag + " is a template with dependent jails: destroy them first.");
                return false;
            }
            o.out("  Destroying: " + j.id);
            destroyJail(j);
        }
        return true;
    }

    private boolean exec(List<String> f, SimOutput o) {
        if (f.size() < 4 || !f.get(0).equals("-U")) {
            o.fail("  ERROR: missing UUID or command!");
            return false;
        }
        Object[] result;
        synchronized (state) {
            SimJail j = find(f.get(2), o);
            if (j == null) {
                return false;
            }
            if (!j.running) {
                o.fail("jexec: jail \"ioc-" + j.id + "\" not found");
                return false;
            }
            result = execInJail(j, f.get(1), String.join(" ", f.subList(3, f.size())), defaults());
        }
        String text = (String) result[0];
        if (!text.isEmpty()) {
            for (String line : text.split("\n", -1)) {
                o.out(line);
            }
        }
        o.exit = (int) result[1];
        return false;
    }

    private boolean clean(List<String> f, SimOutput o) {
        synchronized (state) {
            if (f.contains("-a")) {
                state.jails.clear();
                state.templates.clear();
                state.releases.clear();
                o.out("  Destroying " + state.activePool + "/iocage");
            } else if (f.contains("-j")) {
                state.jails.clear();
                o.out("  Destroying " + state.activePool + "/iocage/jails");
            } else if (f.contains("-r")) {
                state.releases.clear();
                o.out("  Destroying " + state.activePool + "/iocage/releases");
            } else if (f.contains("-t")) {
                state.templates.clear();
                o.out("  Destroying " + state.activePool + "/iocage/templates");
            } else {
                o.fail("  ERROR: missing option!");
                return false;
            }
        }
        return true;
    }

    private boolean activate(List<String> f, SimOutput o) {
        synchronized (state) {
            if (f.isEmpty()) {
                if (state.activePool.isEmpty()) {
                    o.fail("  ERROR: you need to activate a pool!");
                } else {
                    o.out("pool: " + state.activePool);
                }
                return false;
            }
            String pool = f.get(0);
            if (!state.pools.contains(pool)) {
                o.fail("  ERROR: " + pool + " is not a valid pool!");
                return false;
            }
            if (pool.equals(state.activePool)) {
                o.fail("  ERROR: " + pool + " already active!");
                return false;
            }
            if (state.jails.values().stream().anyMatch(j -> j.running)) {
                o.fail("  ERROR: make sure all jails are stopped before changing pools!");
                return false;
            }
            state.activate(pool);
        }
        return true;
    }

    private boolean deactivate(List<String> f, SimOutput o) {
        synchronized (state) {
            if (f.isEmpty() || !f.get(0).equals(state.activePool)) {
                o.fail("  ERROR: " + (f.isEmpty() ? "missing pool" : f.get(0) + " is not the active pool") + "!");
                return false;
            }
            state.activePool = "";
        }
        return true;
    }

    private boolean fetch(List<String> f, SimOutput o) {
        String release = f.stream().filter(x -> x.startsWith("release=")).map(x -> x.substring(8)).findFirst().orElse("");
        if (!MIRROR.contains(release)) {
            o.fail("  ERROR: " + release + " is not a supported release.");
            return false;
        }
        for (String file : List.of("base.txz", "doc.txz", "lib32.txz", "src.txz")) {
            o.slowLine("Fetching " + file);
        }
        for (String file : List.of("base.txz", "lib32.txz", "src.txz")) {
            o.slowLine("Extracting: " + file);
        }
        o.slowLine("* Updating base jail..");
        synchronized (state) {
            state.releases.add(release);
        }
        return true;
    }
}
