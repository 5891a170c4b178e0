package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Only changes stop: a listing may be shared with other callers, so cancelling its id does nothing. */
    @Test
    void aListingIsNotCancelled() throws Exception {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CommandRunner held = spec -> {
            if (spec.args().contains("list")) {
                listing.countDown();
                try {
                    goOn.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new CommandException("cancelled: iocage was stopped", e);
                }
            }
            return sim.run(spec);
        };
        try (IocageHost host = new IocageHost(held, HostOptions.defaults())) {
            CompletableFuture<Reply> f = host.handle(Request.iocage("list-1", "listjails"));
            assertTrue(listing.await(10, TimeUnit.SECONDS));
            assertFalse(host.cancel("list-1"));
            goOn.countDown();
            Reply r = f.get(10, TimeUnit.SECONDS);
            assertEquals(12, ((Response) r).args().get("listjails").size(), r.toString());
        }
    }
}
