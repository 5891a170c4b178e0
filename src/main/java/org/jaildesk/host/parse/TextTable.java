package org.jaildesk.host.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Python iocage's texttable output ({@code +---+} borders, a row separator after every row). Cells are cut at
 * the {@code +} positions of the first border, never split on {@code |}, because cells contain it
 * ({@code em0|192.168.1.21/24}).
 */
public final class TextTable {

    /** The header (empty when the table has none) and the rows, each cell trimmed. */
    public record Table(List<String> header, List<List<String>> rows) {
    }

    private TextTable() {
    }

    public static boolean looksLikeTable(List<Lines.Line> lines) {
        return !lines.isEmpty() && lines.get(0).text().startsWith("+");
    }

    public static Table parse(List<Lines.Line> lines) throws IocageParseException {
        if (!looksLikeTable(lines)) {
            throw new IocageParseException("expected a table starting with '+'"
                    + (lines.isEmpty() ? ", got no output" : " (line " + lines.get(0).number() + ")"));
        }
        String border = lines.get(0).text().stripTrailing();
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < border.length(); i++) {
            char c = border.charAt(i);
            if (c == '+') {
                cuts.add(i);
            } else if (c != '-' && c != '=') {
                throw IocageParseException.at("bad table border", lines.get(0).number(), border);
            }
        }
        if (cuts.size() < 2 || cuts.get(0) != 0) {
            throw IocageParseException.at("bad table border", lines.get(0).number(), border);
        }
        List<String> header = List.of();
        List<List<String>> rows = new ArrayList<>();
        List<String> pending = null;
        for (int k = 1; k < lines.size(); k++) {
            Lines.Line line = lines.get(k);
            String t = line.text().stripTrailing();
            if (t.startsWith("+")) {
                if (t.length() != border.length()) {
                    throw IocageParseException.at("table border of another width", line.number(), t);
                }
                if (pending != null) {
                    if (t.contains("=") && header.isEmpty() && rows.isEmpty()) {
                        header = List.copyOf(pending);
                    } else {
                        rows.add(List.copyOf(pending));
                    }
                    pending = null;
                }
                continue;
            }
            if (!t.startsWith("|")) {
                throw IocageParseException.at("unexpected line in a table", line.number(), t);
            }
            if (t.length() != border.length()) {
                throw IocageParseException.at("table row of another width", line.number(), t);
            }
            List<String> cells = new ArrayList<>(cuts.size() - 1);
            for (int c = 0; c + 1 < cuts.size(); c++) {
                if (t.charAt(cuts.get(c)) != '|') {
                    throw IocageParseException.at("table row does not line up with the border", line.number(), t);
                }
                cells.add(t.substring(cuts.get(c) + 1, cuts.get(c + 1)).trim());
            }
            if (pending == null) {
                pending = cells;
            } else {
                // A cell wrapped onto a second line: join the parts.
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        pending.set(c, (pending.get(c) + " " + cells.get(c)).trim());
                    }
                }
            }
        }
        if (pending != null) {
            throw new IocageParseException("table ends without a border after its last row");
        }
        return new Table(header, rows);
    }
}
