package org.jaildesk.domain;

import java.util.List;
import java.util.Objects;

/**
 * The end of a jail's console log: what its rc printed at its starts and stops, oldest line first.
 *
 * @param jail  the jail
 * @param file  where the host keeps the log
 * @param lines its lines, without control characters but tabs; none where there is no log yet
 * @param cut   the log is longer: these are its last lines
 */
public record ConsoleLog(String jail, String file, List<String> lines, boolean cut) {

    public ConsoleLog {
        Objects.requireNonNull(jail, "jail");
        Objects.requireNonNull(file, "file");
        lines = List.copyOf(lines);
    }
}
