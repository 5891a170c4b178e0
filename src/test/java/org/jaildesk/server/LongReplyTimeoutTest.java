package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.Trouble;
import org.jaildesk.client.WebSocketOptions;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.RequestHandler;
import org.jaildesk.protocol.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host may let a release download run for two hours: the client must not report such a request failed at its usual
 * limit while the host is still at it (ordinary requests keep the usual limit), and REST requests that wait that long
 * must not hold up the others.
 */
class LongReplyTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void restRequestsWaitingForLongActionsDoNotHoldUpTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newCachedThreadPool();
        // Fetches are held until released; everything else is answered at once.
        RequestHandler host = request -> CompletableFuture.supplyAsync(() -> {
            String action = request.args().path("action").asText();
            if (action.equals("fetchrelease")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ObjectNode args = JsonNodeFactory.instance.objectNode();
            args.putObject(action).put("success", action + " answered");
            return (Reply) Response.to(request, args);
        }, pool);
        UserStore users = UserStore.load(dir.resolve("users"));
        users.put("admin", ServerFixture.PASSWORD.toCharArray());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (SysadmServer server = new SysadmServer(host, ServerConfig.defaults(InetAddress.getLoopbackAddress(), dir, "test")
                .withPorts(0, 0).withTls(false), users, null, "test").start()) {
            java.util.function.Function<String, HttpRequest> post = action -> HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.restPort() + "/sysadm/iocage"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("admin:" + ServerFixture.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}")).build();
            List<CompletableFuture<HttpResponse<String>>> fetches = new ArrayList<>();
            for (int i = 0; i < 8; i++) { // more than the server has REST workers
                fetches.add(http.sendAsync(post.apply("fetchrelease"), HttpResponse.BodyHandlers.ofString()));
            }
            HttpResponse<String> list = http.sendAsync(post.apply("listjails"), HttpResponse.BodyHandlers.ofString())
                    .get(60, TimeUnit.SECONDS);
            assertEquals(200, list.statusCode());
            assertTrue(list.body().contains("listjails answered"), list.body());
            assertTrue(fetches.stream().noneMatch(CompletableFuture::isDone), "the fetches are still running");

            release.countDown();
            for (CompletableFuture<HttpResponse<String>> f : fetches) {
                HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode());
                assertTrue(r.body().contains("fetchrelease answered"), r.body());
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

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
             WebSocketTransport t = new WebSocketTransport(new WebSocketOptions(
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
