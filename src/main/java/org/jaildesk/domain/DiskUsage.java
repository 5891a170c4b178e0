package org.jaildesk.domain;

/** One row of {@code iocage df}: compression ratio, reservation, quota, used and available space. */
public record DiskUsage(String id, String tag, Size compressRatio, Size reservation, Size quota, Size used, Size available) {

    public DiskUsage {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a df row needs a jail id");
        }
        tag = tag == null || tag.isBlank() ? id : tag;
    }

    /** Share of the quota in use, 0..1, or -1 when no quota is set. */
    public double quotaPressure() {
        if (quota.kind() != Size.Kind.BYTES || quota.bytes() == 0) {
            return -1;
        }
        return Math.min(1.0, (double) used.bytes() / quota.bytes());
    }
}
