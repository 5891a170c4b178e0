package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A long job runs once at a time per id: a second request for the same job, while the first runs or waits its turn,
 * is refused at once and runs nothing; once the first has ended, the same request runs again.
 */
class OneJobAtATimeTest {

    private final SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
    /** The iocage runs asked for, by their first word, and a gate each held run waits at. */
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final Semaphore held = new Semaphore(0);
    private final Semaphore gate = new Semaphore(0);
    private final IocageHost host = new IocageHost(spec -> {
        String verb = spec.args().get(0);
        if (List.of("fetch", "create", "clean", "export", "import", "update").contains(verb)) {
            ran.add(verb);
            held.release();
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                throw new CommandException("cancelled: iocage was stopped", e);
            }
        }
        return sim.run(spec);
    }, HostOptions.defaults());

    @AfterEach
    void close() {
        gate.release(100);
        host.close();
    }

    private CompletableFuture<Reply> send(String id, String action, String... kv) {
        return host.handle(Request.iocage(id, action, kv));
    }

    private static JsonNode body(CompletableFuture<Reply> f, String action) throws Exception {
        return ((Response) f.get(20, TimeUnit.SECONDS)).args().get(action);
    }

    /** Waits until the first held iocage run has begun. */
    private void awaitHeld() throws InterruptedException {
        assertTrue(held.tryAcquire(20, TimeUnit.SECONDS), "iocage was asked");
    }

    @Test
    void aSecondFetchOfTheSameReleaseIsRefusedAtOnceAndRunsNothing() throws Exception {
        CompletableFuture<Reply> first = send("f1", "fetchrelease", "release", "14.1-RELEASE");
        awaitHeld();
        CompletableFuture<Reply> second = send("f2", "fetchrelease", "release", "14.1-RELEASE");
        assertTrue(second.isDone(), "answered without waiting for the first");
        assertEquals("the same fetchrelease of 14.1-RELEASE is already running or waiting its turn on this host (perhaps"
                + " from another window or user): wait for it to end", body(second, "fetchrelease").path("error").asText());
        assertEquals(List.of("fetch"), ran);

        gate.release();
        assertFalse(body(first, "fetchrelease").has("error"), body(first, "fetchrelease").toString());
        // Once the first has ended, the same request is a job of its own again.
        CompletableFuture<Reply> again = send("f3", "fetchrelease", "release", "14.1-RELEASE");
        awaitHeld();
        gate.release();
        assertFalse(body(again, "fetchrelease").path("error").asText().contains("already running"));
        assertEquals(List.of("fetch", "fetch"), ran);
    }

    /** A request waiting its turn behind another job holds its id too: a third of the same kind is refused. */
    @Test
    void aJobWaitingItsTurnHoldsItsIdAndOtherJobsStillQueue() throws Exception {
        CompletableFuture<Reply> clean = send("c1", "cleanreleases");
        awaitHeld();
        CompletableFuture<Reply> fetch = send("f1", "fetchrelease", "release", "13.3-RELEASE");
        CompletableFuture<Reply> sameFetch = send("f2", "fetchrelease", "release", "13.3-RELEASE");
        CompletableFuture<Reply> otherFetch = send("f3", "fetchrelease", "release", "12.4-RELEASE");
        CompletableFuture<Reply> secondClean = send("c2", "cleanreleases");
        assertTrue(body(sameFetch, "fetchrelease").path("error").asText().contains("already running or waiting its turn"));
        assertTrue(body(secondClean, "cleanreleases").path("error").asText()
                .startsWith("the same cleanreleases is already running"));
        assertFalse(fetch.isDone());
        assertFalse(otherFetch.isDone());

        gate.release(3);
        for (CompletableFuture<Reply> f : List.of(clean, fetch, otherFetch)) {
            JsonNode b = ((Response) f.get(20, TimeUnit.SECONDS)).args().elements().next();
            assertFalse(b.path("error").asText().contains("already running"), b.toString());
        }
        assertEquals(List.of("clean", "fetch", "fetch"), ran);
    }

    @Test
    void aCreateOfANamedJailRunsOnceButJailsIocageNamesMayBeCreatedTogether() throws Exception {
        CompletableFuture<Reply> first = send("a", "createjail", "props", "tag=web09 release=13.2-RELEASE");
        awaitHeld();
        CompletableFuture<Reply> same = send("b", "createjail", "props", "release=14.1-RELEASE tag=web09");
        assertTrue(body(same, "createjail").path("error").asText().startsWith("the same createjail of web09 is already"));
        gate.release();
        assertFalse(body(first, "createjail").has("error"), body(first, "createjail").toString());

        // No name: iocage names each one, so two alike are two jobs.
        CompletableFuture<Reply> unnamed1 = send("c", "createjail", "props", "release=13.2-RELEASE");
        CompletableFuture<Reply> unnamed2 = send("d", "createjail", "props", "release=13.2-RELEASE");
        gate.release(2);
        assertFalse(body(unnamed1, "createjail").has("error"), body(unnamed1, "createjail").toString());
        assertFalse(body(unnamed2, "createjail").has("error"), body(unnamed2, "createjail").toString());
        assertEquals(List.of("create", "create", "create"), ran);
    }

    /** A cancelled job and a refused request give their id back. */
    @Test
    void aCancelledOrBadRequestFreesItsId() throws Exception {
        CompletableFuture<Reply> first = send("e1", "exportjail", "jail", "mail");
        awaitHeld();
        assertTrue(host.cancel("e1"));
        assertEquals("cancelled: iocage was stopped", body(first, "exportjail").path("error").asText());
        CompletableFuture<Reply> again = send("e2", "exportjail", "jail", "mail");
        awaitHeld();
        gate.release();
        assertFalse(body(again, "exportjail").has("error"), body(again, "exportjail").toString());

        for (String bad : List.of("a;b", "-f", "$(x)", "x\ny")) {
            for (int i = 0; i < 2; i++) {
                Reply r = send("bad", "fetchrelease", "release", bad).get(20, TimeUnit.SECONDS);
                assertTrue(r instanceof org.jaildesk.protocol.ErrorReply, bad + ": " + r);
            }
        }
        assertEquals(List.of("export", "export"), ran);
    }

    @Test
    void whichRequestsRunOneAtATime() {
        var json = HostHarness.CODEC.mapper();
        assertTrue(Protocol.oneAtATime("fetchrelease", json.createObjectNode().put("release", "14.1-RELEASE")));
        assertTrue(Protocol.oneAtATime("cleanall", json.createObjectNode()));
        assertTrue(Protocol.oneAtATime("createjail", json.createObjectNode().put("props", "tag=a release=14.1-RELEASE")));
        assertTrue(Protocol.oneAtATime("createjail", json.createObjectNode().set("props",
                json.createObjectNode().put("tag", "a"))));
        assertFalse(Protocol.oneAtATime("createjail", json.createObjectNode().put("props", "release=14.1-RELEASE")));
        assertFalse(Protocol.oneAtATime("clonejail", json.createObjectNode().put("jail", "mail").put("props", "tag=m2")));
        assertFalse(Protocol.oneAtATime("exportjail", json.createObjectNode()));
        assertFalse(Protocol.oneAtATime("startjail", json.createObjectNode().put("jail", "mail")));
    }
}
