package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;

/** A host busy with changes (every change thread taken) still answers reads at once. */
class BusyHostTest {

    @Test
    void aListingIsAnsweredWhileEveryChangeThreadIsBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        CommandRunner slowStarts = spec -> {
            if (spec.args().get(0).equals("start")) {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CommandException("cancelled", e);
                }
            }
            return sim.run(spec);
        };
        HostOptions two = new HostOptions(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30), 2);
        try (IocageHost host = new IocageHost(slowStarts, two)) {
            List<CompletableFuture<Reply>> starts = new ArrayList<>();
            for (String jail : List.of("mail", "web02", "git", "proxy")) {
                starts.add(host.handle(Request.iocage("s-" + jail, "startjail", "jail", jail)));
            }
            assertTrue(started.await(30, TimeUnit.SECONDS), "both change threads are starting a jail");

            Reply listed = host.handle(Request.iocage("l", "listjails")).get(30, TimeUnit.SECONDS);
            JsonNode jails = ((Response) listed).args().get("listjails");
            assertEquals(12, jails.size());
            assertTrue(starts.stream().noneMatch(CompletableFuture::isDone));

            release.countDown();
            for (CompletableFuture<Reply> s : starts) {
                JsonNode body = ((Response) s.get(30, TimeUnit.SECONDS)).args().get("startjail");
                assertFalse(body.has("error"), body.toString());
            }
        } finally {
            release.countDown();
        }
    }
}
