package org.jaildesk.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A human-readable ZFS figure as iocage prints it: a size ({@code 96K}, {@code 1.69M}, {@code 83.4G}, {@code 426G},
 * {@code 0B}), a compression ratio ({@code 2.30x}) or a placeholder ({@code none}, {@code -}, {@code off}).
 * Sizes compare by bytes, so {@code 1.5G} sorts above {@code 900M}; placeholders sort below every number.
 */
public record Size(Kind kind, double amount, String text) implements Comparable<Size> {

    /** What the text was. */
    public enum Kind { NONE, BYTES, RATIO }

    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([BKMGTPE]?)(?:i?B)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern RATIO = Pattern.compile("(\\d+(?:\\.\\d+)?)x", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "BKMGTPE";

    public Size {
        if (kind == null || text == null) {
            throw new IllegalArgumentException("kind and text are required");
        }
    }

    public static final Size NONE = new Size(Kind.NONE, 0, "none");

    /**
     * Parses one iocage figure.
     *
     * @throws IllegalArgumentException naming the text when it is neither a size, a ratio nor a placeholder
     */
    public static Size parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("size is missing");
        }
        String text = raw.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("none") || lower.equals("-") || lower.equals("off") || lower.equals("readonly")) {
            return new Size(Kind.NONE, 0, text.isEmpty() ? "-" : text);
        }
        Matcher ratio = RATIO.matcher(text);
        if (ratio.matches()) {
            return new Size(Kind.RATIO, Double.parseDouble(ratio.group(1)), text);
        }
        Matcher bytes = BYTES.matcher(text);
        if (bytes.matches()) {
            String unit = bytes.group(2).toUpperCase(Locale.ROOT);
            int power = unit.isEmpty() ? 0 : UNITS.indexOf(unit.charAt(0));
            return new Size(Kind.BYTES, Double.parseDouble(bytes.group(1)) * Math.pow(1024, power), text);
        }
        throw new IllegalArgumentException("not a size: '" + Shown.of(text) + "'");
    }

    /** Bytes for a size; 0 for a placeholder or a ratio. */
    public long bytes() {
        return kind == Kind.BYTES ? Math.round(amount) : 0;
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /** Formats bytes the way ZFS does ({@code 1.69M}, {@code 412G}). */
    public static Size ofBytes(long bytes) {
        if (bytes < 1024) {
            return new Size(Kind.BYTES, bytes, bytes + "B");
        }
        double v = bytes;
        int power = 0;
        while (v >= 1024 && power < UNITS.length() - 1) {
            v /= 1024;
            power++;
        }
        String number = v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return new Size(Kind.BYTES, bytes, number + UNITS.charAt(power));
    }

    @Override
    public int compareTo(Size other) {
        int byKind = Integer.compare(kind.ordinal(), other.kind.ordinal());
        return byKind != 0 ? byKind : Double.compare(amount, other.amount);
    }

    @Override
    public String toString() {
        return text;
    }
}
