package org.jaildesk.ui.jails;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jaildesk.domain.PropertyCatalog;
import org.jaildesk.domain.Shown;
import org.jaildesk.ui.common.Messages;

/** Checks the "extra properties" text of the create and clone dialogs as the user types. */
final class PropsField {

    private PropsField() {
    }

    /** The first problem in {@code key=value key=value}, or empty. {@code tag}/{@code release} are the dialog's own. */
    static Optional<String> check(String text, Messages msg) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        for (String token : text.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                return Optional.of(msg.get("props.notKeyValue", Shown.of(token)));
            }
            String key = token.substring(0, eq);
            if (key.equals("tag") || key.equals("release") || key.equals("template")) {
                return Optional.of(msg.get("props.setAbove", key));
            }
            if (!seen.add(key)) {
                return Optional.of(msg.get("props.twice", key));
            }
            Optional<String> problem = PropertyCatalog.standard().check(key, token.substring(eq + 1), false).map(msg::get);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
