package org.jaildesk.domain;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * One ZFS snapshot of a jail: its name (after '@'), when it was taken as the host prints it, the data it refers to
 * and the space it alone holds (what removing it would free).
 */
public record JailSnapshot(String name, String created, Size referenced, Size used) {

    /** How ZFS prints a creation time, in English whatever the host's language: {@code Thu Nov  2  9:14 2023}. */
    private static final DateTimeFormatter ZFS = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE MMM d H:mm uuuu").toFormatter(Locale.ENGLISH);
    /** The form the app's other times take (the action log, file names): it reads the same in every language. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    public JailSnapshot {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a snapshot needs a name");
        }
        created = created == null ? "" : created;
    }

    /**
     * When it was taken, on the host's clock (ZFS prints local time without a zone), or empty when the host printed
     * something else (or a weekday that does not fit the date).
     */
    public Optional<LocalDateTime> takenAt() {
        if (created.isBlank() || created.length() > 64) {
            return Optional.empty();
        }
        String text = created.strip().replaceAll("\\s+", " ");
        try {
            return Optional.of(LocalDateTime.parse(text, ZFS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The time as shown: {@code 2023-11-02 09:14}, or the host's own text when it is not in ZFS's form. */
    public String taken() {
        return takenAt().map(SHOWN::format).orElse(created);
    }
}
