package org.jaildesk.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jaildesk.domain.Wording.Phrase;

/**
 * What JailDesk knows about one iocage property: where it belongs, its type, whether it can be changed and when a
 * change takes effect. Validation here is stricter than iocage's own (which only checks substrings).
 */
public record PropertyDef(String key, Category category, Type type, Apply apply, boolean readOnly,
                          boolean defaultsOnly, boolean legacyOnly, boolean needsStoppedJail,
                          String defaultValue, List<String> choices, long min, long max) {

    public enum Category { IDENTITY, NETWORK, RESOURCES, JAIL, ZFS, OTHER }

    public enum Type { BOOL, INT, STRING, ENUM, SIZE, QUOTA, IP4, IP6, RCTL, CPUSET, NAMES, MAC, INTERFACES }

    /** When a change takes effect. */
    public enum Apply { LIVE, RESTART, META, ZFS, NONE }

    /** Longest property value accepted; iocage stores them in JSON and ZFS user properties. */
    public static final int MAX_VALUE_LENGTH = 1024;

    private static final Pattern INT = Pattern.compile("-?\\d{1,10}");
    private static final Pattern SIZE = Pattern.compile("(?i)\\d+(\\.\\d+)?[KMGTP]?");
    private static final Pattern QUOTA = Pattern.compile("(?i)\\d+(\\.\\d+)?[MGT]");
    private static final Pattern RCTL_PY = Pattern.compile("(?i)(deny|log|devctl|sig[a-z0-9]+|throttle)=\\d+[bkmgtp]?");
    private static final Pattern RCTL_LEGACY = Pattern.compile("(?i)\\d+[bkmgtp]?:(deny|log|devctl|sig[a-z0-9]+|throttle)");
    private static final Pattern CPUSET = Pattern.compile("all|off|\\d{1,4}(,\\d{1,4})*|\\d{1,4}-\\d{1,4}");
    private static final Pattern NAME_LIST = Pattern.compile("[A-Za-z0-9._-]+( [A-Za-z0-9._-]+)*");
    private static final Pattern MAC = Pattern.compile("(?i)[0-9a-f]{12}[ ,][0-9a-f]{12}");
    private static final Pattern IFACES = Pattern.compile("vnet[0-3]:[A-Za-z0-9_.]+(,vnet[0-3]:[A-Za-z0-9_.]+){0,3}");
    private static final Pattern IFACE = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,15}");
    private static final Pattern IP4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern IP6 = Pattern.compile("(?i)[0-9a-f:]*:[0-9a-f:.]*(/(12[0-8]|1[01]\\d|[1-9]?\\d))?");

    /** Whether {@code name} can be a FreeBSD interface's name ({@code em0}, {@code lagg0.100}, {@code bridge1}): at most 16. */
    public static boolean isInterfaceName(String name) {
        return name != null && IFACE.matcher(name).matches();
    }

    private static final List<String> BOOL_WORDS = List.of("0", "1", "off", "on", "no", "yes", "false", "true");
    private static final List<String> ON_WORDS = List.of("1", "on", "yes", "true");
    private static final List<String> OFF_WORDS = List.of("0", "off", "no", "false");

    /** Whether a boolean property's value is on, as iocage reads it ({@code 1}, {@code on}, {@code yes}, {@code true}). */
    public static boolean isOn(String v) {
        return v != null && ON_WORDS.contains(v.toLowerCase(Locale.ROOT));
    }

    /** Whether a boolean property's value is off ({@code 0}, {@code off}, {@code no}, {@code false}). */
    public static boolean isOff(String v) {
        return v != null && OFF_WORDS.contains(v.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks a value for this property. Returns the problem, or empty when the value is fine.
     * Read-only properties are refused here too.
     */
    public Optional<Wording> check(String value) {
        if (readOnly) {
            return Optional.of(Wording.of(Phrase.VALUE_READ_ONLY, key));
        }
        if (value == null) {
            return Optional.of(Wording.of(Phrase.VALUE_MISSING, key));
        }
        Optional<Wording> text = PropertyCatalog.checkText(key, value);
        if (text.isPresent()) {
            return text;
        }
        String v = value.trim();
        boolean ok = switch (type) {
            case BOOL -> BOOL_WORDS.contains(v.toLowerCase(Locale.ROOT));
            case INT -> INT.matcher(v).matches() && inRange(Long.parseLong(v));
            case STRING -> true;
            case ENUM -> choices.contains(v);
            case SIZE -> v.equals("none") || SIZE.matcher(v).matches();
            case QUOTA -> v.equals("none") || QUOTA.matcher(v).matches();
            case IP4 -> addressList(v, false);
            case IP6 -> addressList(v, true);
            case RCTL -> v.equals("off") || RCTL_PY.matcher(v).matches() || RCTL_LEGACY.matcher(v).matches();
            case CPUSET -> CPUSET.matcher(v).matches();
            case NAMES -> v.equals("none") || NAME_LIST.matcher(v).matches();
            case MAC -> v.equals("none") || MAC.matcher(v).matches();
            case INTERFACES -> IFACES.matcher(v).matches();
        };
        return ok ? Optional.empty() : Optional.of(Wording.of(Phrase.VALUE_INVALID, Shown.of(v), key, expected()));
    }

    /** A short description of what the property accepts, for editors and error messages. */
    public Wording expected() {
        return switch (type) {
            case BOOL -> Wording.of(Phrase.TAKES_BOOL);
            case INT -> Wording.of(Phrase.TAKES_INT, String.valueOf(min), String.valueOf(max));
            case STRING -> Wording.of(Phrase.TAKES_TEXT);
            case ENUM -> Wording.of(Phrase.TAKES_CHOICE, String.join(", ", choices));
            case SIZE -> Wording.of(Phrase.TAKES_SIZE);
            case QUOTA -> Wording.of(Phrase.TAKES_QUOTA);
            case IP4 -> Wording.of(Phrase.TAKES_IP4);
            case IP6 -> Wording.of(Phrase.TAKES_IP6);
            case RCTL -> Wording.of(Phrase.TAKES_RCTL);
            case CPUSET -> Wording.of(Phrase.TAKES_CPUSET);
            case NAMES -> Wording.of(Phrase.TAKES_NAMES);
            case MAC -> Wording.of(Phrase.TAKES_MAC);
            case INTERFACES -> Wording.of(Phrase.TAKES_INTERFACES);
        };
    }

    private boolean inRange(long v) {
        return v >= min && v <= max;
    }

    private static boolean addressList(String v, boolean six) {
        if (v.equals("none")) {
            return true;
        }
        for (String part : v.split(",", -1)) {
            String item = part;
            int bar = item.indexOf('|');
            if (bar >= 0) {
                if (!IFACE.matcher(item.substring(0, bar)).matches() && !item.startsWith("DEFAULT|")) {
                    return false;
                }
                item = item.substring(bar + 1);
            }
            if (item.equalsIgnoreCase("dhcp") && !six || six && item.equals("accept_rtadv")) {
                continue;
            }
            if (!(six ? IP6 : IP4).matcher(item).matches()) {
                return false;
            }
        }
        return true;
    }
}
