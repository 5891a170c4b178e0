package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Listings asked for while one runs share it (one iocage run for every client after a change event), but never
 * across a change: no one gets a listing that started before a change they could have seen.
 */
class SharedListingTest {

    /**
     * The demo iocage, with {@code list} held at a gate the test opens after it has read the state (as iocage reads
     * it, then prints), and the {@code list} runs counted.
     */
    private static final class Gated implements CommandRunner {
        final SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        final Semaphore gate = new Semaphore(0);
        final Semaphore inList = new Semaphore(0);
        final AtomicInteger lists = new AtomicInteger();
        volatile boolean gated = true;
        volatile boolean failList;

        @Override
        public CommandResult run(CommandSpec spec) throws CommandException {
            if (!spec.args().isEmpty() && spec.args().get(0).equals("list") && !spec.args().contains("-r")) {
                CommandResult read = failList ? CommandResult.of(1, "", "zfs: pool is busy\n")
                        : sim.run(spec);
                lists.incrementAndGet();
                inList.release();
                if (gated) {
                    try {
                        if (!gate.tryAcquire(30, TimeUnit.SECONDS)) {
                            throw new CommandException("the test never opened the gate", null);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CommandException("interrupted", e);
                    }
                }
                return read;
            }
            return sim.run(spec);
        }

        void awaitListing() throws InterruptedException {
            assertTrue(inList.tryAcquire(30, TimeUnit.SECONDS), "a listing reached iocage");
        }
    }

    private final Gated iocage = new Gated();
    private final IocageHost host = new IocageHost(iocage, HostOptions.defaults());

    @AfterEach
    void close() {
        iocage.gate.release(100);
        host.close();
    }

    private CompletableFuture<Reply> list(String id) {
        return host.handle(Request.iocage(id, "listjails"));
    }

    private static JsonNode jails(CompletableFuture<Reply> f, String id) throws Exception {
        Reply r = f.get(30, TimeUnit.SECONDS);
        Response ok = assertInstanceOf(Response.class, r);
        assertEquals(id, ok.id(), "each request gets its own reply");
        return ok.args().get("listjails");
    }

    private String stoppedJail() throws Exception {
        iocage.gated = false;
        JsonNode all = jails(list("setup"), "setup");
        iocage.gated = true;
        iocage.inList.drainPermits();
        for (var it = all.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().get("state").asText().equals("down") && e.getValue().get("type").asText().equals("jail")) {
                return e.getKey();
            }
        }
        throw new AssertionError("no stopped jail in the demo data");
    }

    @Test
    void listingsAskedForWhileOneRunsShareIt() throws Exception {
        CompletableFuture<Reply> first = list("a");
        iocage.awaitListing();
        CompletableFuture<Reply> second = list("b");
        CompletableFuture<Reply> third = list("c");
        iocage.gate.release();
        JsonNode a = jails(first, "a");
        assertEquals(a, jails(second, "b"));
        assertEquals(a, jails(third, "c"));
        assertEquals(1, iocage.lists.get(), "one iocage list for three requests");
    }

    @Test
    void aFinishedListingIsNeverReused() throws Exception {
        iocage.gate.release(2);
        jails(list("a"), "a");
        jails(list("b"), "b");
        assertEquals(2, iocage.lists.get());
    }

    @Test
    void aListingFromBeforeAChangeIsNotSharedAfterIt() throws Exception {
        String jail = stoppedJail();
        CompletableFuture<Reply> before = list("a");
        iocage.awaitListing();
        Reply started = host.handle(Request.iocage("s", "startjail", "jail", jail)).get(30, TimeUnit.SECONDS);
        assertFalse(((Response) started).args().get("startjail").has("error"), started.toString());
        CompletableFuture<Reply> after = list("b");
        iocage.gate.release(2);
        assertEquals("down", jails(before, "a").get(jail).get("state").asText(), "the old listing is the old state");
        assertEquals("up", jails(after, "b").get(jail).get("state").asText(), "the new request saw the change");
        assertEquals(2, iocage.lists.get() - 1, "a second iocage list, after the change");
    }

    @Test
    void aListingStartedDuringAChangeIsNotShared() throws Exception {
        String jail = stoppedJail();
        // A second host over the same iocage whose `start` waits until the test lets it finish.
        CountDownLatch inStart = new CountDownLatch(1);
        CountDownLatch releaseStart = new CountDownLatch(1);
        IocageHost slow = new IocageHost(spec -> {
            if (spec.args().get(0).equals("start")) {
                inStart.countDown();
                try {
                    releaseStart.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return iocage.run(spec);
        }, HostOptions.defaults());
        try {
            CompletableFuture<Reply> change = slow.handle(Request.iocage("s", "startjail", "jail", jail));
            assertTrue(inStart.await(30, TimeUnit.SECONDS));
            CompletableFuture<Reply> during = slow.handle(Request.iocage("a", "listjails"));
            iocage.awaitListing();
            releaseStart.countDown();
            change.get(30, TimeUnit.SECONDS);
            CompletableFuture<Reply> after = slow.handle(Request.iocage("b", "listjails"));
            iocage.gate.release(2);
            jails(during, "a");
            assertEquals("up", jails(after, "b").get(jail).get("state").asText());
            assertEquals(2, iocage.lists.get() - 1, "the listing begun during the change was not joined");
        } finally {
            releaseStart.countDown();
            slow.close();
        }
    }

    /** The case it is for: every client asks the moment a change is announced; one iocage run answers them all. */
    @Test
    void everyoneAskingOnAChangeEventSharesOneListing() throws Exception {
        String jail = stoppedJail();
        List<CompletableFuture<Reply>> asked = new ArrayList<>();
        AutoCloseable sub = host.subscribe((Event e) -> {
            if (e.name().equals(Protocol.JAIL_CHANGED_EVENT)) {
                for (int i = 0; i < 4; i++) {
                    asked.add(list("c" + i));
                }
            }
        });
        try {
            host.handle(Request.iocage("s", "startjail", "jail", jail)).get(30, TimeUnit.SECONDS);
            assertEquals(4, asked.size());
            iocage.awaitListing();
            iocage.gate.release(4);
            for (int i = 0; i < 4; i++) {
                assertEquals("up", jails(asked.get(i), "c" + i).get(jail).get("state").asText());
            }
            assertEquals(1, iocage.lists.get() - 1, "four clients, one iocage list");
        } finally {
            sub.close();
        }
    }

    @Test
    void aFailedSharedListingFailsEachRequestUnderItsOwnId() throws Exception {
        iocage.failList = true;
        CompletableFuture<Reply> first = list("a");
        iocage.awaitListing();
        CompletableFuture<Reply> second = list("b");
        iocage.gate.release();
        for (String id : List.of("a", "b")) {
            JsonNode body = jails(id.equals("a") ? first : second, id);
            assertEquals("zfs: pool is busy", body.get("error").asText());
        }
        assertEquals(1, iocage.lists.get());
        assertInstanceOf(ErrorReply.class, host.handle(Request.iocage("x", "nosuchaction")).get(30, TimeUnit.SECONDS));
    }
}
