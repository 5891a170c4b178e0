package org.jaildesk.ui.jails;

/**
 * One jail's CPU and memory figures over the last hour, as the window read them at each refresh: the client keeps
 * them itself (the host keeps none), for this session only; and its last day as means of ten minutes
 * ({@link UsageDay}), which {@link UsageArchive} saves for the next start. A ring of primitive values, so a host of thousands of
 * running jails keeps a few megabytes, and a history starts small (most jails' last hour is short at first). Used on
 * the FX thread only, as {@link JailUsages} is.
 */
public final class UsageHistory {

    /** How far back a history reaches. */
    public static final long SPAN_SECONDS = 3_600;
    /** The most samples kept (an hour at one refresh every 15 s); more frequent refreshes keep a shorter span. */
    static final int CAPACITY = 240;

    private long[] at = new long[8];
    private float[] cpu = new float[8];
    private float[] memory = new float[8];
    /** Index of the oldest sample, and how many there are. */
    private int first;
    private int size;
    /** The last day as means of ten minutes, kept across starts. */
    private final UsageDay day = new UsageDay();

    /** Adds a sample taken at {@code epochSecond}; those older than {@link #SPAN_SECONDS} before it are let go. */
    void add(long epochSecond, double cpuPercent, long memoryBytes) {
        if (size > 0 && epochSecond < at[(first + size - 1) % at.length]) {
            return; // the clock went back: keep the line going forward in time
        }
        day.add(epochSecond, cpuPercent, memoryBytes);
        if (size == at.length && size < CAPACITY) {
            grow();
        }
        int slot = (first + size) % at.length;
        if (size == at.length) {
            first = (first + 1) % at.length;
        } else {
            size++;
        }
        at[slot] = epochSecond;
        cpu[slot] = (float) cpuPercent;
        memory[slot] = (float) memoryBytes;
        while (size > 0 && at[first] < epochSecond - SPAN_SECONDS) {
            first = (first + 1) % at.length;
            size--;
        }
    }

    /** Twice the room, at most {@link #CAPACITY}, the samples moved to the start in order. */
    private void grow() {
        int n = Math.min(CAPACITY, 2 * at.length);
        long[] t = new long[n];
        float[] c = new float[n];
        float[] m = new float[n];
        for (int i = 0; i < size; i++) {
            int k = (first + i) % at.length;
            t[i] = at[k];
            c[i] = cpu[k];
            m[i] = memory[k];
        }
        at = t;
        cpu = c;
        memory = m;
        first = 0;
    }

    /** The last day's means of ten minutes, oldest first (those saved by an earlier session too). */
    public Samples day() {
        return day.means();
    }

    /** Puts back a saved day (oldest first) in front of this session's means. */
    void restoreDay(Samples saved) {
        day.restore(saved);
    }

    /** The samples, oldest first. */
    public Samples samples() {
        long[] t = new long[size];
        double[] c = new double[size];
        double[] m = new double[size];
        for (int i = 0; i < size; i++) {
            int k = (first + i) % at.length;
            t[i] = at[k];
            c[i] = cpu[k];
            m[i] = memory[k];
        }
        return new Samples(t, c, m);
    }

    /** A copy of a history: times (epoch seconds), CPU in percent of one CPU, memory in bytes; oldest first. */
    public record Samples(long[] at, double[] cpu, double[] memory) {

        public int size() {
            return at.length;
        }

        /** Seconds from the first sample to the last; 0 for fewer than two. */
        public long spanSeconds() {
            return at.length < 2 ? 0 : at[at.length - 1] - at[0];
        }
    }
}
