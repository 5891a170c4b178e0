package org.jaildesk.host.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits iocage output into lines and drops the start-up noise iocage prints before real output. */
public final class Lines {

    /** A line and its 1-based number in the original output, for error messages. */
    public record Line(int number, String text) {
    }

    // Python iocage (reference iocage-cli.md §2.2) and legacy (§2.1) banners; anything else is real output.
    private static final List<Pattern> NOISE = List.of(
            Pattern.compile("\\*{80}"),
            Pattern.compile("mount -t fdescfs null /dev/fd"),
            Pattern.compile("fdescfs\\s+/dev/fd\\s+fdescfs\\s+rw\\s+0\\s+0"),
            Pattern.compile("\\s*(INFO: )?Creating \\S+/iocage(/\\S*)?(\\.\\.\\.)?\\s*"),
            Pattern.compile("Default configuration missing, creating one"),
            Pattern.compile("Setting up zpool \\[\\S+\\] for iocage usage(\\.\\.\\.)?"),
            Pattern.compile("If you wish to change( zpool)?,? (please )?use [\"']?iocage activate[\"']?\\.?"));

    private Lines() {
    }

    /** All lines, numbered, with trailing carriage returns removed. Empty output gives no lines. */
    public static List<Line> of(String output) {
        List<Line> out = new ArrayList<>();
        if (output == null || output.isEmpty()) {
            return out;
        }
        String[] parts = output.split("\n", -1);
        int n = parts.length;
        if (parts[n - 1].isEmpty()) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            String t = parts[i];
            if (t.endsWith("\r")) {
                t = t.substring(0, t.length() - 1);
            }
            out.add(new Line(i + 1, t));
        }
        return out;
    }

    /** The lines without blank lines and known banners. */
    public static List<Line> meaningful(String output) {
        List<Line> out = new ArrayList<>();
        for (Line l : of(output)) {
            if (!l.text().isBlank() && !isNoise(l.text())) {
                out.add(l);
            }
        }
        return out;
    }

    /** Makes one matched line of a program's output a value, or null to leave the line out; may refuse it. */
    public interface RowReader<T> {
        T read(Matcher m, Line line) throws IocageParseException;
    }

    /**
     * A program's output of one record a line (empty lines aside): each line must match {@code row} whole, or the
     * output is an {@link IocageParseException} saying {@code expected} and naming the line.
     */
    public static <T> List<T> matched(String output, Pattern row, String expected, RowReader<T> read) throws IocageParseException {
        List<T> out = new ArrayList<>();
        for (Line l : of(output)) {
            if (l.text().isEmpty()) {
                continue;
            }
            Matcher m = row.matcher(l.text());
            if (!m.matches()) {
                throw IocageParseException.at(expected, l.number(), org.jaildesk.domain.Shown.of(l.text(), 120));
            }
            T value = read.read(m, l);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    public static boolean isNoise(String line) {
        // Every banner starts with one of these; a listing row (a JID, '-' or "None") never does. Skips the regexes.
        if (line.isEmpty() || "*mfCDSI ".indexOf(line.charAt(0)) < 0) {
            return false;
        }
        for (Pattern p : NOISE) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Trims and squeezes runs of white space, as the sysadm server did with {@code simplified()}. */
    public static String simplified(String line) {
        return line.trim().replaceAll("\\s+", " ");
    }
}
