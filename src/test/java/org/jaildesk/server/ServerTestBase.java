package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.WebSocketOptions;
import org.jaildesk.client.WebSocketTransport;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server over plain ws on loopback, started afresh for each test, with the demo host behind it (changes take
 * 20 ms a step), and what its tests share: clients (JailDesk's own and raw) that are closed after each test.
 */
abstract class ServerTestBase {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    ServerFixture fx;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fx = new ServerFixture(dir, false, new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 0, Duration.ZERO,
                Duration.ofMillis(20), null), 0, 0, Duration.ofSeconds(2));
    }

    /** The server stopped and started again on the same folder, {@code later} on its clock. */
    void restart(Duration later) throws Exception {
        java.time.Instant at = fx.clock.instant().plus(later);
        fx.close();
        fx = new ServerFixture(dir, false, new SimulatedIocage.Config(SimulatedIocage.Flavor.PYTHON, 0, Duration.ZERO,
                Duration.ofMillis(20), null), 0, 0, Duration.ofSeconds(2), at);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        fx.close();
    }

    WebSocketTransport transport(String password) {
        return transport(password::toCharArray);
    }

    /** A transport that asks {@code password} for the password each time it logs in. */
    WebSocketTransport transport(Supplier<char[]> password) {
        WebSocketTransport t = new WebSocketTransport(new WebSocketOptions(fx.wsUri(), "admin",
                password, new KnownHosts(dir.resolve("known")), Duration.ofSeconds(20), Duration.ofSeconds(10), true));
        open.add(t);
        return t;
    }

    RawClient raw() throws InterruptedException {
        RawClient c = RawClient.open(fx.wsUri());
        open.add(c::close);
        return c;
    }

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    static void login(RawClient c) throws Exception {
        c.login("admin", ServerFixture.PASSWORD);
    }

    static IocageClientException failureOf(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            return assertInstanceOf(IocageClientException.class, e.getCause());
        }
        throw new AssertionError("expected a failure");
    }

    /** The reply to request {@code id}, skipping events and other replies. */
    static JsonNode replyTo(RawClient c, String id) throws Exception {
        return repliesTo(c, id).get(id);
    }

    /** The replies to requests {@code ids}, in whatever order they come, skipping events and other replies. */
    static Map<String, JsonNode> repliesTo(RawClient c, String... ids) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        while (out.size() < ids.length) {
            JsonNode m = json(c.next());
            if (List.of(ids).contains(m.path("id").asText()) && !m.path("namespace").asText().equals("events")) {
                out.put(m.path("id").asText(), m);
            }
        }
        return out;
    }
}
