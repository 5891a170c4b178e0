package org.jaildesk.domain;

import java.util.Locale;

/** Run state of a jail as iocage reports it. */
public enum JailState {
    UP, DOWN,
    /** Python iocage: the jail's config.json could not be read. */
    CORRUPT,
    UNKNOWN;

    /** Reads iocage's state words ({@code up}, {@code down}, {@code CORRUPT}); anything else is {@link #UNKNOWN}. */
    public static JailState parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "up" -> UP;
            case "down" -> DOWN;
            case "corrupt" -> CORRUPT;
            default -> UNKNOWN;
        };
    }

    /** The word iocage and the sysadm API use. */
    public String word() {
        return this == CORRUPT ? "CORRUPT" : name().toLowerCase(Locale.ROOT);
    }
}
