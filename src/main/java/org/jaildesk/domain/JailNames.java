package org.jaildesk.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jaildesk.domain.Wording.Phrase;

/** The rule for naming a new jail, shared by the dialogs (as you type) and the host (before anything runs). */
public final class JailNames {

    // Python iocage's own rule (reference iocage-cli.md §2.2), not starting with - or .
    private static final Pattern NEW_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,119}");

    private JailNames() {
    }

    /** The problem with a new jail's name, or empty when it is fine. */
    public static Optional<Wording> checkNew(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(Wording.of(Phrase.NAME_EMPTY));
        }
        if (name.startsWith("-")) {
            return Optional.of(Wording.of(Phrase.NAME_OPTION, Shown.of(name)));
        }
        if (!NEW_NAME.matcher(name).matches()) {
            return Optional.of(Wording.of(Phrase.NAME_INVALID, Shown.of(name)));
        }
        if (name.contains("ALL") || name.toLowerCase(Locale.ROOT).equals("default") || name.equalsIgnoreCase("help")) {
            return Optional.of(Wording.of(Phrase.NAME_RESERVED, name));
        }
        return Optional.empty();
    }
}
