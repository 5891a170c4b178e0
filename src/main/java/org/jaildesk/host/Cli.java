package org.jaildesk.host;

import java.util.ArrayList;
import java.util.List;

/**
 * iocage argument lists per dialect (reference iocage-cli.md §7). Every value here has been validated before it
 * arrives; still, each goes in an argument of its own, and jail names always follow the options so that nothing
 * after them is read as a flag.
 */
final class Cli {

    private final Dialect dialect;

    Cli(Dialect dialect) {
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    private boolean py() {
        return dialect.isPython();
    }

    static List<String> version() {
        return List.of("--version");
    }

    /** Python: TAB-separated long listing; legacy: the one table it has. */
    List<String> list() {
        return py() ? List.of("list", "-l", "-h") : List.of("list");
    }

    /** Python's bordered table, for when {@code -h} crashes (iocage master after 2020, freebsd/iocage 1.2.1–1.3). */
    List<String> listTable() {
        return List.of("list", "-l");
    }

    List<String> listTemplates() {
        return py() ? List.of("list", "-t", "-l", "-h") : List.of("list", "-t");
    }

    List<String> listTemplatesTable() {
        return List.of("list", "-t", "-l");
    }

    List<String> releases() {
        return py() ? List.of("list", "-r", "-h") : List.of("list", "-r");
    }

    /** The releases the FreeBSD mirror offers: Python's {@code list -R}; legacy iocage has no remote listing. */
    List<String> remoteReleases() throws UnsupportedActionException {
        if (!py()) {
            throw new UnsupportedActionException("listremotereleases is not supported by " + dialect.label()
                    + ": it has no remote listing; type the release to fetch");
        }
        return List.of("list", "-R");
    }

    List<String> getAll(String jail) {
        return List.of("get", "all", jail);
    }

    List<String> get(String prop, String jail) {
        return List.of("get", prop, jail);
    }

    List<String> getAcross(String prop) {
        return switch (dialect.kind()) {
            case PYTHON -> List.of("get", "-r", "-h", prop);
            case LEGACY_DEVELOP -> List.of("get", "-r", prop);
            case LEGACY_MASTER -> List.of("show", prop);
        };
    }

    /** Python has no {@code defaults} command: the defaults are the pseudo-jail {@code default}. */
    List<String> defaults() {
        return py() ? List.of("get", "all", "default") : List.of("defaults");
    }

    List<String> df() {
        return py() ? List.of("df", "-h") : List.of("df");
    }

    List<String> start(String jail) {
        return List.of("start", jail);
    }

    List<String> stop(String jail) {
        return List.of("stop", jail);
    }

    List<String> cap(String jail) throws UnsupportedActionException {
        if (py()) {
            throw new UnsupportedActionException("capjail is not supported by " + dialect.label()
                    + ": it has no 'cap' command; it applies resource limits when they are set and at start");
        }
        return List.of("cap", jail);
    }

    /** {@code destroy -f}: never prompts. The host refuses running jails itself before calling this. */
    List<String> destroy(String jail) {
        return List.of("destroy", "-f", jail);
    }

    /** The command goes inside the jail as one argument after {@code --} (Python runs it with the jail's sh). */
    List<String> exec(String jail, String user, String command) {
        return py() ? List.of("exec", "-U", user, jail, "--", command) : List.of("exec", "-U", user, jail, command);
    }

    /** Legacy 1.7's clean always prompts; it gets "y" on stdin (see {@link #cleanStdin()}). */
    List<String> clean(char what) throws UnsupportedActionException {
        if (what == 'i') {
            // Python's -i destroys the images dataset, where export writes (reference §3.10).
            requirePython("cleanimages", "it has no 'clean -i'");
        }
        if (dialect.kind() == Dialect.Kind.LEGACY_MASTER) {
            if (what == 't') {
                throw new UnsupportedActionException("cleantemplates is not supported by " + dialect.label()
                        + ": it has no 'clean -t'");
            }
            return List.of("clean", "-" + what);
        }
        return List.of("clean", "-f", "-" + what);
    }

    String cleanStdin() {
        return dialect.kind() == Dialect.Kind.LEGACY_MASTER ? "y\n" : "";
    }

    List<String> activate(String pool) {
        return List.of("activate", pool);
    }

    /** Which pool is active. Python's {@code get -p}; legacy's {@code activate} without a pool. */
    List<String> currentPool() {
        return py() ? List.of("get", "-p") : List.of("activate");
    }

    List<String> deactivate(String pool) throws UnsupportedActionException {
        if (py()) {
            throw new UnsupportedActionException("deactivatepool is not supported by " + dialect.label()
                    + ": it has no 'deactivate' command; activate another pool instead");
        }
        return List.of("deactivate", pool);
    }

    /**
     * Legacy iocage has no NAT: a {@code nat} or {@code nat_*} property is refused before it runs (it would answer
     * "unsupported property", or keep the key without doing anything with it).
     */
    private void natSupported(List<String> properties) throws UnsupportedActionException {
        if (py()) {
            return;
        }
        for (String p : properties) {
            String key = p.substring(0, Math.max(0, p.indexOf('=')));
            if (key.equals("nat") || key.startsWith("nat_")) {
                throw new UnsupportedActionException(key + " is not supported by " + dialect.label()
                        + ": it has no NAT; give the jail a shared address or a network stack of its own on a bridge");
            }
        }
    }

    /** One {@code set} per call for legacy 1.7 (it reads only one property); one call with all of them otherwise. */
    List<List<String>> set(List<String> assignments, String jail) throws UnsupportedActionException {
        natSupported(assignments);
        List<List<String>> calls = new ArrayList<>();
        if (dialect.kind() == Dialect.Kind.LEGACY_MASTER) {
            for (String a : assignments) {
                calls.add(List.of("set", a, jail));
            }
            return calls;
        }
        List<String> argv = new ArrayList<>();
        argv.add("set");
        argv.addAll(assignments);
        argv.add(jail);
        calls.add(argv);
        return calls;
    }

    List<String> fetch(String release) {
        return py() ? List.of("fetch", "-r", release) : List.of("fetch", "release=" + release);
    }

    /**
     * {@code create}: Python takes {@code -r/-t/-e} and {@code -n NAME}; legacy takes {@code tag=} and
     * {@code release=} as properties. Legacy iocage's create has no template: refused, where it would make the jail
     * from a release instead.
     */
    List<String> create(CreateArgs a) throws UnsupportedActionException {
        natSupported(a.properties());
        if (!py() && !a.template().isEmpty()) {
            throw new UnsupportedActionException("createjail from a template is not supported by " + dialect.label()
                    + ": clone the template instead (clonejail with jail=" + a.template() + ")");
        }
        List<String> argv = new ArrayList<>();
        argv.add("create");
        if (py()) {
            if (a.empty()) {
                argv.add("-e");
            } else if (!a.template().isEmpty()) {
                argv.add("-t");
                argv.add(a.template());
            } else {
                argv.add("-r");
                argv.add(a.release());
            }
            argv.addAll(a.pythonFlags());
            if (!a.name().isEmpty()) {
                argv.add("-n");
                argv.add(a.name());
            }
        } else {
            argv.addAll(a.legacySwitches());
            if (!a.release().isEmpty()) {
                argv.add("release=" + a.release());
            }
            if (!a.name().isEmpty()) {
                argv.add("tag=" + a.name());
            }
        }
        argv.addAll(a.properties());
        return argv;
    }

    List<String> clone(String source, String name, List<String> properties) throws UnsupportedActionException {
        natSupported(properties);
        List<String> argv = new ArrayList<>();
        argv.add("clone");
        argv.add(source);
        if (!name.isEmpty()) {
            if (py()) {
                argv.add("-n");
                argv.add(name);
            } else {
                argv.add("tag=" + name);
            }
        }
        argv.addAll(properties);
        return argv;
    }

    /**
     * Python's {@code rename J NEW} (which would stop a running jail; the host refuses those first). Legacy has no
     * rename: its tag plays the name's part, so {@code set tag=NEW UUID}.
     */
    List<String> rename(String jail, String name) {
        return py() ? List.of("rename", jail, name) : List.of("set", "tag=" + name, jail);
    }

    /**
     * {@code update J}: freebsd-update in the jail after a snapshot (reference §3.14); the legacy jail by its UUID.
     * {@code packages}: Python's {@code -P}, which upgrades the jail's packages too; legacy has none.
     */
    List<String> update(String jail, boolean packages) throws UnsupportedActionException {
        if (!packages) {
            return List.of("update", jail);
        }
        if (!py()) {
            throw new UnsupportedActionException("updatejail with packages=yes is not supported by " + dialect.label()
                    + ": it has no 'update -P'; run pkg upgrade in the jail instead");
        }
        return List.of("update", "-P", jail);
    }

    /**
     * Python's {@code upgrade -r R J}: freebsd-update's upgrade in the jail (iocage answers its question itself), or,
     * for a basejail, the new release's files and etcupdate (reference §3.14). Legacy iocage upgrades otherwise
     * ({@code upgrade J release=R}), which JailDesk does not drive.
     */
    List<String> upgrade(String jail, String release) throws UnsupportedActionException {
        requirePython("upgradejail", "JailDesk drives Python iocage's upgrade only; upgrade the jail with iocage itself");
        return List.of("upgrade", "-r", release, jail);
    }

    /**
     * Python's {@code export J}: the stopped jail as {@code <iocroot>/images/J_<date>.zip} (reference §3.14). Legacy
     * iocage exports too, but nothing of its output has been recorded; JailDesk does not guess at it.
     */
    List<String> export(String jail) throws UnsupportedActionException {
        requirePython("exportjail", "JailDesk reads Python iocage's export and import only");
        return List.of("export", jail);
    }

    /**
     * Python's {@code import NAME}: iocage finds the image by a pattern made of the name (see {@code Images}), so
     * the name is given whole, without its extension.
     */
    List<String> importImage(String image) throws UnsupportedActionException {
        requirePython("importjail", "JailDesk reads Python iocage's export and import only");
        return List.of("import", image);
    }

    /**
     * Where Python iocage's {@code export} writes and {@code import} reads: the mountpoint of the pool's images
     * dataset, {@code <iocroot>/images} ({@code zfs get}, run as a {@link Tool}, not through iocage, which lists no
     * images).
     */
    List<String> imagesFolder(String pool) throws UnsupportedActionException {
        imagesListed();
        return List.of("get", "-H", "-o", "value", "mountpoint", pool + "/iocage/images");
    }

    /**
     * Where Python iocage keeps its jails' console logs: the mountpoint of the pool's iocage dataset, {@code <iocroot>}
     * ({@code zfs get}, run as a {@link Tool}); the log of jail J is {@code <iocroot>/log/ioc-J-console.log}, which
     * jail(8) writes what the jail's rc printed at each start and stop to ({@code exec.consolelog}).
     */
    List<String> iocroot(String pool) throws UnsupportedActionException {
        requirePython("consolelog", "JailDesk reads Python iocage's console logs only (ioc-<name>-console.log)");
        return List.of("get", "-H", "-o", "value", "mountpoint", pool + "/iocage");
    }

    /** The last {@code bytes} of a console log ({@link Tool#TAIL}). */
    static List<String> logTail(String file, int bytes) {
        return List.of("-c", Integer.toString(bytes), file);
    }

    /** Refuses {@code listimages} on a dialect whose export and import JailDesk does not read. */
    void imagesListed() throws UnsupportedActionException {
        requirePython("listimages", "JailDesk reads Python iocage's export and import only");
    }

    /**
     * The image files of {@code folder} as {@code find} lists them ({@link Tool#FIND}): only names as {@code export}
     * makes them (a jail's name, {@code _YYYY-MM-DD}, {@code .zip} or {@code .tar.xz}), so every line is one file, and
     * each as {@code stat -f '%z %m %N'} prints it: its size in bytes, its time in seconds since 1970, its path.
     */
    static List<String> imageFiles(String folder) {
        return List.of("-E", folder, "-maxdepth", "1", "-type", "f",
                "-regex", ".*/[A-Za-z0-9._-]+_[0-9]{4}-[0-9]{2}-[0-9]{2}\\.(zip|tar\\.xz)",
                "-exec", "/usr/bin/stat", "-f", "%z %m %N", "{}", "+");
    }

    /*
     * A jail's fstab, the host's folders mounted into it (Python's fstab command, reference §3.14). Legacy iocage has
     * none: its jails' fstab files are edited by hand.
     */

    List<String> fstabList(String jail) throws UnsupportedActionException {
        requirePython("listmounts", NO_FSTAB);
        return List.of("fstab", "-l", "-h", jail);
    }

    /** {@code destination} is inside the jail: iocage puts it under the jail's root. */
    List<String> fstabAdd(String jail, String source, String destination, String type, String options)
            throws UnsupportedActionException {
        requirePython("addmount", NO_FSTAB);
        return List.of("fstab", "-a", jail, source, destination, type, options, "0", "0");
    }

    List<String> fstabRemove(String jail, int index) throws UnsupportedActionException {
        requirePython("removemount", NO_FSTAB);
        return List.of("fstab", "-r", jail, Integer.toString(index));
    }

    private static final String NO_FSTAB = "it has no fstab command; edit the jail's fstab file in its iocage folder";

    private void requirePython(String action, String why) throws UnsupportedActionException {
        if (!py()) {
            throw new UnsupportedActionException(action + " is not supported by " + dialect.label() + ": " + why);
        }
    }

    /*
     * Snapshots (reference §3.13). Python names the snapshot with -n; legacy takes JAIL@NAME, so it gets the jail's
     * UUID (a legacy tag may itself hold '@').
     */

    /** Python's TAB-separated list (with a {@code NAME/root} row per snapshot); legacy's one table. */
    List<String> snapshots(String jail) {
        return py() ? List.of("snaplist", "-h", jail) : List.of("snaplist", jail);
    }

    List<String> snapshot(String jail, String name) {
        return py() ? List.of("snapshot", "-n", name, jail) : List.of("snapshot", jail + "@" + name);
    }

    /** {@code -f}: Python would prompt; legacy never does. */
    List<String> rollback(String jail, String name) {
        return py() ? List.of("rollback", "-n", name, "-f", jail) : List.of("rollback", jail + "@" + name);
    }

    List<String> removeSnapshot(String jail, String name) {
        return py() ? List.of("snapremove", "-n", name, jail) : List.of("snapremove", jail + "@" + name);
    }

    /** Parsed {@code createjail} arguments, validated. */
    record CreateArgs(String name, String release, String template, boolean empty, List<String> pythonFlags,
                      List<String> legacySwitches, List<String> properties) {
    }
}
