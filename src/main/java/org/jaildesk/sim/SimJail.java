package org.jaildesk.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One jail (or template) of the simulated host. Mutable; guarded by the simulator's lock. */
final class SimJail {

    /** How the jail was made; decides its disk use and the type iocage shows. */
    enum Kind { CLONE, BASEJAIL, THICK, EMPTY }

    String id;
    String tag;
    Kind kind;
    boolean template;
    /** Full release with patch level, e.g. 13.2-RELEASE-p4; "EMPTY" for empty jails. */
    String release;
    /** The template it was cloned from, or "-". */
    String origin = "-";
    boolean running;
    int jid;
    /** How often it was started: its console log holds a start's lines for each, and a stop's between them. */
    int starts;
    long usedBytes;
    double compressRatio = 1.0;
    /** Properties that differ from the defaults, in Python iocage's notation (booleans 0/1). */
    Map<String, String> props = new LinkedHashMap<>();
    /** Whether {@code update -P} upgraded its packages already (the demo's mirror has two newer ones, once). */
    boolean packagesUpgraded;
    /** For a jail kept as an image file: when {@code export} wrote it, in seconds since 1970 (0: the image's day). */
    long exportedEpochSecond;
    /** The host's folders mounted into it: the lines of its fstab, in order. */
    List<Mount> mounts = new ArrayList<>();

    /** A line of the jail's fstab; the destination as iocage keeps it, under the jail's root. */
    static final class Mount {
        String source;
        String destination;
        String type;
        String options;
        String dump = "0";
        String pass = "0";

        Mount() {
        }

        Mount(String source, String destination, String type, String options, String dump, String pass) {
            this.source = source;
            this.destination = destination;
            this.type = type;
            this.options = options;
            this.dump = dump;
            this.pass = pass;
        }
    }

    /** Its ZFS snapshots, oldest first (a clone starts without any). */
    List<Snap> snapshots = new ArrayList<>();

    /** A snapshot: when it was taken, what the jail held then, and its properties then (they live in the dataset). */
    static final class Snap {
        String name;
        long createdEpochSecond;
        long usedBytes;
        /** The release with its patch level then (an update changes the jail's files, a rollback undoes it). */
        String release;
        Map<String, String> props = new LinkedHashMap<>();

        Snap() {
        }

        Snap(String name, long createdEpochSecond, SimJail of) {
            this.name = name;
            this.createdEpochSecond = createdEpochSecond;
            this.usedBytes = of.usedBytes;
            this.release = of.release;
            this.props = new LinkedHashMap<>(of.props);
        }
    }

    Snap snapshot(String name) {
        return snapshots.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }

    SimJail() {
    }

    SimJail(String id, String tag, Kind kind, String release, long usedBytes) {
        this.id = id;
        this.tag = tag;
        this.kind = kind;
        this.release = release;
        this.usedBytes = usedBytes;
    }

    String prop(String key, Map<String, String> defaults) {
        String v = props.get(key);
        return v != null ? v : defaults.getOrDefault(key, "none");
    }

    boolean boot() {
        return SimDialect.on(props.getOrDefault("boot", "0"));
    }

    SimJail copy(String newId, String newTag) {
        SimJail c = new SimJail(newId, newTag, kind, release, usedBytes);
        c.template = template;
        c.origin = origin;
        c.compressRatio = compressRatio;
        c.props = new LinkedHashMap<>(props);
        // The fstab is in the jail's dataset; iocage points its destinations at the copy's root.
        for (Mount m : mounts) {
            c.mounts.add(new Mount(m.source, m.destination.replace("/jails/" + id + "/root", "/jails/" + newId + "/root"),
                    m.type, m.options, m.dump, m.pass));
        }
        return c;
    }
}
