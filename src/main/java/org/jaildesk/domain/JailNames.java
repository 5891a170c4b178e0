package org.jaildesk.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rule for naming a new jail, shared by the dialogs (as you type) and the host (before anything runs). */
public final class JailNames {

    // Python iocage's own rule (reference iocage-cli.md §2.2), not starting with - or .
    private static final Pattern NEW_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,119}");

    private JailNames() {
    }

    /** The problem with a new jail's name, or empty when it is fine. */
    public static Optional<String> checkNew(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("name is empty");
        }
        if (name.startsWith("-")) {
            return Optional.of("name '" + shorten(name) + "' would be read as an option");
        }
        if (!NEW_NAME.matcher(name).matches()) {
            return Optional.of("invalid jail name '" + shorten(name) + "': use letters, digits and . _ - (not first), at most 120");
        }
        if (name.contains("ALL") || name.toLowerCase(Locale.ROOT).equals("default") || name.equalsIgnoreCase("help")) {
            return Optional.of("'" + name + "' cannot be a jail name: iocage reserves it");
        }
        return Optional.empty();
    }

    private static String shorten(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
