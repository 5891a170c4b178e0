package org.jaildesk.ui.jails;

/**
 * One jail's CPU and memory over the last day as means of ten minutes each: what the window keeps of a jail's figures
 * beyond its last hour, and what it saves for the next start (the host keeps none). At most 144 means a jail, grown
 * as they come, so a host of thousands of running jails keeps a few megabytes after a day. FX thread only.
 */
final class UsageDay {

    /** How long one mean is taken over. */
    static final long BUCKET_SECONDS = 600;
    /** How far back the day reaches. */
    static final long SPAN_SECONDS = 86_400;
    static final int CAPACITY = (int) (SPAN_SECONDS / BUCKET_SECONDS);

    private long[] start = new long[4];
    private double[] cpuSum = new double[4];
    private double[] memorySum = new double[4];
    private int[] count = new int[4];
    private int first;
    private int size;

    /** Adds a sample to the mean of its ten minutes; means older than a day before it are let go. */
    void add(long epochSecond, double cpuPercent, double memoryBytes) {
        long bucket = Math.floorDiv(epochSecond, BUCKET_SECONDS) * BUCKET_SECONDS;
        if (size > 0) {
            int last = (first + size - 1) % start.length;
            if (bucket < start[last]) {
                return; // the clock went back
            }
            if (bucket == start[last]) {
                cpuSum[last] += cpuPercent;
                memorySum[last] += memoryBytes;
                count[last]++;
                return;
            }
        }
        put(bucket, cpuPercent, memoryBytes);
    }

    /**
     * Puts a saved day (oldest first) back before this session's means: those of it older than this session's first
     * ten minutes go in front, the others are this session's own already. A day's worth at most is kept.
     */
    void restore(UsageHistory.Samples saved) {
        long firstHere = size > 0 ? start[first] : Long.MAX_VALUE;
        int older = 0;
        while (older < saved.size() && saved.at()[older] < firstHere) {
            older++;
        }
        if (older == 0) {
            return;
        }
        int total = older + size;
        long newest = size > 0 ? start[(first + size - 1) % start.length] : saved.at()[older - 1];
        long[] s = new long[total];
        double[] c = new double[total];
        double[] m = new double[total];
        int[] k = new int[total];
        for (int i = 0; i < older; i++) {
            s[i] = saved.at()[i];
            c[i] = saved.cpu()[i];
            m[i] = saved.memory()[i];
            k[i] = 1;
        }
        for (int i = 0; i < size; i++) {
            int j = (first + i) % start.length;
            s[older + i] = start[j];
            c[older + i] = cpuSum[j];
            m[older + i] = memorySum[j];
            k[older + i] = count[j];
        }
        // What a day and the room for one keep: the newest, none a day older than the newest.
        int from = Math.max(0, total - CAPACITY);
        while (from < total && s[from] <= newest - SPAN_SECONDS) {
            from++;
        }
        int n = total - from;
        start = java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(s, from, total), Math.max(4, n));
        cpuSum = java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(c, from, total), start.length);
        memorySum = java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(m, from, total), start.length);
        count = java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(k, from, total), start.length);
        first = 0;
        size = n;
    }

    /** A new ten minutes, with its first sample. */
    private void put(long bucket, double cpu, double memory) {
        if (size == start.length && size < CAPACITY) {
            grow();
        }
        int slot = (first + size) % start.length;
        if (size == start.length) {
            first = (first + 1) % start.length;
        } else {
            size++;
        }
        start[slot] = bucket;
        cpuSum[slot] = cpu;
        memorySum[slot] = memory;
        count[slot] = 1;
        while (size > 0 && start[first] <= bucket - SPAN_SECONDS) {
            first = (first + 1) % start.length;
            size--;
        }
    }

    private void grow() {
        int n = Math.min(CAPACITY, 2 * start.length);
        long[] s = new long[n];
        double[] c = new double[n];
        double[] m = new double[n];
        int[] k = new int[n];
        for (int i = 0; i < size; i++) {
            int j = (first + i) % start.length;
            s[i] = start[j];
            c[i] = cpuSum[j];
            m[i] = memorySum[j];
            k[i] = count[j];
        }
        start = s;
        cpuSum = c;
        memorySum = m;
        count = k;
        first = 0;
    }

    /** The means, oldest first, each at the start of its ten minutes. */
    UsageHistory.Samples means() {
        long[] t = new long[size];
        double[] c = new double[size];
        double[] m = new double[size];
        for (int i = 0; i < size; i++) {
            int j = (first + i) % start.length;
            t[i] = start[j];
            c[i] = cpuSum[j] / count[j];
            m[i] = memorySum[j] / count[j];
        }
        return new UsageHistory.Samples(t, c, m);
    }
}
