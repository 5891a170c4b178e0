package org.jaildesk.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Legacy iocage's commands that make jails or change their settings ({@code create}, {@code clone}, {@code set}), with
 * its messages and exit codes; the rest of its command line is {@link LegacySim}.
 */
final class LegacyChanges {

    private final LegacySim sim;
    private final SimState state;

    LegacyChanges(LegacySim sim, SimState state) {
        this.sim = sim;
        this.state = state;
    }

    /** {@code tag=…} and the other properties; legacy stores them as given. */
    private boolean apply(SimJail j, List<String> props, SimOutput o) {
        for (String p : props) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                o.fail("  ERROR: Set failed, incorrect property syntax!");
                return false;
            }
            String key = p.substring(0, eq);
            if (key.equals("tag") || key.equals("release")) {
                continue;
            }
            if (SimDialect.checkSet(key, p.substring(eq + 1), false) != null) {
                o.fail("  ERROR: Unsupported property: " + key + "!");
                return false;
            }
        }
        for (String p : props) {
            int eq = p.indexOf('=');
            String key = p.substring(0, eq);
            if (key.equals("tag")) {
                j.tag = p.substring(eq + 1);
            } else if (!key.equals("release")) {
                j.props.put(key, p.substring(eq + 1));
            }
        }
        return true;
    }

    boolean clone(List<String> f, SimOutput o) {
        synchronized (state) {
            SimJail src = f.isEmpty() ? null : sim.find(f.get(0), o);
            if (src == null) {
                return false;
            }
            String id = java.util.UUID.randomUUID().toString();
            SimJail c = src.copy(id, id);
            c.running = false;
            c.jid = 0;
            c.usedBytes = 1024 * 1024;
            c.kind = SimJail.Kind.CLONE;
            c.template = false;
            c.tag = "2026-11-26@09:00:00";
            if (!apply(c, f.subList(1, f.size()), o)) {
                return false;
            }
            state.jails.put(id, c);
            o.out("  Successfully created: " + id + " (" + c.tag + ")");
        }
        return true;
    }

    boolean create(List<String> f, SimOutput o) {
        SimJail.Kind kind = SimJail.Kind.BASEJAIL;
        String release = "";
        List<String> props = new ArrayList<>();
        for (String x : f) {
            switch (x) {
                case "-e" -> kind = SimJail.Kind.EMPTY;
                case "-b" -> kind = SimJail.Kind.BASEJAIL;
                case "-c" -> kind = SimJail.Kind.CLONE;
                default -> {
                    if (x.startsWith("release=")) {
                        release = x.substring(8);
                    }
                    props.add(x);
                }
            }
        }
        synchronized (state) {
            if (kind != SimJail.Kind.EMPTY) {
                if (release.isEmpty()) {
                    release = state.releases.isEmpty() ? "" : state.releases.last();
                }
                if (release.isEmpty()) {
                    o.fail("  ERROR: No RELEASEs found locally, run iocage fetch first.");
                    return false;
                }
                if (!state.releases.contains(release)) {
                    o.fail("  ERROR: RELEASE " + release + " not found locally, run iocage fetch first.");
                    return false;
                }
            }
            String id = java.util.UUID.randomUUID().toString();
            SimJail j = new SimJail(id, "2026-11-26@09:00:00", kind, kind == SimJail.Kind.EMPTY ? "EMPTY" : release,
                    sim.usedFor(kind));
            if (!apply(j, props, o)) {
                return false;
            }
            for (SimJail other : state.jails.values()) {
                if (other.tag.equals(j.tag)) {
                    o.err("  WARNING: Replacing tag " + j.tag + "!");
                    other.tag = "2026-11-26@09:00:01";
                }
            }
            state.jails.put(id, j);
            o.out(kind == SimJail.Kind.EMPTY ? id : "  Successfully created: " + id + " (" + j.tag + ")");
        }
        return true;
    }

    boolean set(List<String> f, SimOutput o) {
        if (f.size() < 2) {
            o.fail("  ERROR: missing property or UUID!");
            return false;
        }
        synchronized (state) {
            String ref = f.get(f.size() - 1);
            List<String> props = f.subList(0, f.size() - 1);
            if (ref.equals("default")) {
                for (String p : props) {
                    int eq = p.indexOf('=');
                    if (eq <= 0 || !sim.defaults().containsKey(p.substring(0, eq))) {
                        o.fail("  ERROR: Unsupported property: " + p + "!");
                        return false;
                    }
                }
                props.forEach(p -> state.defaultOverrides.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1)));
                return true;
            }
            SimJail j = sim.find(ref, o);
            return j != null && apply(j, props, o);
        }
    }
}
