package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** REST: every REST request body of the API page, Basic auth on every request, the body rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + ServerFixture.PASSWORD).getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path dir;
    ServerFixture fx;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        fx = new ServerFixture(dir, false, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.LEGACY));
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private HttpResponse<String> put(String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(fx.restUri(path)).PUT(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page's REST bodies, run in order on one legacy demo host (the page's own dialect). */
    @TestFactory
    Stream<DynamicTest> everyRestRequestOfTheApiPageIsAnswered() throws Exception {
        Path seed = Paths.get(ServerRestTest.class.getResource("/seed").toURI());
        List<Path> bodies;
        try (Stream<Path> files = Files.list(seed)) {
            bodies = files.filter(p -> p.toString().endsWith("rest-request.json")).sorted().toList();
        }
        assertEquals(Files.list(seed).filter(p -> p.toString().endsWith("ws-request.json")).count(), bodies.size());
        return bodies.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            JsonNode body = JSON.readTree(Files.readString(p));
            // The page's examples name a jail "test" and a pool "tank"; make "test" exist and be stopped first.
            String action = body.get("action").asText();
            if (action.equals("destroyjail") || action.equals("startjail") || action.equals("execjail")) {
                put("/sysadm/iocage", "{\"action\":\"createjail\",\"props\":\"tag=test release=14.1-RELEASE\"}", BASIC);
            }
            HttpResponse<String> r = put("/sysadm/iocage", body.toString(), BASIC);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, r.statusCode() + " " + r.body());
            JsonNode reply = JSON.readTree(r.body());
            if (r.statusCode() == 200) {
                assertTrue(reply.get("args").has(action), r.body());
                assertEquals(1, reply.size(), "the REST body is {\"args\": …} only");
            } else {
                // A documented request our host refuses as malformed: getjailsettings with a jail that is not there.
                assertEquals("400", reply.get("args").get("code").asText());
            }
        }));
    }

    /** A 401 says why in its body, as every other REST error does, beside the Basic challenge. */
    @Test
    void withoutBasicAuthItIs401WithTheReason() throws Exception {
        HttpResponse<String> r = put("/sysadm/iocage", "{\"action\":\"listjails\"}", null);
        assertEquals(401, r.statusCode());
        assertEquals("log in with HTTP Basic credentials: the user name and password of a user of this server",
                new ObjectMapper().readTree(r.body()).get("args").get("message").asText());
        assertEquals("401", new ObjectMapper().readTree(r.body()).get("args").get("code").asText());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        HttpResponse<String> wrong = put("/sysadm/iocage", "{\"action\":\"listjails\"}", "Basic bm9ib2R5Ondyb25n");
        assertEquals(401, wrong.statusCode());
        assertEquals("wrong user name or password", new ObjectMapper().readTree(wrong.body()).get("args").get("message").asText());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, put("/sysadm/iocage", "{\"action\":\"listjails\"}", "Bearer abc").statusCode());
        assertEquals(401, put("/sysadm/iocage", "{\"action\":\"listjails\"}", "Basic !!!").statusCode());
    }

    @Test
    void aJsonObjectBodyIsRequired() throws Exception {
        for (String body : List.of("", "listjails", "[]", "{\"action\":")) {
            HttpResponse<String> r = put("/sysadm/iocage", body, BASIC);
            assertEquals(400, r.statusCode(), body);
            assertTrue(JSON.readTree(r.body()).get("args").get("message").asText().startsWith("a JSON object body is required"));
        }
    }

    @Test
    void unknownClassesAre404AndOtherVerbs400() throws Exception {
        assertEquals(404, put("/sysadm/pkg", "{}", BASIC).statusCode());
        HttpResponse<String> del = http.send(HttpRequest.newBuilder(fx.restUri("/sysadm/iocage")).DELETE()
                .header("Authorization", BASIC).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, del.statusCode());
    }

    @Test
    void postAndGetWorkLikePutAndAFullEnvelopeIsAccepted() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(fx.restUri("/sysadm/iocage"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"x\",\"args\":{\"action\":\"df\"}}"))
                .header("Authorization", BASIC).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(JSON.readTree(r.body()).get("args").has("df"));
        assertEquals(URI.create(fx.restUri("/x").toString()).getPort(), fx.server.restPort());
    }
}
