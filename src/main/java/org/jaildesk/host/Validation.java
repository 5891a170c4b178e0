package org.jaildesk.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jaildesk.domain.PropertyCatalog;
import org.jaildesk.domain.Shown;
import org.jaildesk.domain.Wording;

/**
 * Checks every value before it reaches an argv. Each check returns the problem in words, or empty. Nothing that
 * could be read as a flag, a path or a list of jails gets through.
 */
public final class Validation {

    /** Longest text any argument may have; longer ones are refused before they are even looked at. */
    public static final int MAX_ARG_LENGTH = 8192;

    // Legacy tags may hold '@' and ':' (default tags are timestamps like 2016-02-09@23:47:04).
    private static final Pattern JAIL_REF = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._@:-]{0,127}");
    private static final Pattern POOL = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Set<String> RESERVED_NAMES = Set.of("default", "help");
    private static final Set<String> RESERVED_POOLS = Set.of("mirror", "raidz", "raidz1", "raidz2", "raidz3", "draid",
            "spare", "log", "cache", "special", "dedup");

    private Validation() {
    }

    /** A jail that exists: a NAME (Python), UUID or tag (legacy). {@code default} only where settings allow it. */
    public static Optional<String> jail(String v, boolean allowDefault) {
        Optional<String> common = text("jail", v);
        if (common.isPresent()) {
            return common;
        }
        if (!JAIL_REF.matcher(v).matches()) {
            return Optional.of("invalid jail name '" + Shown.of(v) + "': use letters, digits and . _ - (not first), @ or :");
        }
        if (v.contains("ALL")) {
            return Optional.of("invalid jail name '" + v + "': iocage reads any name containing ALL as every jail");
        }
        if (v.equals("..") || v.equals(".")) {
            return Optional.of("invalid jail name '" + v + "'");
        }
        if (!allowDefault && RESERVED_NAMES.contains(v)) {
            return Optional.of("'" + v + "' is not a jail");
        }
        return Optional.empty();
    }

    /** A name for a new jail: the rule the dialogs use too ({@link org.jaildesk.domain.JailNames}). */
    public static Optional<String> newName(String v) {
        Optional<String> common = text("name", v);
        return common.isPresent() ? common : org.jaildesk.domain.JailNames.checkNew(v).map(Wording::english);
    }

    /** A snapshot's name: the rule the snapshot dialog uses too ({@link org.jaildesk.domain.SnapshotNames}). */
    public static Optional<String> snapshot(String v) {
        Optional<String> common = text("snapshot", v);
        return common.isPresent() ? common : org.jaildesk.domain.SnapshotNames.check(v).map(Wording::english);
    }

    /** An image's name for {@code import}: the rule the import dialog uses too ({@link org.jaildesk.domain.ImageNames}). */
    public static Optional<String> image(String v) {
        Optional<String> common = text("image", v);
        return common.isPresent() ? common : org.jaildesk.domain.ImageNames.check(v).map(Wording::english);
    }

    /** A mount's paths, type and options: the rules the mount dialog uses too ({@link org.jaildesk.domain.MountPaths}). */
    public static Optional<String> mountSource(String v) {
        return mount("source", v, org.jaildesk.domain.MountPaths::checkSource);
    }

    public static Optional<String> mountDestination(String v) {
        return mount("destination", v, org.jaildesk.domain.MountPaths::checkDestination);
    }

    public static Optional<String> mountType(String v) {
        return mount("type", v, org.jaildesk.domain.MountPaths::checkType);
    }

    public static Optional<String> mountOptions(String v) {
        return mount("options", v, org.jaildesk.domain.MountPaths::checkOptions);
    }

    private static Optional<String> mount(String what, String v, java.util.function.Function<String, Optional<Wording>> rule) {
        Optional<String> common = text(what, v);
        return common.isPresent() ? common : rule.apply(v).map(w -> what + ": " + w.english());
    }

    public static Optional<String> pool(String v) {
        Optional<String> common = text("pool", v);
        if (common.isPresent()) {
            return common;
        }
        if (!POOL.matcher(v).matches() || RESERVED_POOLS.contains(v)) {
            return Optional.of("invalid pool name '" + Shown.of(v) + "': a ZFS pool name starts with a letter and holds letters, digits, _ . -");
        }
        return Optional.empty();
    }

    /** The user a command runs as: the rule the command consoles use too ({@link org.jaildesk.domain.CommandLines}). */
    public static Optional<String> user(String v) {
        Optional<String> common = text("user", v);
        return common.isPresent() ? common : org.jaildesk.domain.CommandLines.checkUser(v).map(Wording::english);
    }

    public static Optional<String> release(String v) {
        Optional<String> common = text("release", v);
        if (common.isPresent()) {
            return common;
        }
        return org.jaildesk.domain.ReleaseNames.isValid(v) ? Optional.empty()
                : Optional.of("invalid release '" + Shown.of(v) + "': expected a FreeBSD release such as 13.2-RELEASE");
    }

    /** A release to upgrade a jail to: the rule the upgrade dialog uses too ({@link org.jaildesk.domain.ReleaseNames}). */
    public static Optional<String> upgradeTarget(String v) {
        Optional<String> common = text("release", v);
        return common.isPresent() ? common : org.jaildesk.domain.ReleaseNames.checkUpgradeTarget(v).map(Wording::english);
    }

    /** A property name to read: one the catalog knows, or {@code all}. */
    public static Optional<String> propertyToRead(String v) {
        Optional<String> common = text("prop", v);
        if (common.isPresent()) {
            return common;
        }
        if (v.equals("all") || PropertyCatalog.standard().find(v).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(PropertyCatalog.isWellFormedKey(v) ? v + " is not a known iocage property"
                : "'" + Shown.of(v) + "' is not a property name");
    }

    /** The command for execjail, one line run inside the jail: the consoles' rule too ({@link org.jaildesk.domain.CommandLines}). */
    public static Optional<String> command(String v) {
        return org.jaildesk.domain.CommandLines.checkCommand(v).map(Wording::english);
    }

    /** One {@code key=value} assignment, checked against the property catalog. */
    public record Assignment(String key, String value) {
        public String argument() {
            return key + "=" + value;
        }
    }

    /**
     * Splits a sysadm {@code props} string ({@code "tag=test release=10.2-RELEASE boot=on"}) into assignments. Values
     * cannot hold spaces in this form (the API joins them with spaces); a JSON object form carries those.
     */
    public static List<Assignment> splitProps(String props) throws IllegalArgumentException {
        List<Assignment> out = new ArrayList<>();
        Optional<String> common = text("props", props);
        if (props.isEmpty()) {
            return out;
        }
        if (common.isPresent()) {
            throw new IllegalArgumentException(common.get());
        }
        for (String token : props.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + Shown.of(token) + "' in props is not key=value");
            }
            out.add(new Assignment(token.substring(0, eq), token.substring(eq + 1)));
        }
        return out;
    }

    /** Rules shared by every argument: present, bounded, no control characters, not a flag. */
    static Optional<String> text(String what, String v) {
        if (v == null || v.isEmpty()) {
            return Optional.of(what + " is empty");
        }
        if (v.length() > MAX_ARG_LENGTH) {
            return Optional.of(what + " is too long (" + v.length() + " characters)");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                return Optional.of(what + " contains a control character (code " + (int) v.charAt(i) + ")");
            }
        }
        if (v.startsWith("-")) {
            return Optional.of(what + " '" + Shown.of(v) + "' would be read as an option");
        }
        return Optional.empty();
    }

}
