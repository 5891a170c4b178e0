package org.jaildesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A snapshot's time: ZFS's text read into a date, shown in the app's form, anything else shown as the host gave it. */
class JailSnapshotTest {

    private static JailSnapshot taken(String created) {
        return new JailSnapshot("s", created, Size.parse("96K"), Size.parse("0B"));
    }

    @Test
    void zfsCreationTimesAreReadWithTheirPaddedDaysAndHours() {
        // As iocage snaplist prints them (the recorded samples): day and hour padded with a space.
        assertEquals(Optional.of(LocalDateTime.of(2023, 11, 2, 9, 14)), taken("Thu Nov  2  9:14 2023").takenAt());
        assertEquals("2023-11-02 09:14", taken("Thu Nov  2  9:14 2023").taken());
        assertEquals("2024-01-15 10:22", taken("Mon Jan 15 10:22 2024").taken());
        assertEquals("2026-11-29 21:34", taken(" Sun Nov 29 21:34 2026\t").taken(), "a table cell's spaces around it");
        assertEquals("2026-11-29 21:34", taken("SUN NOV 29 21:34 2026").taken());
    }

    @Test
    void otherTextIsShownAsTheHostGaveIt() {
        for (String text : new String[] {"", "-", "yesterday", "2026-11-29 21:34", "Sun Nov 29 21:34", "Sun Nov 31 21:34 2026",
                "Sun Nov 29 25:34 2026", "So Nov 29 21:34 2026", "Sun Nov 29 21:34 2026 extra", "$(x)", "a;b\nc"}) {
            assertTrue(taken(text).takenAt().isEmpty(), text);
            assertEquals(text, taken(text).taken());
        }
        // A weekday that does not fit the date is not a time ZFS printed.
        assertEquals("Fri Jan 15 10:22 2024", taken("Fri Jan 15 10:22 2024").taken());
        assertEquals("", new JailSnapshot("s", null, Size.parse("0B"), Size.parse("0B")).taken());
    }

    @Test
    void tenMegabytesOfTextAreNotParsed() {
        String huge = "Sun Nov 29 21:34 2026 ".repeat(500_000);
        assertTrue(taken(huge).takenAt().isEmpty());
        assertEquals(huge, taken(huge).taken());
    }
}
