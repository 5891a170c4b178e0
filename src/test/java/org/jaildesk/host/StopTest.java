package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;

/**
 * A server that stops cancels the changes it runs and those waiting their turn, answers each, lets a read already
 * taken finish, and takes nothing new.
 */
class StopTest {

    @Test
    void aStopCancelsRunningAndWaitingChangesAndAnswersEach() throws Exception {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch listGoOn = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        CommandRunner held = spec -> {
            ran.add(String.join(" ", spec.args()));
            try {
                if (spec.args().contains("fetch")) {
                    fetching.countDown();
                    new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                } else if (spec.args().contains("list") && !spec.args().contains("-r")) {
                    listing.countDown();
                    listGoOn.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandException("interrupted", e);
            }
            return sim.run(spec);
        };
        // One thread for changes: the start waits behind the fetch.
        IocageHost host = new IocageHost(held, new HostOptions(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 1));
        CompletableFuture<Reply> fetch = host.handle(Request.iocage("f-1", "fetchrelease", "release", "14.2-RELEASE"));
        assertTrue(fetching.await(10, TimeUnit.SECONDS));
        CompletableFuture<Reply> start = host.handle(Request.iocage("s-1", "startjail", "jail", "web01"));
        CompletableFuture<Reply> list = host.handle(Request.iocage("l-1", "listjails"));
        assertTrue(listing.await(10, TimeUnit.SECONDS));
        ran.clear();

        CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(() -> host.stop(Duration.ofSeconds(20)));
        assertEquals("cancelled: the server is stopping", error(fetch.get(10, TimeUnit.SECONDS), "fetchrelease"));
        assertEquals("cancelled: the server is stopping; nothing was run", error(start.get(10, TimeUnit.SECONDS), "startjail"));
        assertTrue(ran.stream().noneMatch(c -> c.contains("start")), "the waiting start ran nothing: " + ran);
        Reply refused = host.handle(Request.iocage("s-2", "stopjail", "jail", "web01")).get(10, TimeUnit.SECONDS);
        assertTrue(refused instanceof ErrorReply e && e.toString().contains("shutting down"), refused.toString());

        assertFalse(stopped.isDone(), "the stop waits for the read it let run");
        listGoOn.countDown();
        assertEquals(12, ((Response) list.get(10, TimeUnit.SECONDS)).args().get("listjails").size());
        assertEquals(2, stopped.get(10, TimeUnit.SECONDS));
    }

    /** A change that was done before the stop reached it keeps its success; nothing running means nothing counted. */
    @Test
    void aStopWithNothingRunningCountsNothing() throws Exception {
        IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults());
        Reply r = host.handle(Request.iocage("s-1", "startjail", "jail", "web01")).get(10, TimeUnit.SECONDS);
        assertFalse(((Response) r).args().get("startjail").has("error"), r.toString());
        assertEquals(0, host.stop(Duration.ofSeconds(5)));
    }

    private static String error(Reply r, String action) {
        return ((Response) r).args().path(action).path("error").asText();
    }
}
