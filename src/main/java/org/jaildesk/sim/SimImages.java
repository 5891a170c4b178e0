package org.jaildesk.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python iocage's {@code export J} and {@code import NAME} (reference §3.14): a stopped jail written to
 * {@code <iocroot>/images/<name>_<date>.zip}, and an image found by iocage's own pattern (the name, anything, then
 * {@code zip} or {@code tar.xz}) received back as the jail it was. The received dataset replaces a jail of that name,
 * as iocage's {@code zfs recv -F} does; a template comes back as a jail.
 */
final class SimImages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final SimState state;

    SimImages(SimState state) {
        this.state = state;
    }

    /** {@code export [-c zip|lzma] J}. */
    boolean export(List<String> f, SimOutput o) {
        String ref = operand(f);
        String extension = f.contains("lzma") ? "tar.xz" : "zip";
        SimJail j;
        String image;
        synchronized (state) {
            j = ref == null ? null : state.find(ref, true);
            if (j == null) {
                o.fail("jail '" + ref + "' not found!");
                return false;
            }
            if (j.running) {
                o.fail(j.id + " is runnning, stop the jail before exporting!");
                return false;
            }
            image = images() + "/" + j.id + "_" + DAY.format(Instant.now());
        }
        String dataset = state.activePool + "/iocage/" + (j.template ? "templates/" : "jails/") + j.id;
        o.slowLine("Exporting dataset: " + dataset);
        o.slowLine("Exporting dataset: " + dataset + "/root");
        o.out("");
        o.slowLine("Preparing compressed file: " + image + "." + extension + ".");
        synchronized (state) {
            SimJail copy = j.copy(j.id, j.tag);
            copy.running = false;
            copy.exportedEpochSecond = Instant.now().getEpochSecond();
            state.images.put(image.substring(image.lastIndexOf('/') + 1) + "." + extension, copy);
        }
        o.out("");
        o.out("Exported: " + image + "." + extension);
        return true;
    }

    /** {@code import [-p PATH] [-c zip|lzma] NAME}. */
    boolean importImage(List<String> f, SimOutput o) {
        String name = operand(f);
        SimJail image;
        String id;
        synchronized (state) {
            List<String> found;
            try {
                Pattern p = Pattern.compile(name + ".*(?:zip|tar\\.xz)");
                found = state.images.keySet().stream().filter(n -> p.matcher(n).lookingAt()).sorted().toList();
            } catch (PatternSyntaxException | NullPointerException e) {
                o.fail("Please specify a valid image name!");
                return false;
            }
            if (found.isEmpty()) {
                o.fail(name + " not found!");
                return false;
            }
            if (found.size() > 1) {
                StringBuilder m = new StringBuilder("Multiple images found for " + name + ":");
                found.forEach(n -> m.append("\n  ").append(n));
                o.fail(m.append("\nPlease explicitly select image or define compression algorithm to use").toString());
                return false;
            }
            String file = found.get(0);
            String base = file.substring(0, file.length() - (file.endsWith(".zip") ? 4 : 7));
            id = base.substring(0, Math.max(0, base.lastIndexOf('_')));
            image = state.images.get(file);
        }
        o.slowLine("Importing dataset: " + id);
        synchronized (state) {
            SimJail there = state.jails.get(id);
            if (there != null && there.running) {
                o.fail("cannot unmount '/" + state.activePool + "/iocage/jails/" + id + "/root': pool or dataset is busy");
                return false;
            }
        }
        o.slowLine("Importing dataset: " + id + "/root");
        synchronized (state) {
            SimJail j = image.copy(id, id);
            j.template = false;
            state.jails.put(id, j);
        }
        o.out("");
        o.out("Imported: " + id);
        return true;
    }

    /**
     * {@code zfs get -H -o value mountpoint <pool>/iocage/images} and the {@code find … -exec stat -f '%z %m %N'}
     * that lists the image files there, as JailDesk asks them; null for any other command of those tools.
     */
    String tool(String command, List<String> args) {
        synchronized (state) {
            if (command.equals("zfs") && args.equals(List.of("get", "-H", "-o", "value", "mountpoint",
                    state.activePool + "/iocage/images"))) {
                return images() + "\n";
            }
            if (!command.equals("find") || args.size() < 2 || !args.get(0).equals("-E") || !args.get(1).equals(images())
                    || !args.subList(2, args.size()).equals(FIND_EXPRESSION)) {
                return null;
            }
            StringBuilder out = new StringBuilder();
            state.images.forEach((file, j) -> {
                long time = j.exportedEpochSecond != 0 ? j.exportedEpochSecond
                        : LocalDate.parse(file.substring(file.lastIndexOf('_') + 1, file.lastIndexOf('_') + 11))
                                .atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                // Compressed, the files hold about two fifths of what the jail uses.
                out.append(j.usedBytes * 2 / 5).append(' ').append(time).append(' ').append(images()).append('/')
                        .append(file).append('\n');
            });
            return out.toString();
        }
    }

    /** find's expression after its folder, as JailDesk gives it (see the host's {@code Cli.imageFiles}). */
    private static final List<String> FIND_EXPRESSION = List.of("-maxdepth", "1", "-type", "f",
            "-regex", ".*/[A-Za-z0-9._-]+_[0-9]{4}-[0-9]{2}-[0-9]{2}\\.(zip|tar\\.xz)",
            "-exec", "/usr/bin/stat", "-f", "%z %m %N", "{}", "+");

    private String images() {
        return "/" + state.activePool + "/iocage/images";
    }

    /** The command's one operand: the last argument that is neither an option nor an option's value. */
    private static String operand(List<String> f) {
        String last = null;
        for (int i = 0; i < f.size(); i++) {
            String a = f.get(i);
            if (a.equals("-c") || a.equals("-p") || a.equals("--compression") || a.equals("--path")) {
                i++;
            } else if (!a.startsWith("-")) {
                last = a;
            }
        }
        return last;
    }
}
