package org.jaildesk.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * {@code update J} in both dialects (reference §3.14): a snapshot first, then freebsd-update in the jail up to the
 * newest patch level the demo's mirror has for its release. Python starts a stopped jail for it (and stops it again
 * here); the snapshot lets a rollback undo the update.
 */
final class SimUpdate {

    /** The newest patch level of each release on the demo's mirror. */
    private static final Map<String, Integer> LATEST = Map.of("13.2-RELEASE", 6, "13.3-RELEASE", 4, "13.4-RELEASE", 2,
            "14.0-RELEASE", 5, "14.1-RELEASE", 3, "14.2-RELEASE", 1);
    private static final DateTimeFormatter PY_SNAPSHOT = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LEGACY_SNAPSHOT = DateTimeFormatter.ofPattern("'ioc-'yyyy-MM-dd_HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final SimDialect sim;
    private final SimState state;

    SimUpdate(SimDialect sim, SimState state) {
        this.sim = sim;
        this.state = state;
    }

    /** Updates {@code j} (and its packages, Python's {@code -P}); the output as iocage, freebsd-update and pkg print it, paced. */
    boolean update(SimJail j, boolean python, boolean packages, SimOutput o) {
        String base;
        int patch;
        synchronized (state) {
            int dash = j.release.lastIndexOf("-p");
            base = dash > 0 ? j.release.substring(0, dash) : j.release;
            if (!LATEST.containsKey(base)) {
                o.fail(python ? "Jail: " + j.id + " has no release to update (" + j.release + ")!"
                        : "  ERROR: " + j.tag + " has no release to update (" + j.release + ")");
                return false;
            }
            patch = dash > 0 ? Integer.parseInt(j.release.substring(dash + 2)) : 0;
            Instant now = Instant.now();
            String snapshot = python ? "ioc_update_" + j.release + "_" + PY_SNAPSHOT.format(now) : LEGACY_SNAPSHOT.format(now);
            j.snapshots.add(new SimJail.Snap(snapshot, now.getEpochSecond(), j));
        }
        int latest = LATEST.get(base);
        String to = base + "-p" + latest;
        if (python) {
            o.out("");
            o.slowLine("* Updating " + j.id + " to the latest patch level... ");
        }
        o.slowLine("Looking up update.FreeBSD.org mirrors... 2 mirrors found.");
        o.slowLine("Fetching metadata signature for " + base + " from update1.freebsd.org... done.");
        o.slowLine("Fetching metadata index... done.");
        o.slowLine("Inspecting system... done.");
        o.slowLine("Preparing to download files... done.");
        if (patch >= latest) {
            o.out("No updates needed to update system to " + to + ".");
            upgradePackages(j, packages, o);
            return true;
        }
        o.out("The following files will be updated as part of updating to " + to + ":");
        for (String file : List.of("/bin/freebsd-version", "/lib/libc.so.7", "/usr/lib/libssl.so.30", "/usr/sbin/sshd")) {
            o.out(file);
        }
        o.slowLine("Installing updates... done.");
        synchronized (state) {
            boolean wasRunning = j.running;
            if (python && !wasRunning) {
                sim.start(j);
            }
            j.release = to;
            j.usedBytes += 38L * 1024 * 1024;
            if (python && !wasRunning) {
                sim.stop(j);
            }
        }
        upgradePackages(j, packages, o);
        return true;
    }

    /**
     * Python's {@code upgrade -r R J} (reference §3.14): freebsd-update's upgrade in the jail, started for it if stopped,
     * to the newest patch level of {@code to} on the demo's mirror. Like iocage, no snapshot of its own (the host takes
     * one); its refusals as iocage words them.
     */
    boolean upgrade(SimJail j, String to, SimOutput o) {
        String from;
        synchronized (state) {
            from = j.release;
            if (from.equals("EMPTY")) {
                o.fail("Upgrading is not supported for empty jails.");
                return false;
            }
            if (from.contains(to)) {
                o.fail("Jail: " + j.id + " is already at version " + to + "!");
                return false;
            }
            // A basejail gets the new release's own files (iocage's upgrade_basejail).
            if (j.kind == SimJail.Kind.BASEJAIL && !state.releases.contains(to)) {
                o.fail(to + " is missing, please fetch it!");
                return false;
            }
        }
        o.slowLine("Looking up update.FreeBSD.org mirrors... 2 mirrors found.");
        String base = from.contains("-p") ? from.substring(0, from.lastIndexOf("-p")) : from;
        o.slowLine("Fetching metadata signature for " + base + " from update1.freebsd.org... done.");
        o.slowLine("Fetching metadata index... done.");
        o.slowLine("Inspecting system... done.");
        o.out("The following components of FreeBSD seem to be installed:");
        o.out("world/base world/lib32");
        if (!SimDialect.MIRROR.contains(to)) {
            o.slowLine("Fetching metadata signature for " + to + " from update1.freebsd.org... failed.");
            o.fail("Error occured, jail not upgraded!");
            return false;
        }
        o.slowLine("Fetching metadata signature for " + to + " from update1.freebsd.org... done.");
        o.slowLine("Fetching files from " + base + " for merging... done.");
        o.slowLine("Preparing to download files... done.");
        o.slowLine("Attempting to automatically merge changes in files... done.");
        String now = to + "-p" + LATEST.getOrDefault(to, 0);
        o.out("The following files will be updated as part of updating to " + now + ":");
        for (String file : List.of("/bin/freebsd-version", "/etc/rc.d/jail", "/lib/libc.so.7", "/usr/sbin/sshd")) {
            o.out(file);
        }
        o.slowLine("Installing updates...");
        o.slowLine("Scanning //usr/share/certs/untrusted for certificates...");
        o.slowLine("Scanning //usr/share/certs/trusted for certificates...");
        o.out(" done.");
        o.out("No updates are available to install.");
        synchronized (state) {
            boolean wasRunning = j.running;
            if (!wasRunning) {
                sim.start(j);
            }
            j.release = now;
            j.usedBytes += 410L * 1024 * 1024;
            if (!wasRunning) {
                sim.stop(j);
            }
        }
        o.out("");
        o.out(j.id + " successfully upgraded from " + from + " to " + now + "!");
        return true;
    }

    /** pkg upgrade in the jail, as pkg prints it: the first time two packages, after that nothing to do. */
    private void upgradePackages(SimJail j, boolean packages, SimOutput o) {
        if (!packages) {
            return;
        }
        o.slowLine("Updating FreeBSD repository catalogue...");
        o.out("FreeBSD repository is up to date.");
        o.out("All repositories are up to date.");
        boolean done;
        synchronized (state) {
            done = j.packagesUpgraded;
            j.packagesUpgraded = true;
        }
        if (done) {
            o.out("Your packages are up to date.");
            return;
        }
        o.out("The following 2 package(s) will be affected (of 0 checked):");
        o.out("");
        o.out("Installed packages to be UPGRADED:");
        o.out("\tcurl: 8.4.0 -> 8.5.0");
        o.out("\topenssl: 3.0.12,1 -> 3.0.13,1");
        o.out("");
        o.out("Number of packages to be upgraded: 2");
        o.slowLine("[" + j.tag + "] [1/2] Upgrading curl from 8.4.0 to 8.5.0...");
        o.slowLine("[" + j.tag + "] [2/2] Upgrading openssl from 3.0.12,1 to 3.0.13,1...");
    }
}
