package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which requests become jobs: the ones that change the host, and only those. */
class JobTransportTest {

    private final IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
            HostOptions.defaults());
    private final List<String> jobs = new CopyOnWriteArrayList<>();
    private final IocageClient client = new IocageClient(new JobTransport(new InProcessTransport(host), (action, target, cancel) -> {
        jobs.add(action + " " + target);
        return new JobSink.Job() {
            @Override
            public void line(String line, int percent) {
            }

            @Override
            public void finished(boolean ok, String message, List<String> output) {
                jobs.add((ok ? "ok " : "failed ") + action);
            }
        };
    }));

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void theResultIsTheHostsWordOfSuccessOrNothing() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals("jail mail capped.", JobTransport.summary(json.createObjectNode().put("success", "jail mail capped.")));
        var made = json.createObjectNode();
        made.putObject("success").put("Successfully created", "shop (14.1-RELEASE)");
        assertEquals("Successfully created: shop (14.1-RELEASE)", JobTransport.summary(made));
        // A start answers with its steps only: no English "done" in a German result column.
        assertEquals("", JobTransport.summary(json.createObjectNode().set("mail", json.createObjectNode().put("INFO", "mail started"))));
        // A command run in a jail: "1", the first line of `jot 5`, is not what the job came to.
        var ran = json.createObjectNode();
        ran.putObject("success").put("1", "").put("2", "");
        ran.putArray("output").add("1").add("2");
        assertEquals("", JobTransport.summary(ran));
    }

    /** Cancel is offered only where the transport can stop the job: in process yes, over a remote connection no. */
    @Test
    void aJobOffersCancelOnlyWhereItsTransportCanStopIt() {
        List<Boolean> offered = new CopyOnWriteArrayList<>();
        JobSink sink = (action, target, cancel) -> {
            offered.add(cancel != null);
            return new JobSink.Job() {
                @Override
                public void line(String line, int percent) {
                }

                @Override
                public void finished(boolean ok, String message, List<String> output) {
                }
            };
        };
        InProcessTransport local = new InProcessTransport(host);
        new IocageClient(new JobTransport(new LoggingTransport(local, new ProtocolLog(), "demo"), sink)).startJail("mail").join();
        // A transport like the WebSocket one: it carries requests but cannot stop them.
        Transport remote = local::send;
        new IocageClient(new JobTransport(remote, sink)).stopJail("mail").join();
        assertEquals(List.of(true, false), offered);
    }

    @Test
    void readsAreNotJobsAskingTheActivePoolIncluded() {
        client.listJails().join();
        client.df().join();
        client.getJailSettings("mail").join();
        assertEquals(Optional.of("tank"), client.currentPool().join(), "activatepool without a pool only reads");
        assertTrue(jobs.isEmpty(), jobs.toString());
    }

    @Test
    void everyChangeIsAJobWithItsTargetAndResult() {
        client.activatePool("tank").join();
        client.startJail("mail").join();
        assertEquals(List.of("activatepool tank", "ok activatepool", "startjail mail", "ok startjail"), jobs);
        jobs.clear();
        client.createJail("tag=shop release=14.1-RELEASE boot=on", "-b").join();
        assertEquals(List.of("createjail shop", "ok createjail"), jobs, "a new jail's job is named after it, not its props");
        jobs.clear();
        assertFalse(client.stopJail("no-such-jail").handle((r, e) -> e == null).join());
        assertEquals("failed stopjail", jobs.get(jobs.size() - 1));
    }

    /**
     * The host sends every long job's progress to every client: a job shows only its own lines, not those of a job it
     * waits behind, nor of a job another client started on a shared server.
     */
    @Test
    void aJobShowsOnlyItsOwnProgress() {
        List<java.util.function.Consumer<org.jaildesk.protocol.Event>> listeners = new CopyOnWriteArrayList<>();
        Transport host = unanswered(listeners);
        java.util.Map<String, List<String>> lines = new java.util.concurrent.ConcurrentHashMap<>();
        IocageClient mine = new IocageClient(new JobTransport(host, (action, target, cancel) -> new JobSink.Job() {
            @Override
            public void line(String line, int percent) {
                lines.computeIfAbsent(target, k -> new CopyOnWriteArrayList<>()).add(line + " " + percent);
            }

            @Override
            public void finished(boolean ok, String message, List<String> output) {
            }
        }));
        mine.fetchRelease("13.3-RELEASE");
        mine.createJail("tag=shop release=14.1-RELEASE", "");
        mine.cleanAll();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.function.BiConsumer<String, String> send = (id, line) -> listeners.forEach(l -> l.accept(
                new org.jaildesk.protocol.Event(org.jaildesk.protocol.Protocol.DISPATCHER_EVENT,
                        json.createObjectNode().put("process_id", id).put("state", "running").put("line", line).put("percent", 40))));
        send.accept("jaildesk_iocage_fetch_14.1-RELEASE", "someone else's download");
        send.accept("jaildesk_iocage_fetch_13.3-RELEASE", "Fetching: 13.3-RELEASE");
        send.accept("jaildesk_iocage_create_web01", "another client's create");
        send.accept("jaildesk_iocage_create_shop", "shop is created");
        send.accept("jaildesk_iocage_clean_a", "cleaning everything");
        send.accept("sysadm_iocage_fetch_release_13.3-RELEASE", "the old server's job");
        assertEquals(java.util.Map.of("13.3-RELEASE", List.of("Fetching: 13.3-RELEASE 40"), "shop", List.of("shop is created 40"),
                "", List.of("cleaning everything 40")), lines);
    }

    /**
     * A host refuses a second job of one id at once (Protocol.oneAtATime); until its refusal arrives, a line of that
     * id is the first job's alone, and the refused job ends with the host's reason and no lines.
     */
    @Test
    void aSecondJobOfOneIdShowsNoneOfTheFirstsLines() throws Exception {
        IocageHost slow = new IocageHost(new SimulatedIocage(new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 12,
                java.time.Duration.ZERO, java.time.Duration.ofMillis(2), null)), HostOptions.defaults());
        List<List<String>> lines = new CopyOnWriteArrayList<>();
        List<String> ends = new CopyOnWriteArrayList<>();
        IocageClient client = new IocageClient(new JobTransport(new InProcessTransport(slow), recording(lines, ends)));
        try {
            var first = client.fetchRelease("12.4-RELEASE");
            var second = client.fetchRelease("12.4-RELEASE");
            assertTrue(second.handle((r, e) -> e).get(20, java.util.concurrent.TimeUnit.SECONDS) != null);
            first.get(20, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            slow.close();
        }
        assertTrue(lines.get(0).stream().anyMatch(l -> l.contains("12.4-RELEASE")), lines.toString());
        assertEquals(List.of(), lines.get(1));
        assertTrue(ends.contains("false the same fetchrelease of 12.4-RELEASE is already running or waiting its turn on"
                + " this host (perhaps from another window or user): wait for it to end"), ends.toString());
    }

    /** Two jobs of one id on this client: each line goes to the first of them only. */
    @Test
    void aLineOfOneIdGoesToTheFirstJobOfThatIdOnly() {
        List<java.util.function.Consumer<org.jaildesk.protocol.Event>> listeners = new CopyOnWriteArrayList<>();
        List<List<String>> lines = new CopyOnWriteArrayList<>();
        IocageClient client = new IocageClient(new JobTransport(unanswered(listeners), recording(lines, new CopyOnWriteArrayList<>())));
        client.fetchRelease("13.3-RELEASE");
        client.fetchRelease("13.3-RELEASE");
        listeners.forEach(l -> l.accept(new org.jaildesk.protocol.Event(org.jaildesk.protocol.Protocol.DISPATCHER_EVENT,
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .put("process_id", "jaildesk_iocage_fetch_13.3-RELEASE").put("state", "running").put("line", "x"))));
        assertEquals(List.of(List.of("x"), List.of()), lines);
    }

    /** On a real host: a fetch queued behind another (one host-wide change at a time) shows none of the first's lines. */
    @Test
    void aQueuedJobDoesNotShowTheLinesOfTheOneBeforeIt() {
        IocageHost slow = new IocageHost(new SimulatedIocage(new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 12,
                java.time.Duration.ZERO, java.time.Duration.ofMillis(2), null)), HostOptions.defaults());
        java.util.Map<String, List<String>> lines = new java.util.concurrent.ConcurrentHashMap<>();
        IocageClient both = new IocageClient(new JobTransport(new InProcessTransport(slow), (action, target, cancel) -> {
            lines.put(target, new CopyOnWriteArrayList<>());
            return new JobSink.Job() {
                @Override
                public void line(String line, int percent) {
                    lines.get(target).add(line);
                }

                @Override
                public void finished(boolean ok, String message, List<String> output) {
                }
            };
        }));
        try {
            var first = both.fetchRelease("12.4-RELEASE");
            var second = both.fetchRelease("13.3-RELEASE");
            first.join();
            second.join();
        } finally {
            slow.close();
        }
        for (String release : List.of("12.4-RELEASE", "13.3-RELEASE")) {
            String other = release.startsWith("12") ? "13.3-RELEASE" : "12.4-RELEASE";
            assertTrue(lines.get(release).stream().anyMatch(l -> l.contains(release)), release + ": " + lines.get(release));
            assertTrue(lines.get(release).stream().noneMatch(l -> l.contains(other)), release + ": " + lines.get(release));
        }
    }

    /** A host that takes every request and answers none (each job keeps running), and hands out its event listeners. */
    private static Transport unanswered(List<java.util.function.Consumer<org.jaildesk.protocol.Event>> listeners) {
        return new Transport() {
            @Override
            public java.util.concurrent.CompletableFuture<org.jaildesk.protocol.Reply> send(org.jaildesk.protocol.Request r) {
                return new java.util.concurrent.CompletableFuture<>();
            }

            @Override
            public AutoCloseable onEvent(java.util.function.Consumer<org.jaildesk.protocol.Event> l) {
                listeners.add(l);
                return () -> { };
            }
        };
    }

    /** Keeps each job's lines in a list of its own, in the order the jobs started, and each end as "ok message". */
    private static JobSink recording(List<List<String>> lines, List<String> ends) {
        return (action, target, cancel) -> {
            List<String> mine = new CopyOnWriteArrayList<>();
            lines.add(mine);
            return new JobSink.Job() {
                @Override
                public void line(String line, int percent) {
                    mine.add(line);
                }

                @Override
                public void finished(boolean ok, String message, List<String> output) {
                    ends.add(ok + " " + message);
                }
            };
        };
    }
}
