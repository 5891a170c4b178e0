package org.jaildesk.ui.common;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Lines of CSV as the exports write them (the jobs' history, a server's action log): values as RFC 4180 has them
 * (quoted where needed, a line break kept inside its quotes, lines ended by CR LF); a value a spreadsheet would take
 * for a formula ({@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return first: what a host or a user put
 * into a value could be one) gets a {@code '} before it, so that opening the file never runs it.
 */
public final class Csv {

    private Csv() {
    }

    /** One line of {@code values}, with its line end. */
    public static void line(List<String> values, Writer out) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(values.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * One value as a cell: quoted where it must be, a formula made text; null is empty. A lone {@code -} (iocage's and
     * the tables' word for none) is no formula and stays as it is.
     */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && !v.equals("-") && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
