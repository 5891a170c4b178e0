package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jaildesk.domain.Jail;

/**
 * The table's search: free words match name, id, address or release; {@code field:value} matches one field, with
 * {@code *} and {@code ?} wildcards; a leading {@code !} negates a term. All terms must hold.
 * Example: {@code state:up release:13.* !boot:on web}.
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

    /** A predicate for the query; an empty query keeps every jail. Unknown fields are matched as free text. */
    public static Predicate<Jail> parse(String query) {
        List<Predicate<Jail>> terms = new ArrayList<>();
        if (query != null) {
            for (String raw : query.trim().split("\\s+")) {
                if (raw.isEmpty() || raw.equals("!")) {
                    continue;
                }
                boolean negate = raw.startsWith("!");
                String term = negate ? raw.substring(1) : raw;
                Predicate<Jail> p = term(term);
                terms.add(negate ? p.negate() : p);
            }
        }
        return jail -> terms.stream().allMatch(t -> t.test(jail));
    }

    private static Predicate<Jail> term(String term) {
        int colon = term.indexOf(':');
        if (colon > 0) {
            Function<Jail, String> field = FIELDS.get(term.substring(0, colon).toLowerCase(Locale.ROOT));
            if (field != null) {
                Pattern p = glob(term.substring(colon + 1));
                return j -> p.matcher(field.apply(j)).matches();
            }
        }
        String needle = term.toLowerCase(Locale.ROOT);
        return j -> j.tag().toLowerCase(Locale.ROOT).contains(needle) || j.id().toLowerCase(Locale.ROOT).contains(needle)
                || j.ip4().toLowerCase(Locale.ROOT).contains(needle) || j.release().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** {@code 13.*} → {@code 13\..*}, case-insensitive, whole value. */
    static Pattern glob(String g) {
        StringBuilder b = new StringBuilder();
        for (char c : g.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
