package org.jaildesk.ui.jails;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jaildesk.domain.PropertyCatalog;

/** Checks the "extra properties" text of the create and clone dialogs as the user types. */
final class PropsField {

    private PropsField() {
    }

    /** The first problem in {@code key=value key=value}, or empty. {@code tag}/{@code release} are the dialog's own. */
    static Optional<String> check(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        for (String token : text.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                return Optional.of("'" + token + "' is not key=value");
            }
            String key = token.substring(0, eq);
            if (key.equals("tag") || key.equals("release") || key.equals("template")) {
                return Optional.of(key + " is set above, not here");
            }
            if (!seen.add(key)) {
                return Optional.of(key + " is named twice");
            }
            Optional<String> problem = PropertyCatalog.standard().check(key, token.substring(eq + 1), false);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
