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
}
