package org.jaildesk.ui.jails;

/**
 * One jail's CPU and memory figures over the last hour, as the window read them at each refresh: the client keeps
 * them itself (the host keeps none), for this session only. A ring of primitive values, so a host of thousands of
 * running jails keeps a few megabytes.
 */
public final class UsageHistory {

    /** How far back a history reaches. */
    public static final long SPAN_SECONDS = 3_600;
    /** The most samples kept (an hour at one refresh every 15 s); more frequent refreshes keep a shorter span. */
    static final int CAPACITY = 240;

    private final long[] at = new long[CAPACITY];
    private final float[] cpu = new float[CAPACITY];
    private final float[] memory = new float[CAPACITY];
    /** Index of the oldest sample, and how many there are. */
    private int first;
    private int size;

    /** Adds a sample taken at {@code epochSecond}; those older than {@link #SPAN_SECONDS} before it are let go. */
    synchronized void add(long epochSecond, double cpuPercent, long memoryBytes) {
        if (size > 0 && epochSecond < at[(first + size - 1) % CAPACITY]) {
            return; // the clock went back: keep the line going forward in time
        }
        int slot = (first + size) % CAPACITY;
        if (size == CAPACITY) {
            first = (first + 1) % CAPACITY;
        } else {
            size++;
        }
        at[slot] = epochSecond;
        cpu[slot] = (float) cpuPercent;
        memory[slot] = (float) memoryBytes;
        while (size > 0 && at[first] < epochSecond - SPAN_SECONDS) {
            first = (first + 1) % CAPACITY;
            size--;
        }
    }

    /** The samples, oldest first. */
    public synchronized Samples samples() {
        long[] t = new long[size];
        double[] c = new double[size];
        double[] m = new double[size];
        for (int i = 0; i < size; i++) {
            int k = (first + i) % CAPACITY;
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
