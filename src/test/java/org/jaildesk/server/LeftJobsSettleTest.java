package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.JobTransport;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jobs.JobRow;
import org.jaildesk.ui.jobs.JobsViewModel;
import org.junit.jupiter.api.Test;

/**
 * A job the window left running on JailDesk's server (the window quit while it ran) is settled once a desktop started
 * again reads the server's audit log: the server writes the change's end with the id the request came under, which the
 * job kept in the history.
 */
class LeftJobsSettleTest extends ServerTestBase {

    private static final long WAIT = 30;

    @Test
    void aJobLeftRunningTakesItsEndFromTheServersAuditLogOnceBack() throws Exception {
        // A fetch of some steps, on a clock that is this desktop's.
        fx.close();
        fx = new ServerFixture(dir, false, new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 0, Duration.ZERO,
                Duration.ofMillis(150), null), 0, 0, Duration.ofSeconds(2), Instant.now());
        ExecutorService fxThread = Executors.newSingleThreadExecutor();
        open.add(fxThread::shutdownNow);
        Path history = dir.resolve("jobs.json");
        Messages en = new Messages(Locale.ENGLISH);
        JobsViewModel window = new JobsViewModel(fxThread, en, history, m -> { });
        WebSocketTransport t = transport(ServerFixture.PASSWORD);
        CompletableFuture<Void> downloading = new CompletableFuture<>();
        t.onEvent(e -> {
            if (e.args().path("line").asText("").contains("Downloading")) {
                downloading.complete(null);
            }
        });
        CompletableFuture<String> fetch = new IocageClient(new JobTransport(t, window.sinkFor("nas"))).fetchRelease("14.2-RELEASE");
        downloading.get(WAIT, TimeUnit.SECONDS);
        JobRow row = fxThread.submit(() -> {
            window.windowClosing(host -> false);
            return window.jobs().get(0);
        }).get(WAIT, TimeUnit.SECONDS);
        assertEquals(JobRow.State.LEFT, fxThread.submit(() -> row.state().get()).get(WAIT, TimeUnit.SECONDS));
        // The server ends the fetch and writes its line before its reply goes out; the window has gone by then.
        fetch.get(WAIT, TimeUnit.SECONDS);
        window.flush().get(WAIT, TimeUnit.SECONDS);
        t.close();
        String audit = Files.readString(fx.server.auditFile());
        assertTrue(audit.matches("(?s).*action=fetchrelease target=14.2-RELEASE result=ok request=jd[0-9a-f]{12}-[0-9]+\n.*"), audit);

        // The desktop started again: the history says left running until the host is read.
        JobsViewModel again = new JobsViewModel(fxThread, en, history, m -> { });
        assertEquals(JobRow.State.LEFT, fxThread.submit(() -> again.jobs().get(0).state().get()).get(WAIT, TimeUnit.SECONDS));
        IocageClient back = new IocageClient(transport(ServerFixture.PASSWORD));
        assertEquals(1, again.settleLeft("nas", back::listAuditPage).get(WAIT, TimeUnit.SECONDS));
        JobRow settled = fxThread.submit(() -> again.jobs().get(0)).get(WAIT, TimeUnit.SECONDS);
        assertEquals(JobRow.State.DONE, fxThread.submit(() -> settled.state().get()).get(WAIT, TimeUnit.SECONDS));
        String result = fxThread.submit(() -> settled.result().get()).get(WAIT, TimeUnit.SECONDS);
        assertTrue(result.startsWith("Done while JailDesk was closed: ended "), result);

        again.flush().get(WAIT, TimeUnit.SECONDS);
        JobsViewModel third = new JobsViewModel(fxThread, en, history, m -> { });
        assertEquals(JobRow.State.DONE, fxThread.submit(() -> third.jobs().get(0).state().get()).get(WAIT, TimeUnit.SECONDS),
                "the end found is kept");
    }

    /** Two desktops (or two runs of one) never send a change under the same id: each transport's ids are its own. */
    @Test
    void twoTransportsNeverSendUnderTheSameId() throws Exception {
        WebSocketTransport a = transport(ServerFixture.PASSWORD);
        WebSocketTransport b = transport(ServerFixture.PASSWORD);
        new IocageClient(a).startJail("mail").get(WAIT, TimeUnit.SECONDS);
        new IocageClient(b).stopJail("mail").get(WAIT, TimeUnit.SECONDS);
        java.util.List<String> ids = new IocageClient(a).listAuditPage("").get(WAIT, TimeUnit.SECONDS).entries().stream()
                .map(org.jaildesk.domain.AuditEntry::request).filter(id -> !id.isEmpty()).toList();
        assertEquals(2, ids.size(), ids.toString());
        assertTrue(ids.stream().allMatch(id -> id.matches("jd[0-9a-f]{12}-[0-9]+")), ids.toString());
        assertTrue(!ids.get(0).equals(ids.get(1)) && !ids.get(0).regionMatches(0, ids.get(1), 0, 15), ids.toString());
    }
}
