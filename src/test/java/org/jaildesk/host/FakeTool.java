package org.jaildesk.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * For tests: a stand-in for one of the host's own programs ({@link Tool}) in a folder. Run, it notes its locale and
 * arguments in {@code <name>.argv}, prints what it was given, says {@code stderr} on standard error (when there is
 * any) and exits with {@code code}.
 */
final class FakeTool {

    private FakeTool() {
    }

    static Path write(Path dir, String name, String out, String stderr, int code) throws IOException {
        Files.writeString(dir.resolve(name + ".out"), out);
        Files.writeString(dir.resolve(name + ".err"), stderr == null ? "" : stderr + "\n");
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\nprintf '%s\\n' \"LC_ALL=$LC_ALL\" \"$@\" > \"" + dir.resolve(name + ".argv") + "\"\n"
                + "cat \"" + dir.resolve(name + ".out") + "\"\ncat \"" + dir.resolve(name + ".err") + "\" >&2\nexit " + code + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    /** What it noted when it last ran: {@code LC_ALL=…}, then its arguments; nothing when it never ran. */
    static List<String> noted(Path dir, String name) throws IOException {
        Path p = dir.resolve(name + ".argv");
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }

    /** The arguments it last ran with; none when it never ran. */
    static List<String> argv(Path dir, String name) throws IOException {
        List<String> noted = noted(dir, name);
        return noted.isEmpty() ? noted : noted.subList(1, noted.size());
    }
}
