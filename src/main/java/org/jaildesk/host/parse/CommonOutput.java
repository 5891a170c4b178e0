package org.jaildesk.host.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jaildesk.domain.Size;

/** Formats every iocage dialect shares. */
public final class CommonOutput {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CommonOutput() {
    }

    /**
     * {@code get all}: {@code prop:value} lines, split on the first separator only, because values contain it
     * ({@code interfaces:vnet0:bridge0}, tags like {@code 2016-02-09@23:47:04}).
     */
    public static Map<String, String> keyValues(String output, char separator) throws IocageParseException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Lines.Line line : Lines.meaningful(output)) {
            String t = line.text();
            int at = t.indexOf(separator);
            if (at <= 0) {
                throw IocageParseException.at("expected 'property" + separator + "value'", line.number(), t);
            }
            String key = t.substring(0, at);
            if (!KEY.matcher(key).matches()) {
                throw IocageParseException.at("'" + key + "' is not a property name", line.number(), t);
            }
            out.put(key, t.substring(at + 1));
        }
        if (out.isEmpty()) {
            throw new IocageParseException("no properties in the output");
        }
        return out;
    }

    /** One release name a line, each matching {@code name} in full once trimmed; the first line that does not is named. */
    static List<String> releaseLines(List<Lines.Line> lines, Pattern name) throws IocageParseException {
        List<String> out = new ArrayList<>();
        for (Lines.Line line : lines) {
            String r = line.text().trim();
            if (!name.matcher(r).matches()) {
                throw IocageParseException.at("not a release name", line.number(), line.text());
            }
            out.add(r);
        }
        return out;
    }

    /** Step lines of start/stop, whitespace squeezed: {@code + Started (shared IP mode) OK}. */
    public static List<String> steps(String output) {
        List<String> out = new ArrayList<>();
        for (Lines.Line line : Lines.meaningful(output)) {
            out.add(Lines.simplified(Progress.clean(line.text())));
        }
        return out;
    }

    /** A df figure must be a size, a ratio or a placeholder. */
    static String figure(String value, Lines.Line line) throws IocageParseException {
        try {
            Size.parse(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw IocageParseException.at(e.getMessage(), line.number(), line.text());
        }
    }

    /** Placeholders for "nothing" mapped explicitly to {@code -}. */
    static String dash(String v) {
        return v.isEmpty() || v.equals("-") || v.equals("None") || v.equals("none") ? "-" : v;
    }

    static String onOff(String v, Lines.Line line) throws IocageParseException {
        return switch (v) {
            case "on", "1", "yes" -> "on";
            case "off", "0", "no" -> "off";
            default -> throw IocageParseException.at("boot should be on or off, not '" + v + "'", line.number(), line.text());
        };
    }

    static String state(String v, Lines.Line line) throws IocageParseException {
        return switch (v) {
            case "up", "down", "CORRUPT" -> v;
            default -> throw IocageParseException.at("state should be up or down, not '" + v + "'", line.number(), line.text());
        };
    }

    /** 1 to 9 ASCII digits (a JID), without a regex: this runs once per listed jail. */
    static boolean digits(String v) {
        if (v.isEmpty() || v.length() > 9) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static String jid(String v, Lines.Line line) throws IocageParseException {
        if (v.equals("-") || v.equals("None")) {
            return "-";
        }
        if (!digits(v)) {
            throw IocageParseException.at("a JID should be a number or '-', not '" + v + "'", line.number(), line.text());
        }
        return v;
    }
}
