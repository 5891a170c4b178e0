package org.jaildesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.server.RawClient;
import org.jaildesk.server.ServerConfig;
import org.jaildesk.server.SysadmServer;
import org.jaildesk.server.UserStore;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Load and faults against the real server over the demo host. Every loop is bounded in count and time. */
class ServerReliabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long passphrase";

    @TempDir
    Path dir;
    IocageHost host;
    SysadmServer server;

    @BeforeEach
    void start() throws Exception {
        UserStore users = UserStore.load(dir.resolve("users"));
        users.put("admin", PASSWORD.toCharArray());
        host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                new HostOptions(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), 16));
        server = new SysadmServer(host, ServerConfig.defaults(InetAddress.getLoopbackAddress(), dir, "demo")
                .withPorts(0, 0).withTls(false).withThrottle(1000, Duration.ofMinutes(1)), users, null, "test").start();
    }

    @AfterEach
    void stop() {
        server.close();
        host.close();
    }

    /** A client that is logged in. */
    private RawClient client() throws InterruptedException {
        return RawClient.open(URI.create("ws://127.0.0.1:" + server.wsPort())).login("admin", PASSWORD);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void fiftyClientsTwoHundredRequestsEachAllAnsweredAndMatched() throws Exception {
        int clients = 50;
        int requests = 200;
        String[] actions = {"listjails", "df", "activatestatus", "listreleases"};
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int cid = c;
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    RawClient client = client();
                    for (int i = 0; i < requests; i++) {
                        client.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"c" + cid + "-" + i
                                + "\",\"args\":{\"action\":\"" + actions[i % actions.length] + "\"}}");
                    }
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < requests; i++) {
                        JsonNode r = JSON.readTree(client.next());
                        String id = r.get("id").asText();
                        int n = Integer.parseInt(id.substring(id.indexOf('-') + 1));
                        String action = actions[n % actions.length];
                        if (!id.startsWith("c" + cid + "-") || !r.get("args").has(action) || r.get("args").get(action).has("error")) {
                            throw new AssertionError("client " + cid + " got a wrong reply: " + r.toString().substring(0, 120));
                        }
                        seen.add(id);
                    }
                    client.closeBlocking();
                    return seen.size();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        for (CompletableFuture<Integer> f : results) {
            assertEquals(requests, f.get(150, TimeUnit.SECONDS), "every request answered once");
        }
        pool.shutdown();
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        assertTrue(after - before < 200L * 1024 * 1024, "memory grew by " + (after - before) / 1024 / 1024 + " MB");
    }

    @Test
    void randomMessagesGetErrorEnvelopesAndTheServerKeepsServing() throws Exception {
        RawClient c = client();
        Random random = new Random(42);
        String[] pieces = {"{", "}", "[", "]", "\"", ":", ",", "namespace", "sysadm", "iocage", "args", "action", "id",
            "null", "1e999", "\\u0000", "\u00ff", "-f", "$(x)", " ", "true"};
        int replies = 0;
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(20);
            for (int k = 0; k < n; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            c.send(b.length() == 0 ? " " : b.toString());
            JsonNode r = JSON.readTree(c.next());
            assertEquals("error", r.get("namespace").asText(), b.toString());
            assertTrue(List.of("400", "404").contains(r.get("args").get("code").asText()));
            replies++;
        }
        assertEquals(300, replies);
        c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"still\",\"args\":{\"action\":\"listjails\"}}");
        assertEquals("still", JSON.readTree(c.next()).get("id").asText());
    }

    @Test
    void aClientThatVanishesMidRequestDoesNotHurtTheServer() throws Exception {
        for (int i = 0; i < 5; i++) {
            RawClient gone = client();
            gone.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"f\",\"args\":{\"action\":\"fetchrelease\",\"release\":\"14.2-RELEASE\"}}");
            gone.closeConnection(1006, "gone");
        }
        RawClient c = client();
        c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"ok\",\"args\":{\"action\":\"listjails\"}}");
        JsonNode r = JSON.readTree(c.next());
        assertEquals(12, r.get("args").get("listjails").size());
    }

    @Test
    void twoClientsChangingTheSameJailAreSerializedAndBothGetATrueAnswer() throws Exception {
        RawClient a = client();
        RawClient b = client();
        String start = "{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"s\",\"args\":{\"action\":\"startjail\",\"jail\":\"mail\"}}";
        a.send(start);
        b.send(start);
        JsonNode ra = JSON.readTree(a.next()).get("args").get("startjail").get("mail");
        JsonNode rb = JSON.readTree(b.next()).get("args").get("startjail").get("mail");
        int started = (ra.has("* Starting mail") ? 1 : 0) + (rb.has("* Starting mail") ? 1 : 0);
        int already = (ra.has("INFO") ? 1 : 0) + (rb.has("INFO") ? 1 : 0);
        assertEquals(1, started, "exactly one started it: " + ra + " / " + rb);
        assertEquals(1, already, "the other was told it is already up");
    }
}
