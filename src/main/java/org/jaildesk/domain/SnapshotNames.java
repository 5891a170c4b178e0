package org.jaildesk.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jaildesk.domain.Wording.Phrase;

/**
 * The rule for a snapshot's name (the part after '@'), shared by the dialog (as you type) and the host (before
 * anything runs): what ZFS allows but '/' (a dataset below the jail's), not starting with '-', and not {@code ALL}
 * in any case, which iocage's snapremove reads as every snapshot of the jail.
 */
public final class SnapshotNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,127}");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss").withZone(ZoneOffset.UTC);

    private SnapshotNames() {
    }

    /** The name of a snapshot taken at {@code time} when none is given, as Python iocage names it: UTC, to the second. */
    public static String at(Instant time) {
        return AT.format(time);
    }

    /** The problem with {@code name}, or empty when it is fine. */
    public static Optional<Wording> check(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(Wording.of(Phrase.NAME_EMPTY));
        }
        if (name.startsWith("-")) {
            return Optional.of(Wording.of(Phrase.NAME_OPTION, Shown.of(name)));
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(Wording.of(Phrase.SNAPSHOT_INVALID, Shown.of(name)));
        }
        if (name.equalsIgnoreCase("ALL")) {
            return Optional.of(Wording.of(Phrase.SNAPSHOT_RESERVED, name));
        }
        return Optional.empty();
    }
}
