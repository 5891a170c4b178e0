package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A jail's last hour of figures: bounded in time and in samples, in time order. */
class UsageHistoryTest {

    @Test
    void samplesOlderThanAnHourBeforeTheNewestAreLetGo() {
        UsageHistory h = new UsageHistory();
        h.add(1_000, 1.5, 100);
        h.add(2_000, 2.5, 200);
        h.add(1_000 + UsageHistory.SPAN_SECONDS, 3.5, 300);
        assertArrayEquals(new long[] {1_000, 2_000, 4_600}, h.samples().at());
        h.add(1_001 + UsageHistory.SPAN_SECONDS, 4.5, 400);
        UsageHistory.Samples s = h.samples();
        assertArrayEquals(new long[] {2_000, 4_600, 4_601}, s.at());
        assertArrayEquals(new double[] {2.5, 3.5, 4.5}, s.cpu(), 1e-6);
        assertArrayEquals(new double[] {200, 300, 400}, s.memory(), 1e-6);
        assertEquals(2_601, s.spanSeconds());
    }

    @Test
    void refreshesFasterThanEvery15SecondsKeepTheNewestOnes() {
        UsageHistory h = new UsageHistory();
        for (int i = 0; i < UsageHistory.CAPACITY + 10; i++) {
            h.add(i, i, i);
        }
        UsageHistory.Samples s = h.samples();
        assertEquals(UsageHistory.CAPACITY, s.size());
        assertEquals(10, s.at()[0]);
        assertEquals(UsageHistory.CAPACITY + 9, s.at()[s.size() - 1]);
    }

    /** Against the plain reading (a list cut to the hour and to the capacity), through growth, pruning and wrapping. */
    @Test
    void keepsWhatAPlainListWouldKeep() {
        for (long seed = 1; seed <= 200; seed++) {
            java.util.Random r = new java.util.Random(seed);
            UsageHistory h = new UsageHistory();
            java.util.ArrayDeque<long[]> plain = new java.util.ArrayDeque<>();
            long t = 1_000;
            for (int i = 0, n = r.nextInt(1_000); i < n; i++) {
                t += r.nextInt(10) == 0 ? r.nextInt(2_000) : r.nextInt(30);
                h.add(t, i, 2L * i);
                plain.addLast(new long[] {t, i});
                while (plain.size() > UsageHistory.CAPACITY || plain.peekFirst()[0] < t - UsageHistory.SPAN_SECONDS) {
                    plain.removeFirst();
                }
            }
            UsageHistory.Samples s = h.samples();
            assertArrayEquals(plain.stream().mapToLong(p -> p[0]).toArray(), s.at(), "seed " + seed);
            assertArrayEquals(plain.stream().mapToDouble(p -> p[1]).toArray(), s.cpu(), 1e-6, "seed " + seed);
            assertArrayEquals(plain.stream().mapToDouble(p -> 2 * p[1]).toArray(), s.memory(), 1e-6, "seed " + seed);
        }
    }

    @Test
    void aClockThatGoesBackDoesNotBendTheLine() {
        UsageHistory h = new UsageHistory();
        h.add(5_000, 1, 1);
        h.add(4_000, 2, 2);
        h.add(5_000, 3, 3);
        assertArrayEquals(new long[] {5_000, 5_000}, h.samples().at());
        assertEquals(0, new UsageHistory().samples().spanSeconds());
    }
}
