package org.jaildesk.host;

import java.time.Duration;
import org.jaildesk.protocol.Protocol;

/**
 * How a host runs iocage.
 *
 * @param readTimeout   list, get, df and the version check: minutes, not seconds, by default, because
 *                      {@code iocage list} is reported to take 10–90 s on large pools
 * @param actionTimeout start, stop, restart, exec, set, destroy, pools
 * @param longTimeout   the {@link org.jaildesk.protocol.Protocol#LONG_ACTIONS}: create, clone, fetch, clean (they may
 *                      download a release or copy a jail)
 * @param threads       reads served at once, and as many changes besides (each on its own threads)
 */
public record HostOptions(Duration readTimeout, Duration actionTimeout, Duration longTimeout, int threads) {

    /** Reads and actions 5 min, create/clone/fetch/clean 2 h, eight reads and eight changes at once. */
    public static HostOptions defaults() {
        return new HostOptions(Duration.ofMinutes(5), Duration.ofMinutes(5), Protocol.LONG_ACTION_LIMIT, 8);
    }

    public HostOptions withTimeouts(Duration read, Duration action, Duration longJobs) {
        return new HostOptions(read, action, longJobs, threads);
    }
}
