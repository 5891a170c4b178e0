package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.WebSocketTransport;
import org.junit.jupiter.api.Test;

/** Stopping a running change: only the connection that sent it can, by the id it gave it. */
class ServerCancelTest extends ServerTestBase {

    /**
     * A connection stops its own change and no other: ids are the clients' own, so a second connection may use the
     * same one; its cancel finds nothing of its own, and its change of that id is not the one stopped.
     */
    @Test
    void aConnectionCancelsItsOwnChangeOnly() throws Exception {
        RawClient a = raw();
        login(a);
        a.send("{\"namespace\":\"events\",\"name\":\"subscribe\",\"id\":\"s\",\"args\":[\"dispatcher\"]}");
        a.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"job\",\"args\":{\"action\":\"fetchrelease\",\"release\":\"14.2-RELEASE\"}}");
        String m;
        do {
            m = a.next();
        } while (!m.contains("Downloading"));
        RawClient b = raw();
        login(b);
        // b's own fetch under the same id waits behind a's (one host-wide change at a time).
        b.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"job\",\"args\":{\"action\":\"fetchrelease\",\"release\":\"13.3-RELEASE\"}}");
        b.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"b1\",\"args\":{\"action\":\"cancel\",\"id\":\"nope\"}}");
        assertEquals("no change with id 'nope' is running on this connection", replyTo(b, "b1").at("/args/cancel/error").asText());
        a.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"a1\",\"args\":{\"action\":\"cancel\",\"id\":\"job\"}}");
        // The cancelled change may answer before the cancel does.
        Map<String, JsonNode> as = repliesTo(a, "a1", "job");
        assertEquals("true", as.get("a1").at("/args/cancel/cancelled").asText());
        assertEquals("cancelled: iocage was stopped", as.get("job").at("/args/fetchrelease/error").asText());
        JsonNode bs = replyTo(b, "job");
        assertEquals("release 13.3-RELEASE fetched.", bs.at("/args/fetchrelease/success").asText(), bs.toString());
        String audit = java.nio.file.Files.readString(fx.server.auditFile());
        assertTrue(audit.contains("action=cancel target=nope result=error:not_running"), audit);
        assertTrue(audit.contains("action=cancel target=job result=ok"), audit);
        assertTrue(audit.contains("action=fetchrelease target=14.2-RELEASE result=error:cancelled:_iocage_was_stopped"), audit);
    }

    @Test
    void cancelNeedsTheIdOfARequest() throws Exception {
        RawClient c = raw();
        login(c);
        for (String args : List.of("{\"action\":\"cancel\"}", "{\"action\":\"cancel\",\"id\":\"\"}",
                "{\"action\":\"cancel\",\"id\":7}")) {
            c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"x\",\"args\":" + args + "}");
            JsonNode r = replyTo(c, "x");
            assertEquals("400", r.at("/args/code").asText(), r.toString());
        }
        // Ids that look like commands, options or log lines are only ids: nothing of them runs, and the audit line
        // stays one line.
        for (String id : List.of("-f", "a;b", "$(touch x)", "line\\nbreak", "x".repeat(100_000))) {
            c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"y\",\"args\":{\"action\":\"cancel\",\"id\":"
                    + JSON.writeValueAsString(id.replace("\\n", "\n")) + "}}");
            JsonNode r = replyTo(c, "y");
            assertTrue(r.at("/args/cancel/error").asText().startsWith("no change with id '"), r.toString().substring(0, Math.min(300, r.toString().length())));
        }
        String audit = java.nio.file.Files.readString(fx.server.auditFile());
        assertEquals(5, audit.lines().filter(l -> l.contains("action=cancel")).count(), audit.substring(0, Math.min(2000, audit.length())));
        assertTrue(audit.lines().allMatch(l -> l.length() < 400), "audit lines are clipped");
        assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("x")), "nothing ran");
    }

    /** The desktop's way: a remote job offers Cancel where the server can stop it, and Cancel stops it. */
    @Test
    void aRemoteJobCanBeCancelledFromTheClient() throws Exception {
        WebSocketTransport t = transport(ServerFixture.PASSWORD);
        java.util.concurrent.CountDownLatch downloading = new java.util.concurrent.CountDownLatch(1);
        List<java.util.function.BooleanSupplier> cancels = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<String> result = new CompletableFuture<>();
        IocageClient c = new IocageClient(new org.jaildesk.client.JobTransport(t, (action, target, cancel) -> {
            if (cancel != null) {
                cancels.add(cancel);
            }
            return new org.jaildesk.client.JobSink.Job() {
                @Override
                public void line(String line, int percent) {
                    downloading.countDown();
                }

                @Override
                public void finished(boolean ok, String message, List<String> output) {
                    result.complete((ok ? "ok " : "failed ") + message);
                }
            };
        }));
        assertFalse(t.canCancel(), "not known before the host is asked");
        c.listJails().join();
        assertTrue(t.canCancel(), "our server advertises cancel at login");
        CompletableFuture<String> fetch = c.fetchRelease("14.2-RELEASE");
        assertTrue(downloading.await(30, TimeUnit.SECONDS));
        assertEquals(1, cancels.size(), "the job offers Cancel");
        assertTrue(cancels.get(0).getAsBoolean());
        assertEquals("failed cancelled: iocage was stopped", result.get(30, TimeUnit.SECONDS));
        assertTrue(fetch.handle((r, e) -> e != null).get(30, TimeUnit.SECONDS), "the call fails too");
        assertFalse(t.cancel("no-such-request"));
    }
}
