package org.jaildesk.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jaildesk.domain.Wording.Phrase;

/** The iocage properties JailDesk knows, loaded once from {@code properties.tsv} (reference iocage-cli.md §4). */
public final class PropertyCatalog {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final PropertyCatalog STANDARD = load();

    private final Map<String, PropertyDef> defs;

    private PropertyCatalog(Map<String, PropertyDef> defs) {
        this.defs = Map.copyOf(defs);
    }

    public static PropertyCatalog standard() {
        return STANDARD;
    }

    public Optional<PropertyDef> find(String key) {
        return Optional.ofNullable(defs.get(key));
    }

    public Collection<PropertyDef> all() {
        return defs.values();
    }

    /** Whether a string could be a property key at all (letters, digits, underscore; not a flag). */
    public static boolean isWellFormedKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * Checks a {@code key=value} assignment. Unknown keys are refused: iocage would refuse them too, and a key we do
     * not know could carry anything.
     */
    public Optional<Wording> check(String key, String value, boolean forDefaults) {
        if (!isWellFormedKey(key)) {
            return Optional.of(Wording.of(Phrase.PROPERTY_NAME, Shown.of(String.valueOf(key))));
        }
        PropertyDef def = defs.get(key);
        if (def == null) {
            return Optional.of(Wording.of(Phrase.PROPERTY_UNKNOWN, key));
        }
        if (def.defaultsOnly() && !forDefaults) {
            return Optional.of(Wording.of(Phrase.PROPERTY_DEFAULTS_ONLY, key));
        }
        return def.check(value);
    }

    /** Rules every value obeys whatever its type: bounded length, printable, single line. */
    static Optional<Wording> checkText(String key, String value) {
        if (value.isEmpty()) {
            return Optional.of(Wording.of(Phrase.VALUE_MISSING, key));
        }
        if (value.length() > PropertyDef.MAX_VALUE_LENGTH) {
            return Optional.of(Wording.of(Phrase.VALUE_TOO_LONG, key, String.valueOf(value.length()),
                    String.valueOf(PropertyDef.MAX_VALUE_LENGTH)));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return Optional.of(Wording.of(Phrase.VALUE_CONTROL, key, String.valueOf((int) c)));
            }
        }
        return Optional.empty();
    }

    private static PropertyCatalog load() {
        Map<String, PropertyDef> defs = new LinkedHashMap<>();
        try (InputStream in = PropertyCatalog.class.getResourceAsStream("properties.tsv")) {
            if (in == null) {
                throw new IllegalStateException("properties.tsv is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = Arrays.copyOf(line.split("\t", -1), 7);
                List<String> flags = Arrays.asList(f[4].split(","));
                String extra = f[6] == null ? "" : f[6];
                long min = Long.MIN_VALUE;
                long max = Long.MAX_VALUE;
                List<String> choices = List.of();
                if (extra.contains("..")) {
                    String[] r = extra.split("\\.\\.");
                    min = Long.parseLong(r[0]);
                    max = Long.parseLong(r[1]);
                } else if (!extra.isEmpty()) {
                    choices = List.of(extra.split(","));
                }
                defs.put(f[0], new PropertyDef(f[0],
                        PropertyDef.Category.valueOf(f[1].toUpperCase(Locale.ROOT)),
                        PropertyDef.Type.valueOf(f[2].toUpperCase(Locale.ROOT)),
                        PropertyDef.Apply.valueOf(f[3].toUpperCase(Locale.ROOT)),
                        flags.contains("ro"), flags.contains("defaults"), flags.contains("legacy"),
                        flags.contains("stopped"), f[5], choices, min, max));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PropertyCatalog(defs);
    }
}
