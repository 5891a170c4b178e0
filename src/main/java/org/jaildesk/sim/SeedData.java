package org.jaildesk.sim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** The demo host's starting point: a realistic small host, or a large one for scale. */
final class SeedData {

    private SeedData() {
    }

    /** About a dozen jails of every type on two releases, one template; some running. */
    static SimState standard(boolean legacy) {
        SimState s = new SimState();
        s.releases.add("13.2-RELEASE");
        s.releases.add("14.1-RELEASE");
        SimJail tmpl = jail(legacy, "tmpl-web", SimJail.Kind.CLONE, "13.2-RELEASE-p4", 640, 1.71);
        tmpl.template = true;
        s.templates.put(tmpl.id, tmpl);
        add(s, legacy, "db01", SimJail.Kind.THICK, "13.2-RELEASE-p4", 1150, 2.31, true, "em0|192.168.1.21/24",
                "boot", "1", "priority", "10", "notes", "postgres 15 primary");
        add(s, legacy, "mail", SimJail.Kind.CLONE, "13.2-RELEASE-p4", 3480, 1.87, false, "em0|192.168.1.22/24,em0|10.0.0.22/24",
                "quota", "20G");
        SimJail plex = add(s, legacy, "plex", SimJail.Kind.CLONE, "14.1-RELEASE-p2", 9120, 1.02, true, "DHCP",
                "boot", "1", "vnet", "1", "dhcp", "1", "bpf", "1");
        if (!legacy) {
            // Its library from the host, read-only (legacy iocage keeps fstab lines by hand only).
            plex.mounts.add(new SimJail.Mount("/tank/media", "/tank/iocage/jails/plex/root/mnt/media", "nullfs", "ro", "0", "0"));
        }
        add(s, legacy, "web01", SimJail.Kind.BASEJAIL, "14.1-RELEASE-p2", 210, 1.44, true, "em0|192.168.1.30/24",
                "boot", "1", "priority", "20");
        SimJail web02 = add(s, legacy, "web02", SimJail.Kind.CLONE, "13.2-RELEASE-p4", 180, 1.52, false,
                "vnet0|192.168.1.31/24", "vnet", "1");
        web02.origin = tmpl.id;
        add(s, legacy, "cache", SimJail.Kind.CLONE, "14.1-RELEASE-p2", 96, 1.10, true, "em0|192.168.1.40/24",
                "memoryuse", "deny=2G", "boot", "1");
        add(s, legacy, "dns", SimJail.Kind.BASEJAIL, "14.1-RELEASE-p2", 48, 1.35, true, "em0|192.168.1.53/24",
                "boot", "1", "priority", "1");
        add(s, legacy, "git", SimJail.Kind.CLONE, "14.1-RELEASE-p2", 5400, 1.66, false, "em0|192.168.1.60/24",
                "quota", "6G", "reservation", "2G");
        add(s, legacy, "ci-runner", SimJail.Kind.THICK, "13.2-RELEASE-p4", 14200, 1.21, false, "em0|192.168.1.70/24",
                "children_max", "4", "allow_mount", "1", "enforce_statfs", "1");
        add(s, legacy, "monitoring", SimJail.Kind.CLONE, "14.1-RELEASE-p2", 930, 1.95, true, "em0|192.168.1.80/24",
                "boot", "1");
        add(s, legacy, "proxy", SimJail.Kind.BASEJAIL, "14.1-RELEASE-p2", 72, 1.30, false, "em0|192.168.1.90/24");
        add(s, legacy, "test-empty", SimJail.Kind.EMPTY, "EMPTY", 0, 1.0, false, "-");
        if (!legacy) {
            // Images exported before: a jail since retired, and an older copy of one the host has.
            SimJail wiki = jail(false, "wiki", SimJail.Kind.CLONE, "13.2-RELEASE-p4", 1380, 1.74);
            wiki.props.put("ip4_addr", "em0|192.168.1.95/24");
            wiki.exportedEpochSecond = java.time.Instant.parse("2026-09-14T18:42:07Z").getEpochSecond();
            s.images.put("wiki_2026-09-14.zip", wiki);
            SimJail git = s.jails.get("git").copy("git", "git");
            git.exportedEpochSecond = java.time.Instant.parse("2026-10-30T06:15:33Z").getEpochSecond();
            s.images.put("git_2026-10-30.zip", git);
        }
        return s;
    }

    /** {@code count} jails named jail00001…, a third of them running, for scale and benchmarks. */
    static SimState scaled(boolean legacy, int count) {
        SimState s = new SimState();
        s.releases.add("13.2-RELEASE");
        s.releases.add("14.1-RELEASE");
        s.poolSizeBytes = Math.max(s.poolSizeBytes, count * 4L * 1024 * 1024 * 1024);
        for (int i = 1; i <= count; i++) {
            String name = String.format(Locale.ROOT, "jail%05d", i);
            String release = i % 2 == 0 ? "14.1-RELEASE-p2" : "13.2-RELEASE-p4";
            SimJail.Kind kind = SimJail.Kind.values()[i % 3];
            String ip = "em0|10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + "/16";
            add(s, legacy, name, kind, release, 50 + (i * 37L) % 4000, 1.0 + (i % 130) / 100.0, i % 3 == 0, ip,
                    "boot", i % 5 == 0 ? "1" : "0");
        }
        return s;
    }

    private static SimJail add(SimState s, boolean legacy, String name, SimJail.Kind kind, String release, long usedMb,
                               double ratio, boolean running, String ip4, String... props) {
        SimJail j = jail(legacy, name, kind, release, usedMb, ratio);
        j.props.put("ip4_addr", ip4.equals("-") ? "none" : ip4);
        for (int i = 0; i + 1 < props.length; i += 2) {
            j.props.put(props[i], props[i + 1]);
        }
        if (running) {
            j.running = true;
            j.jid = s.nextJid++;
        }
        // Every jail with a release has been started before (its console log holds that); the empty one never.
        j.starts = kind == SimJail.Kind.EMPTY ? 0 : 1;
        s.jails.put(j.id, j);
        return j;
    }

    private static SimJail jail(boolean legacy, String name, SimJail.Kind kind, String release, long usedMb, double ratio) {
        SimJail j = new SimJail(legacy ? uuidFor(name) : name, name, kind, release, usedMb * 1024 * 1024);
        j.compressRatio = ratio;
        if (kind == SimJail.Kind.EMPTY) {
            j.usedBytes = 96 * 1024;
        }
        return j;
    }

    /** Legacy jails are keyed by UUID; a stable one per name keeps demo data the same from run to run. */
    static String uuidFor(String name) {
        return UUID.nameUUIDFromBytes(("jaildesk-demo:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
