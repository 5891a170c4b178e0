package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.domain.Size;

/**
 * The table's search: free words match name, id, address or release; {@code field:value} matches one field, with
 * {@code *} and {@code ?} wildcards; a leading {@code !} negates a term. All terms must hold.
 * Example: {@code state:up release:13.* !boot:on web}. A running jail's figures compare with {@code >} or {@code <}
 * ({@code >=}, {@code <=}): {@code cpu:>50} (percent of one CPU), {@code mem:>1G} (bytes, or with K, M, G or T, 1,024
 * apart); a jail without figures (stopped, or a host that reports none) matches no comparison. A property the table
 * shows as a column is a field too ({@code vnet:1}, {@code !allow_raw_sockets:1}), compared as a number with {@code >}
 * or {@code <} ({@code priority:<10}); a value that is not a number matches no comparison. The host's table adds
 * {@code protected:yes} / {@code protected:no} (jails protected from destroy) through the same columns function.
 */
public final class JailFilter {

    /** The fields a query may name, and how to read them from a jail. */
    static final java.util.Map<String, Function<Jail, String>> FIELDS = java.util.Map.ofEntries(
            java.util.Map.entry("state", j -> j.state().word()),
            java.util.Map.entry("name", Jail::tag),
            java.util.Map.entry("tag", Jail::tag),
            java.util.Map.entry("id", Jail::id),
            java.util.Map.entry("uuid", Jail::id),
            java.util.Map.entry("jid", j -> j.jid().isPresent() ? String.valueOf(j.jid().getAsInt()) : "-"),
            java.util.Map.entry("boot", j -> j.boot() ? "on" : "off"),
            java.util.Map.entry("type", Jail::type),
            java.util.Map.entry("release", Jail::release),
            java.util.Map.entry("ip", Jail::ip4),
            java.util.Map.entry("ip4", Jail::ip4),
            java.util.Map.entry("template", Jail::template));

    private JailFilter() {
    }

    /** The most of a query read; a pasted page is cut here rather than matched against every jail as it is. */
    public static final int MAX_QUERY = 1_000;

    /**
     * A predicate for the query (its first {@link #MAX_QUERY} characters); an empty query keeps every jail. Unknown
     * fields are matched as free text.
     */
    public static Predicate<Jail> parse(String query) {
        return parse(query, j -> null);
    }

    /** The same, with each running jail's figures for the comparisons ({@code cpu:>50}, {@code mem:>1G}). */
    public static Predicate<Jail> parse(String query, Function<Jail, JailUsage> usage) {
        return parse(query, usage, name -> null);
    }

    /**
     * The same, with the table's property columns as fields too: {@code columns} gives a shown property's value of each
     * jail, or null for a name that is no shown property.
     */
    public static Predicate<Jail> parse(String query, Function<Jail, JailUsage> usage,
                                        Function<String, Function<Jail, String>> columns) {
        List<Predicate<Jail>> terms = new ArrayList<>();
        if (query != null) {
            String read = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
            for (String raw : read.trim().split("\\s+")) {
                if (raw.isEmpty() || raw.equals("!")) {
                    continue;
                }
                boolean negate = raw.startsWith("!");
                String term = negate ? raw.substring(1) : raw;
                Predicate<Jail> p = term(term, usage, columns);
                terms.add(negate ? p.negate() : p);
            }
        }
        return jail -> terms.stream().allMatch(t -> t.test(jail));
    }

    /**
     * A predicate over the jails of several hosts ({@code T} a jail with its host): {@code host:} terms match the host's
     * name (wildcards, {@code !} negates), the other terms are read as {@link #parse(String)} reads them.
     */
    public static <T> Predicate<T> acrossHosts(String query, Function<T, String> host, Function<T, Jail> jail) {
        List<Predicate<T>> hosts = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        if (query != null) {
            String read = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
            for (String raw : read.trim().split("\\s+")) {
                boolean negate = raw.startsWith("!");
                String term = negate ? raw.substring(1) : raw;
                if (term.regionMatches(true, 0, "host:", 0, 5)) {
                    Glob g = new Glob(term.substring(5));
                    Predicate<T> p = t -> g.matches(host.apply(t));
                    hosts.add(negate ? p.negate() : p);
                } else {
                    rest.append(raw).append(' ');
                }
            }
        }
        Predicate<Jail> others = parse(rest.toString());
        return t -> others.test(jail.apply(t)) && hosts.stream().allMatch(p -> p.test(t));
    }

    /** Whether a query compares figures, so that new figures change what it lets through. */
    public static boolean comparesFigures(String query) {
        if (query == null) {
            return false;
        }
        String q = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        return FIGURE.matcher(q).find();
    }

    private static final java.util.regex.Pattern FIGURE =
            java.util.regex.Pattern.compile("(?i)(?:^|[\\s!])(?:cpu|mem|memory):[<>]");
    private static final java.util.regex.Pattern PERCENT = java.util.regex.Pattern.compile("\\d{1,12}(?:\\.\\d{1,6})?");

