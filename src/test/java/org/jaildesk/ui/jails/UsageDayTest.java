package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A jail's last day as means of ten minutes: bounded to a day, in time order, with a saved day put back first. */
class UsageDayTest {

    private static final long T = 1_800_000_000L; // a multiple of ten minutes

    @Test
    void samplesOfOneTenMinutesAreOneMean() {
        UsageDay d = new UsageDay();
        d.add(T + 10, 2, 100);
        d.add(T + 300, 4, 300);
        d.add(T + 599, 6, 200);
        d.add(T + 600, 1, 50);
        UsageHistory.Samples m = d.means();
        assertArrayEquals(new long[] {T, T + 600}, m.at());
        assertArrayEquals(new double[] {4, 1}, m.cpu(), 1e-9);
        assertArrayEquals(new double[] {200, 50}, m.memory(), 1e-9);
    }

    @Test
    void meansOlderThanADayAreLetGoAndADayHoldsAtMost144() {
        UsageDay d = new UsageDay();
        for (int i = 0; i < 200; i++) {
            d.add(T + i * 600L, i, i);
        }
        UsageHistory.Samples m = d.means();
        assertEquals(UsageDay.CAPACITY, m.size());
        assertEquals(T + 56 * 600L, m.at()[0], "the day before the newest mean, no more");
        assertEquals(T + 199 * 600L, m.at()[m.size() - 1]);
        // A gap longer than a day leaves only the new mean.
        d.add(T + 199 * 600L + UsageDay.SPAN_SECONDS, 7, 7);
        assertEquals(1, d.means().size());
    }

    @Test
    void aSavedDayGoesBackBeforeThisSessionsFiguresAndNotAfter() {
        UsageDay d = new UsageDay();
        d.restore(T, 1, 10);
        d.restore(T + 600, 2, 20);
        d.restore(T + 600, 9, 90); // not after the last one put back
        d.add(T + 1_210, 3, 30);
        d.restore(T + 3_000, 9, 90); // the session has its own figures now
        UsageHistory.Samples m = d.means();
        assertArrayEquals(new long[] {T, T + 600, T + 1_200}, m.at());
        assertArrayEquals(new double[] {1, 2, 3}, m.cpu(), 1e-9);
        // A sample in the ten minutes of the last saved mean counts as one more sample of it.
        UsageDay e = new UsageDay();
        e.restore(T, 2, 20);
        e.add(T + 30, 4, 40);
        assertArrayEquals(new double[] {3}, e.means().cpu(), 1e-9);
    }

    @Test
    void aClockThatGoesBackAddsNothing() {
        UsageDay d = new UsageDay();
        d.add(T + 1_200, 1, 1);
        d.add(T, 5, 5);
        assertArrayEquals(new long[] {T + 1_200}, d.means().at());
    }
}
