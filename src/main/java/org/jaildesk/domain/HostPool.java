package org.jaildesk.domain;

import java.util.Objects;

/**
 * A ZFS pool of the host, as {@code zpool list} shows it: one iocage may be activated on.
 *
 * @param name   the pool's name
 * @param size   its size in bytes, or -1 where zpool shows none (a pool that is not available)
 * @param free   the bytes it has free, or -1 where zpool shows none
 * @param health ZFS's word for its state: {@code ONLINE}, {@code DEGRADED}, {@code FAULTED}, …
 * @param active whether iocage uses it now
 */
public record HostPool(String name, long size, long free, String health, boolean active) {

    public HostPool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(health, "health");
        if (size < -1 || free < -1) {
            throw new IllegalArgumentException("not a pool's size: " + size + ", " + free + " free");
        }
    }
}
