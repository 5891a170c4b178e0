package org.jaildesk.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Python iocage's commands that make jails, change their settings or change the whole host ({@code create},
 * {@code clone}, {@code set}, {@code clean}, {@code activate}, {@code fetch}), with its messages and exit codes; the
 * rest of its command line is {@link PythonSim}.
 */
final class PythonChanges {

    private final PythonSim sim;
    private final SimState state;

    PythonChanges(PythonSim sim, SimState state) {
        this.sim = sim;
        this.state = state;
    }

    boolean clone(List<String> f, SimOutput o) {
        synchronized (state) {
            if (f.isEmpty()) {
                o.fail("Missing argument 'SOURCE'.");
                return false;
            }
            SimJail src = state.find(f.get(0), true);
            if (src == null) {
                o.fail("jail '" + f.get(0) + "' not found!");
                return false;
            }
            if (src.template) {
                o.fail("Please use create -t " + src.id + " instead of cloning a template.");
                return false;
            }
            if (src.running) {
                o.fail("Jail: " + src.id + " must not be running to be cloned!");
                return false;
            }
            String name = UUID.randomUUID().toString();
            List<String> props = new ArrayList<>();
            for (int i = 1; i < f.size(); i++) {
                if (f.get(i).equals("-n") && i + 1 < f.size()) {
                    name = f.get(++i);
                } else {
                    props.add(f.get(i));
                }
            }
            if (state.find(name, true) != null) {
                o.fail("Jail: " + name + " already exists!");
                return false;
            }
            SimJail c = src.copy(name, name);
            c.props.remove("host_hostname");
            c.usedBytes = 1024 * 1024;
            if (!applyProps(c, props, o)) {
                return false;
            }
            state.jails.put(name, c);
            o.out(name + " successfully cloned!");
        }
        return true;
    }

