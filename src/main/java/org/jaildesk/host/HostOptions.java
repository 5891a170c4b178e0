package org.jaildesk.host;

import java.time.Duration;

/**
 * How a host runs iocage.
 *
 * @param readTimeout   list, get, df and the version check: minutes, not seconds, by default, because
 *                      {@code iocage list} is reported to take 10–90 s on large pools
 * @param actionTimeout start, stop, exec, set, clone, destroy
 * @param longTimeout   create, fetch, clean (they may download a release)
 * @param threads       requests served at once
 */
public record HostOptions(Duration readTimeout, Duration actionTimeout, Duration longTimeout, int threads) {

    /** Reads and actions 5 min, create/fetch/clean 2 h, eight requests at once. */
    public static HostOptions defaults() {
        return new HostOptions(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofHours(2), 8);
    }

    public HostOptions withTimeouts(Duration read, Duration action, Duration longJobs) {
        return new HostOptions(read, action, longJobs, threads);
    }
}