    private static Predicate<Jail> term(String term, Function<Jail, JailUsage> usage, Function<String, Function<Jail, String>> columns) {
        int colon = term.indexOf(':');
        if (colon > 0) {
            String name = term.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = term.substring(colon + 1);
            if ((name.equals("cpu") || name.equals("mem") || name.equals("memory"))
                    && (value.startsWith(">") || value.startsWith("<"))) {
                return compare(name.equals("cpu"), value, usage);
            }
            Function<Jail, String> column = FIELDS.containsKey(name) ? null : columns.apply(name);
            if (column != null && (value.startsWith(">") || value.startsWith("<"))) {
                return numberCompare(value, column);
            }
            Function<Jail, String> field = column != null ? column : FIELDS.get(name);
            if (field != null) {
                Glob g = new Glob(term.substring(colon + 1));
                return j -> g.matches(field.apply(j));
            }
        }
        String needle = term.toLowerCase(Locale.ROOT);
        return j -> j.tag().toLowerCase(Locale.ROOT).contains(needle) || j.id().toLowerCase(Locale.ROOT).contains(needle)
                || j.ip4().toLowerCase(Locale.ROOT).contains(needle) || j.release().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** {@code >N}, {@code >=N}, {@code <N} or {@code <=N} against a property's value, where both are numbers. */
    private static Predicate<Jail> numberCompare(String value, Function<Jail, String> column) {
        boolean greater = value.charAt(0) == '>';
        boolean orEqual = value.length() > 1 && value.charAt(1) == '=';
        String number = value.substring(orEqual ? 2 : 1);
        if (!PERCENT.matcher(number).matches()) {
            return j -> false;
        }
        double bound = Double.parseDouble(number);
        return j -> {
            String v = column.apply(j);
            if (v == null || !PERCENT.matcher(v).matches()) {
                return false;
            }
            double d = Double.parseDouble(v);
            return greater ? (orEqual ? d >= bound : d > bound) : (orEqual ? d <= bound : d < bound);
        };
    }

    /**
     * {@code >N}, {@code >=N}, {@code <N} or {@code <=N} against a running jail's CPU (percent) or memory (bytes; N a size
     * as {@link Size} reads one, 512M or 1.5G). A value that is not a number or a size matches nothing.
     */
    private static Predicate<Jail> compare(boolean cpu, String value, Function<Jail, JailUsage> usage) {
        boolean greater = value.charAt(0) == '>';
        boolean orEqual = value.length() > 1 && value.charAt(1) == '=';
        String number = value.substring(orEqual ? 2 : 1);
        double bound;
        if (cpu) {
            if (!PERCENT.matcher(number).matches()) {
                return j -> false;
            }
            bound = Double.parseDouble(number);
        } else {
            // Sizes as the disk usage view reads them (iocage's 1.69M, 83.4G): the same units, 1,024 apart.
            try {
                Size size = Size.parse(number);
                if (size.kind() != Size.Kind.BYTES) {
                    return j -> false;
                }
                bound = size.amount();
            } catch (IllegalArgumentException notASize) {
                return j -> false;
            }
        }
        return j -> {
            JailUsage u = usage.apply(j);
            if (u == null) {
                return false;
            }
            double v = cpu ? u.cpuPercent() : u.memoryBytes();
            return greater ? (orEqual ? v >= bound : v > bound) : (orEqual ? v <= bound : v < bound);
        };
    }

    /**
     * A wildcard pattern ({@code 13.*}, {@code 192.168.1.2?}) matched against a whole value, case-insensitive. Matched
     * by walking both strings, at most (pattern × value) steps: a regular expression made of it backtracked
     * exponentially ({@code name:*a*a*a*a*a*a*a*a x} against a 40-character name took a second on the FX thread, with 12
     * stars more than a minute).
     */
    static final class Glob {
        private final int[] pattern;

        Glob(String glob) {
            this.pattern = glob.toLowerCase(Locale.ROOT).codePoints().toArray();
        }

        boolean matches(String value) {
            int[] text = value.toLowerCase(Locale.ROOT).codePoints().toArray();
            int p = 0;
            int t = 0;
            int star = -1;
            int resume = 0;
            while (t < text.length) {
                if (p < pattern.length && (pattern[p] == '?' || pattern[p] == text[t])) {
                    p++;
                    t++;
                } else if (p < pattern.length && pattern[p] == '*') {
                    star = p++;
                    resume = t;
                } else if (star >= 0) {
                    // The last star takes one character more, and the rest of the pattern is tried from there.
                    p = star + 1;
                    t = ++resume;
                } else {
                    return false;
                }
            }
            while (p < pattern.length && pattern[p] == '*') {
                p++;
            }
            return p == pattern.length;
        }
    }
}