    boolean create(List<String> f, SimOutput o) {
        String release = "";
        String template = "";
        String name = UUID.randomUUID().toString();
        SimJail.Kind kind = SimJail.Kind.CLONE;
        List<String> props = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            String x = f.get(i);
            switch (x) {
                case "-r" -> release = i + 1 < f.size() ? f.get(++i) : "";
                case "-t" -> template = i + 1 < f.size() ? f.get(++i) : "";
                case "-n" -> name = i + 1 < f.size() ? f.get(++i) : name;
                case "-e" -> kind = SimJail.Kind.EMPTY;
                case "-b" -> kind = SimJail.Kind.BASEJAIL;
                case "-T" -> kind = SimJail.Kind.THICK;
                default -> props.add(x);
            }
        }
        synchronized (state) {
            if (kind != SimJail.Kind.EMPTY && release.isEmpty() && template.isEmpty()) {
                o.fail("Must supply either --template (-t) or --release (-r)!");
                return false;
            }
            if (state.find(name, true) != null) {
                o.fail("Jail: " + name + " already exists!");
                return false;
            }
            if (!template.isEmpty() && !state.templates.containsKey(template)) {
                o.fail("Template: " + template + " not found!");
                o.err("Created Templates:");
                state.templates.keySet().forEach(t -> o.err("  " + t));
                return false;
            }
        }
        if (!release.isEmpty() && kind != SimJail.Kind.EMPTY) {
            boolean fetched;
            synchronized (state) {
                fetched = state.releases.contains(release);
            }
            if (!fetched) {
                if (!SimDialect.MIRROR.contains(release)) {
                    o.fail(release + " was not found!");
                    return false;
                }
                // Python fetches a missing release by itself, with download progress (reference §3.7).
                sim.fetchWithProgress(release, o);
            }
        }
        synchronized (state) {
            SimJail j;
            if (!template.isEmpty()) {
                SimJail t = state.templates.get(template);
                j = t.copy(name, name);
                j.template = false;
                j.origin = t.id;
                j.usedBytes = 1024 * 1024;
            } else {
                j = new SimJail(name, name, kind, kind == SimJail.Kind.EMPTY ? "EMPTY" : release + "-p4", sim.usedFor(kind));
            }
            if (!applyProps(j, props, o)) {
                return true;
            }
            state.jails.put(name, j);
            o.out(name + " successfully created!");
            if (j.boot() && kind != SimJail.Kind.EMPTY) {
                // boot=1 at create time also starts the jail (reference §3.7).
                o.out("* Starting " + j.id);
                sim.start(j);
                sim.printStartSteps(j, o);
            }
        }
        return true;
    }

    private boolean applyProps(SimJail j, List<String> props, SimOutput o) {
        for (String p : props) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                o.fail(p + " is missing a value!");
                return false;
            }
            String problem = SimDialect.checkSet(p.substring(0, eq), p.substring(eq + 1), false);
            if (problem != null) {
                o.fail(problem);
                return false;
            }
        }
        for (String p : props) {
            int eq = p.indexOf('=');
            j.props.put(p.substring(0, eq), SimDialect.normalise(p.substring(0, eq), p.substring(eq + 1)));
        }
        return true;
    }

    /** {@code rename J NEW}: stops a running jail first, as iocage does; keeps the jail's place in the listing. */
    boolean rename(List<String> f, SimOutput o) {
        synchronized (state) {
            if (f.size() != 2) {
                o.err("Usage: iocage rename [OPTIONS] JAIL NEW_NAME");
                o.exit = 2;
                return false;
            }
            SimJail j = state.jails.get(f.get(0));
            String to = f.get(1);
            if (j == null) {
                o.fail("jail '" + f.get(0) + "' not found!");
                return false;
            }
            if (state.jails.containsKey(to) || state.templates.containsKey(to)) {
                o.fail("Jail: " + to + " already exists!");
                return false;
            }
            if (j.running) {
                sim.stop(j);
            }
            String from = j.id;
            java.util.Map<String, SimJail> renamed = new java.util.LinkedHashMap<>();
            state.jails.forEach((id, x) -> renamed.put(id.equals(from) ? to : id, x));
            state.jails = renamed;
            j.id = to;
            j.tag = to;
            o.out("Jail: " + from + " renamed to " + to);
        }
        return true;
    }

    boolean set(List<String> f, SimOutput o) {
        if (f.size() < 2) {
            o.fail("You must specify a jail!");
            return false;
        }
        String ref = f.get(f.size() - 1);
        List<String> props = f.subList(0, f.size() - 1);
        synchronized (state) {
            boolean isDefault = ref.equals("default");
            SimJail j = isDefault ? null : state.find(ref, true);
            if (!isDefault && j == null) {
                o.fail("jail '" + ref + "' not found!");
                return false;
            }
            for (String p : props) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    o.fail(p + " is missing a value!");
                    return false;
                }
                String key = p.substring(0, eq);
                String problem = isDefault && !sim.defaults().containsKey(key) ? key + " is not a valid property for default!"
                        : SimDialect.checkSet(key, p.substring(eq + 1), isDefault);
                if (problem != null) {
                    o.fail(problem);
                    return false;
                }
                if (!isDefault && j.running && List.of("jail_zfs", "jail_zfs_dataset", "jail_zfs_mountpoint", "dhcp", "template")
                        .contains(key)) {
                    o.fail(j.id + " is running.\nPlease stop it first!");
                    return false;
                }
            }
            for (String p : props) {
                int eq = p.indexOf('=');
                String key = p.substring(0, eq);
                String value = SimDialect.normalise(key, p.substring(eq + 1));
                if (isDefault) {
                    state.defaultOverrides.put(key, value);
                    o.out("Default Property: " + key + " has been updated to " + value);
                    continue;
                }
                String old = j.prop(key, sim.defaults());
                if (key.equals("template")) {
                    boolean to = value.equals("1");
                    if (to == j.template) {
                        o.fail(j.id + " is already a " + (to ? "template!" : "jail!"));
                        return false;
                    }
                    (to ? state.jails : state.templates).remove(j.id);
                    (to ? state.templates : state.jails).put(j.id, j);
                    j.template = to;
                    o.out(j.id + " converted to a " + (to ? "template." : "jail."));
                    continue;
                }
                j.props.put(key, value);
                o.out(key + ": " + old + " -> " + value);
                if (key.equals("vnet") || key.equals("cpuset")) {
                    o.out(key + " changes require a jail restart");
                }
            }
        }
        return true;
    }

    boolean clean(List<String> f, SimOutput o) {
        if (!f.contains("-f")) {
            o.err("Aborted!");
            o.exit = 1;
            return false;
        }
        synchronized (state) {
            if (f.contains("-a")) {
                state.jails.clear();
                state.templates.clear();
                state.releases.clear();
                state.images.clear();
                o.out("Cleaning iocage");
                o.out("All iocage datasets have been destroyed.");
            } else if (f.contains("-j")) {
                state.jails.clear();
                o.out("Cleaning iocage/jails");
                o.out("All iocage jail datasets have been destroyed.");
            } else if (f.contains("-r")) {
                state.releases.clear();
                state.jails.clear();
                o.out("Cleaning iocage/releases");
                o.out("All iocage RELEASE and jail datasets have been destroyed.");
            } else if (f.contains("-t")) {
                state.templates.clear();
                o.out("Cleaning iocage/templates");
                o.out("All iocage template datasets have been destroyed.");
            } else if (f.contains("-i")) {
                state.images.clear();
                o.out("Cleaning iocage/images");
                o.out("The iocage images dataset has been destroyed.");
            } else {
                o.fail("Please specify a dataset type to clean!");
                return false;
            }
        }
        return true;
    }

    boolean activate(List<String> f, SimOutput o) {
        if (f.size() != 1) {
            o.err("Error: Missing argument 'ZPOOL'.");
            o.exit = 2;
            return false;
        }
        synchronized (state) {
            String pool = f.get(0);
            if (!state.pools.contains(pool)) {
                o.fail("ZFS pool '" + pool + "' not found!");
                return false;
            }
            state.activate(pool);
            o.out("ZFS pool '" + pool + "' successfully activated.");
        }
        return true;
    }

    boolean fetch(List<String> f, SimOutput o) {
        int r = f.indexOf("-r");
        if (r < 0 || r + 1 >= f.size()) {
            o.fail("Please supply a RELEASE with -r");
            return false;
        }
        String release = f.get(r + 1);
        if (!SimDialect.MIRROR.contains(release)) {
            o.fail(release + " was not found!");
            return false;
        }
        sim.fetchWithProgress(release, o);
        return true;
    }
}
