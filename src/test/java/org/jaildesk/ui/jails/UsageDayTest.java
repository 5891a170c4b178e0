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

    /**
     * A saved day goes in front of this session's means, also when they came first (a host All hosts read before its
     * table was shown): what overlaps them is this session's own, and a day at most is kept.
     */
    @Test
    void aSavedDayGoesInFrontOfThisSessionsMeans() {
        UsageDay d = new UsageDay();
        d.add(T + 1_210, 3, 30);
        d.add(T + 1_250, 5, 50);
        d.restore(new UsageHistory.Samples(new long[] {T, T + 600, T + 1_200}, new double[] {1, 2, 9}, new double[] {10, 20, 90}));
        UsageHistory.Samples m = d.means();
        assertArrayEquals(new long[] {T, T + 600, T + 1_200}, m.at());
        assertArrayEquals(new double[] {1, 2, 4}, m.cpu(), 1e-9, "the ten minutes this session has are its own");
        // Put back twice: nothing twice.
        d.restore(new UsageHistory.Samples(new long[] {T, T + 600}, new double[] {1, 2}, new double[] {10, 20}));
        assertEquals(3, d.means().size());
        // And the next figures go on from there, averaged in their ten minutes as before.
        d.add(T + 1_300, 7, 70);
        d.add(T + 1_800, 8, 80);
        assertArrayEquals(new double[] {1, 2, 5, 8}, d.means().cpu(), 1e-9);
    }

    @Test
    void aSavedDayAloneComesBackAndNoMoreThanADay() {
        UsageDay d = new UsageDay();
        long[] at = new long[200];
        double[] v = new double[200];
        for (int i = 0; i < 200; i++) {
            at[i] = T + i * 600L;
            v[i] = i;
        }
        d.restore(new UsageHistory.Samples(at, v, v.clone()));
        UsageHistory.Samples m = d.means();
        assertEquals(UsageDay.CAPACITY, m.size());
        assertEquals(T + 56 * 600L, m.at()[0]);
        d.add(T + 200 * 600L, 1, 1);
        assertEquals(UsageDay.CAPACITY, d.means().size(), "full: the oldest makes room");
        assertEquals(T + 57 * 600L, d.means().at()[0]);
        UsageDay e = new UsageDay();
        e.restore(new UsageHistory.Samples(new long[] {T}, new double[] {2}, new double[] {20}));
        e.add(T + 30, 4, 40);
        assertArrayEquals(new double[] {3}, e.means().cpu(), 1e-9, "a sample in a saved mean's ten minutes counts as one more");
    }

    @Test
    void aClockThatGoesBackAddsNothing() {
        UsageDay d = new UsageDay();
        d.add(T + 1_200, 1, 1);
        d.add(T, 5, 5);
        assertArrayEquals(new long[] {T + 1_200}, d.means().at());
    }
}
