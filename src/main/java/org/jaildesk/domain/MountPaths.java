package org.jaildesk.domain;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jaildesk.domain.Wording.Phrase;

/**
 * The rules for a mount of a host folder into a jail (a line of its fstab), shared by the mount dialog (as you type)
 * and the host (before anything runs): both paths absolute, without control characters, '#' (an fstab comment), a
 * backslash (iocage's escapes) or a "." or ".." step, at most 1,024 characters (FreeBSD's PATH_MAX); the destination
 * is a folder inside the jail, not its root. A type and options are plain fstab words.
 */
public final class MountPaths {

    static final int MAX = 1024;
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]{0,15}");
    private static final Pattern OPTIONS = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_=.,:/-]{0,255}");

    private MountPaths() {
    }

    /** The problem with {@code path} as the host folder to mount; empty when it is fine. */
    public static Optional<Wording> checkSource(String path) {
        return check(path);
    }

    /** The problem with {@code path} as where in the jail to mount it; empty when it is fine. */
    public static Optional<Wording> checkDestination(String path) {
        Optional<Wording> p = check(path);
        return p.isPresent() || !path.equals("/") ? p : Optional.of(Wording.of(Phrase.MOUNT_ROOT));
    }

    public static Optional<Wording> checkType(String type) {
        return type != null && TYPE.matcher(type).matches() ? Optional.empty()
                : Optional.of(Wording.of(Phrase.MOUNT_TYPE, Shown.of(String.valueOf(type))));
    }

    public static Optional<Wording> checkOptions(String options) {
        return options != null && OPTIONS.matcher(options).matches() ? Optional.empty()
                : Optional.of(Wording.of(Phrase.MOUNT_OPTIONS, Shown.of(String.valueOf(options))));
    }

    private static Optional<Wording> check(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.of(Wording.of(Phrase.MOUNT_EMPTY));
        }
        if (path.length() > MAX) {
            return Optional.of(Wording.of(Phrase.MOUNT_TOO_LONG, Integer.toString(path.length())));
        }
        if (!path.startsWith("/")) {
            return Optional.of(Wording.of(Phrase.MOUNT_RELATIVE, Shown.of(path)));
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isISOControl(c) || c == '#' || c == '\\') {
                return Optional.of(Wording.of(Phrase.MOUNT_CHARACTER, Shown.of(path)));
            }
        }
        for (String step : path.split("/")) {
            if (step.equals(".") || step.equals("..")) {
                return Optional.of(Wording.of(Phrase.MOUNT_STEP, Shown.of(path)));
            }
        }
        return Optional.empty();
    }
}
