package org.jaildesk.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Everything the simulated host knows: pools, releases, jails, templates. Plain data, saved as JSON. */
final class SimState {

    /** The pool iocage uses, or "" when none is active. */
    String activePool = "tank";
    List<String> pools = new ArrayList<>(List.of("tank", "backup"));
    long poolSizeBytes = 900L * 1024 * 1024 * 1024;
    TreeSet<String> releases = new TreeSet<>();
    Map<String, SimJail> jails = new LinkedHashMap<>();
    Map<String, SimJail> templates = new LinkedHashMap<>();
    /** The images of {@code export} in the iocroot's images folder, by file name: the jail as it was exported. */
    Map<String, SimJail> images = new LinkedHashMap<>();
    int nextJid = 1;
    /** Defaults changed with {@code set k=v default}. */
    Map<String, String> defaultOverrides = new LinkedHashMap<>();
    /** The pool whose releases, jails and templates the fields above hold (it stays loaded while none is active). */
    String loadedPool = "tank";
    /** What the other pools hold, each as it was when another pool was activated. */
    Map<String, Pool> parked = new LinkedHashMap<>();

    /** A pool's own iocage datasets. */
    static final class Pool {
        TreeSet<String> releases = new TreeSet<>();
        Map<String, SimJail> jails = new LinkedHashMap<>();
        Map<String, SimJail> templates = new LinkedHashMap<>();
        Map<String, SimJail> images = new LinkedHashMap<>();
    }

    /**
     * Makes {@code pool} the active one: iocage then sees that pool's releases, jails and templates (none on a pool it
     * has not used), and those of the pool before stay on it for when it is activated again.
     */
    void activate(String pool) {
        if (!pool.equals(loadedPool)) {
            Pool before = new Pool();
            before.releases = releases;
            before.jails = jails;
            before.templates = templates;
            before.images = images;
            parked.put(loadedPool, before);
            Pool now = parked.containsKey(pool) ? parked.remove(pool) : new Pool();
            releases = now.releases;
            jails = now.jails;
            templates = now.templates;
            images = now.images;
            loadedPool = pool;
        }
        activePool = pool;
    }

    static final long RELEASE_BYTES = 1_200L * 1024 * 1024;

    long usedBytes() {
        long used = releases.size() * RELEASE_BYTES;
        for (SimJail j : jails.values()) {
            used += j.usedBytes;
        }
        for (SimJail t : templates.values()) {
            used += t.usedBytes;
        }
        return used;
    }

    /**
     * {@code zpool list -Hp -o name,size,free,health}: every pool, the same size each; what iocage's datasets use on
     * it taken from its free space (the active pool's now, the others' as they were left).
     */
    String zpoolList() {
        StringBuilder out = new StringBuilder();
        for (String pool : pools) {
            long used = pool.equals(loadedPool) ? usedBytes() : parked.containsKey(pool) ? used(parked.get(pool)) : 0;
            out.append(pool).append('\t').append(poolSizeBytes).append('\t').append(Math.max(0, poolSizeBytes - used))
                    .append("\tONLINE\n");
        }
        return out.toString();
    }

    private static long used(Pool p) {
        long used = p.releases.size() * RELEASE_BYTES;
        for (SimJail j : p.jails.values()) {
            used += j.usedBytes;
        }
        for (SimJail t : p.templates.values()) {
            used += t.usedBytes;
        }
        return used;
    }

    long freeBytes() {
        return Math.max(0, poolSizeBytes - usedBytes());
    }

    /** A jail or template by id, or by tag when exactly one has it (legacy addresses jails by tag too). */
    SimJail find(String ref, boolean includeTemplates) {
        SimJail j = jails.get(ref);
        if (j == null && includeTemplates) {
            j = templates.get(ref);
        }
        if (j != null) {
            return j;
        }
        SimJail found = null;
        for (SimJail c : jails.values()) {
            if (c.tag.equals(ref)) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }
}
