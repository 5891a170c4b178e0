package org.jaildesk.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** iocage's output styles: ZFS sizes, Python's texttable, legacy develop's {@code column -t}. */
final class Formats {

    private Formats() {
    }

    /** Bytes as {@code zfs get} prints them: 96K, 1.69M, 412G. */
    static String size(long bytes) {
        String units = "BKMGTP";
        double v = bytes;
        int i = 0;
        while (v >= 1024 && i < units.length() - 1) {
            v /= 1024;
            i++;
        }
        if (i == 0) {
            return bytes + "B";
        }
        String n = v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return n + units.charAt(i);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    /** Python texttable: bordered, centred header, a separator after every row (reference §3.1). */
    static String textTable(List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = header.get(c).length();
            for (List<String> r : rows) {
                w[c] = Math.max(w[c], r.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        String line = border(w, '-');
        b.append(line);
        b.append('|');
        for (int c = 0; c < w.length; c++) {
            String h = header.get(c);
            int left = (w[c] - h.length()) / 2;
            b.append(' ').append(" ".repeat(left)).append(h).append(" ".repeat(w[c] - h.length() - left)).append(" |");
        }
        b.append('\n').append(border(w, '='));
        for (List<String> r : rows) {
            b.append('|');
            for (int c = 0; c < w.length; c++) {
                b.append(' ').append(r.get(c)).append(" ".repeat(w[c] - r.get(c).length())).append(" |");
            }
            b.append('\n').append(line);
        }
        return b.toString();
    }

    private static String border(int[] w, char fill) {
        StringBuilder b = new StringBuilder("+");
        for (int c : w) {
            b.append(String.valueOf(fill).repeat(c + 2)).append('+');
        }
        return b.append('\n').toString();
    }

    /** BSD {@code column -t}: each column padded to its width plus two spaces (legacy develop). */
    static String columns(List<List<String>> rows) {
        List<Integer> w = new ArrayList<>();
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                if (w.size() <= c) {
                    w.add(0);
                }
                w.set(c, Math.max(w.get(c), r.get(c).length()));
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder l = new StringBuilder();
            for (int c = 0; c < r.size(); c++) {
                l.append(r.get(c));
                if (c + 1 < r.size()) {
                    l.append(" ".repeat(w.get(c) - r.get(c).length() + 2));
                }
            }
            b.append(l.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
