package org.jaildesk.domain;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A sentence JailDesk itself says about a name or a value: why it is refused, or what a property takes. The host
 * answers and logs it in English ({@link #english()}); the desktop shows it in the user's language, from its bundles'
 * {@code wording.<phrase>} keys with the same arguments. An argument may itself be a wording (what a property takes,
 * inside "not a valid value"), said in the same language.
 */
public record Wording(Phrase phrase, List<Object> args) {

    /** The phrases, each with its English pattern ({@link MessageFormat}: quotes doubled). */
    public enum Phrase {
        NAME_EMPTY("name is empty"),
        NAME_OPTION("name ''{0}'' would be read as an option"),
        NAME_INVALID("invalid jail name ''{0}'': use letters, digits and . _ - (not first), at most 120 characters"),
        NAME_RESERVED("''{0}'' cannot be a jail name: iocage reserves it"),
        SNAPSHOT_INVALID("invalid snapshot name ''{0}'': use letters, digits and _ . : - (not first), at most 128 characters"),
        IMAGE_INVALID("invalid image name ''{0}'': give it as export named it, the jail''s name, _ and the day"
                + " (mail_2026-11-27), with .zip or .tar.xz or without"),
        MOUNT_EMPTY("give a path"),
        MOUNT_TOO_LONG("the path is too long ({0} characters, at most 1024)"),
        MOUNT_RELATIVE("''{0}'' is not an absolute path: start it with /"),
        MOUNT_CHARACTER("''{0}'' contains a control character, ''#'' (an fstab comment) or a backslash"),
        MOUNT_STEP("''{0}'' has a . or .. step: give the folder''s own path"),
        MOUNT_ROOT("the root of the jail itself cannot be a mount point: choose a folder in it"),
        MOUNT_TYPE("invalid file system type ''{0}'': a word such as nullfs"),
        MOUNT_OPTIONS("invalid mount options ''{0}'': words separated by commas, such as ro or rw"),
        SNAPSHOT_RESERVED("''{0}'' cannot be a snapshot name: iocage reads it as every snapshot of the jail"),
        UPGRADE_INVALID("invalid release ''{0}'': give the release to upgrade to, such as 14.1-RELEASE, without a patch level"),
        UPGRADE_NOT_NEWER("{0} is at {1}: {2} is no newer release to upgrade to"),
        UPGRADE_NO_RELEASE("{0} has no release to upgrade ({1})"),
        COMMAND_EMPTY("command is empty"),
        COMMAND_TOO_LONG("command is too long ({0} characters, at most {1})"),
        COMMAND_CONTROL("command contains a control character (code {0})"),
        USER_EMPTY("user is empty"),
        USER_INVALID("invalid user name ''{0}''"),
        PROPERTY_NAME("''{0}'' is not a property name"),
        PROPERTY_UNKNOWN("{0} is not a known iocage property"),
        PROPERTY_DEFAULTS_ONLY("{0} can only be changed in the defaults"),
        VALUE_READ_ONLY("{0} cannot be changed"),
        VALUE_MISSING("{0} needs a value"),
        VALUE_TOO_LONG("the value of {0} is too long ({1} characters, at most {2})"),
        VALUE_CONTROL("the value of {0} contains an invisible control character (code {1})"),
        VALUE_INVALID("''{0}'' is not a valid value for {1}: {2}"),
        TAKES_BOOL("on/off (also 1/0, yes/no, true/false)"),
        TAKES_INT("a whole number from {0} to {1}"),
        TAKES_TEXT("text"),
        TAKES_CHOICE("one of {0}"),
        TAKES_SIZE("none or a size such as 512M or 20G"),
        TAKES_QUOTA("none or a size with M, G or T, such as 20G"),
        TAKES_IP4("none, DHCP, or addresses like em0|192.168.1.21/24, comma separated"),
        TAKES_IP6("none, or addresses like em0|fd00::21/64, comma separated"),
        TAKES_RCTL("off, or action=amount such as deny=8G"),
        TAKES_CPUSET("off, all, a CPU list such as 0,1 or a range such as 0-3"),
        TAKES_NAMES("none or names separated by spaces"),
        TAKES_MAC("none or two MAC addresses separated by a space"),
        TAKES_INTERFACES("vnetN:bridgeM pairs, comma separated, at most 4");

        private final String english;

        Phrase(String english) {
            this.english = english;
        }

        public String pattern() {
            return english;
        }

        /** The key of its wording in the desktop's bundles. */
        public String key() {
            return "wording." + name().toLowerCase(Locale.ROOT).replace('_', '.');
        }
    }

    public Wording {
        Objects.requireNonNull(phrase, "phrase");
        for (Object a : args) {
            if (!(a instanceof String) && !(a instanceof Wording)) {
                // Strings only (a number would be formatted by locale, 1024 as "1,024"), or a wording said alike.
                throw new IllegalArgumentException("an argument is a string or a wording, not " + a);
            }
        }
        args = List.copyOf(args);
    }

    public static Wording of(Phrase phrase, Object... args) {
        return new Wording(phrase, List.of(args));
    }

    /** In English, as the host answers it. */
    public String english() {
        return say(Phrase::pattern, Locale.ROOT);
    }

    /**
     * Said with {@code patterns} (each phrase's pattern in some language), nested wordings alike; {@code locale} for
     * {@link MessageFormat}.
     */
    public String say(Function<Phrase, String> patterns, Locale locale) {
        Object[] said = args.stream().map(a -> a instanceof Wording w ? w.say(patterns, locale) : a).toArray();
        return new MessageFormat(patterns.apply(phrase), locale).format(said);
    }

    @Override
    public String toString() {
        return english();
    }
}
