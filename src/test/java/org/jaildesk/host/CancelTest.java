package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;

/** A running local job can be cancelled: its iocage stops and the reply says so. */
class CancelTest {

    @Test
    void cancellingARunningFetchStopsItAndSaysSo() throws Exception {
        SimulatedIocage sim = new SimulatedIocage(new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 0, Duration.ZERO,
                Duration.ofMillis(50), null));
        try (IocageHost host = new IocageHost(sim, HostOptions.defaults())) {
            CountDownLatch progressing = new CountDownLatch(3);
            host.subscribe(e -> progressing.countDown());
            CompletableFuture<Reply> f = host.handle(Request.iocage("job-1", "fetchrelease", "release", "14.2-RELEASE"));
            assertTrue(progressing.await(10, TimeUnit.SECONDS));
            assertTrue(host.cancel("job-1"));
            Reply r = f.get(10, TimeUnit.SECONDS);
            assertEquals("cancelled: iocage was stopped", ((Response) r).args().get("fetchrelease").get("error").asText());
            assertTrue(!host.cancel("job-1"), "nothing left to cancel");
        }
    }
}
