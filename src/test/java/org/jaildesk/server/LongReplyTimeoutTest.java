package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.Trouble;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.RequestHandler;
import org.jaildesk.protocol.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host may let a release download run for two hours: the client must not report such a request failed at its usual
 * limit while the host is still at it. Ordinary requests keep the usual limit.
 */
class LongReplyTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void aLongActionIsWaitedForPastTheUsualLimitAndAnOrdinaryOneIsNot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newCachedThreadPool();
        // A host that answers nothing until released.
        RequestHandler holding = request -> CompletableFuture.supplyAsync(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ObjectNode args = JsonNodeFactory.instance.objectNode();
            args.putObject(request.args().path("action").asText()).put("success", "done at last");
            return (Reply) Response.to(request, args);
        }, pool);
        UserStore users = UserStore.load(dir.resolve("users"));
        users.put("admin", ServerFixture.PASSWORD.toCharArray());
        try (SysadmServer server = new SysadmServer(holding, ServerConfig.defaults(InetAddress.getLoopbackAddress(), dir, "test")
                .withPorts(0, 0).withTls(false), users, null, "test").start();
             WebSocketTransport t = new WebSocketTransport(new WebSocketTransport.Options(
                     URI.create("ws://127.0.0.1:" + server.wsPort()), "admin", ServerFixture.PASSWORD::toCharArray,
                     new KnownHosts(dir.resolve("known")), Duration.ofSeconds(2), Duration.ofSeconds(10), false))) {
            CompletableFuture<Reply> fetch = t.send(Request.iocage("", "fetchrelease", "release", "14.1-RELEASE"));
            CompletableFuture<Reply> start = t.send(Request.iocage("", "startjail", "jail", "mail"));

            ExecutionException e = assertThrows(ExecutionException.class, () -> start.get(60, TimeUnit.SECONDS));
            assertEquals(Trouble.NO_REPLY, assertInstanceOf(IocageClientException.class, e.getCause()).trouble());
            assertFalse(fetch.isDone(), "sent before the start, still waited for");

            release.countDown();
            Response done = assertInstanceOf(Response.class, fetch.get(60, TimeUnit.SECONDS));
            assertEquals("done at last", done.args().path("fetchrelease").path("success").asText());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
