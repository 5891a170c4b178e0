package org.jaildesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/** Prints one line per figure with its target and PASS/FAIL, and appends it to the results file. */
final class Figures {

    private final Path file;
    private int failures;

    Figures(Path file) {
        this.file = file;
    }

    void report(String name, String measured, String target, boolean pass) {
        String line = String.format(Locale.ROOT, "%-58s %-34s target %-22s %s", name, measured, target, pass ? "PASS" : "FAIL");
        if (!pass) {
            failures++;
        }
        write(line);
    }

    private void write(String line) {
        System.out.println(line);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** A figure with no target of its own, printed to explain the one above it. */
    void part(String name, String measured) {
        write(String.format(Locale.ROOT, "%-58s %s", name, measured));
    }

    int failures() {
        return failures;
    }

    static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
