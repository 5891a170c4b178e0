package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.WebSocketOptions;
import org.jaildesk.client.WebSocketTransport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user whose password login also needs the one-time code of an authenticator app (TOTP), on the real server. */
class OneTimeCodeTest extends ServerTestBase {

    private String secret;

    @BeforeEach
    void codes() throws Exception {
        secret = fx.users.setCodes("admin", true);
    }

    private String codeNow(int stepsFromNow) {
        return Totp.code(secret, Math.floorDiv(fx.clock.instant().getEpochSecond(), Totp.PERIOD) + stepsFromNow);
    }

    private static JsonNode auth(RawClient c, Object otp) throws Exception {
        Map<String, Object> args = new java.util.HashMap<>(Map.of("username", "admin", "password", ServerFixture.PASSWORD));
        if (otp != null) {
            args.put("otp", otp);
        }
        c.send(JSON.writeValueAsString(Map.of("namespace", "rpc", "name", "auth", "id", "a", "args", args)));
        return replyTo(c, "a");
    }

    private static String message(JsonNode reply) {
        return reply.path("name").asText().equals("error") ? reply.path("args").path("message").asText() : "ok";
    }

    @Test
    void thePasswordAloneIsNotEnoughAndEachCodeIsTakenOnce() throws Exception {
        RawClient c = raw();
        assertTrue(message(auth(c, null)).startsWith("one-time code needed"), "the password was right: the code is asked");
        assertTrue(message(auth(c, "000000".equals(codeNow(0)) ? "111111" : "000000")).startsWith("wrong one-time code"));
        assertTrue(message(auth(c, codeNow(-2))).startsWith("wrong one-time code"), "a minute old");
        assertEquals("ok", message(auth(c, codeNow(0))));
        assertTrue(message(auth(raw(), codeNow(0))).startsWith("wrong one-time code"), "used already");
        assertTrue(message(auth(raw(), codeNow(-1))).startsWith("wrong one-time code"), "older than one used");
        assertEquals("ok", message(auth(raw(), codeNow(1))), "the next step's, for a clock a little ahead");
        assertTrue(Files.readString(fx.server.auditFile()).contains("user=admin from=127.0.0.1 action=login target=password+code result=ok"));
        // Bad input is a failed login too; a right code between them keeps the address from being blocked.
        RawClient d = raw();
        for (List<Object> three : List.<List<Object>>of(List.of("12345", "1234567", "$(x)"), List.of(123456, "", "x".repeat(100_000)))) {
            for (Object bad : three) {
                assertTrue(message(auth(d, bad)).matches("(wrong one-time code|one-time code needed).*"), String.valueOf(bad));
            }
            fx.clock.advance(Duration.ofSeconds(90));
            assertEquals("ok", message(auth(d, codeNow(0))));
        }
        assertTrue(Files.readString(dir.resolve("users")).contains(":totp=" + secret), "kept with the user, owner-only");
    }

    /** A login that learns the code is needed is no failure; five wrong codes are, as wrong passwords are. */
    @Test
    void fiveWrongCodesBlockTheAddressButAskingWithoutACodeDoesNot() throws Exception {
        RawClient c = raw();
        for (int i = 0; i < 6; i++) {
            assertTrue(message(auth(c, null)).startsWith("one-time code needed"));
        }
        String wrong = "000000".equals(codeNow(0)) || "000000".equals(codeNow(-1)) || "000000".equals(codeNow(1)) ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertTrue(message(auth(c, wrong)).startsWith("wrong one-time code"));
        }
        assertTrue(message(auth(c, codeNow(0))).startsWith("too many failed logins"));
        // In the audit log: the wrong codes (how: password and code), not the asking without one.
        List<String> logins = Files.readAllLines(fx.server.auditFile()).stream().filter(l -> l.contains("action=login")).toList();
        assertEquals(5, logins.size(), logins.toString());
        assertTrue(logins.get(0).endsWith("user=admin from=127.0.0.1 action=login target=password+code result=error:wrong_one-time_code"),
                logins.get(0));
    }

    @Test
    void restCannotCarryACodeAndIsRefused() throws Exception {
        HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(fx.restUri("/sysadm/iocage"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ServerFixture.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"action\":\"listjails\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, rest.statusCode());
        assertTrue(rest.body().contains("\"message\" : \"one-time code needed: REST cannot carry it\""), rest.body());
    }

    @Test
    void theClientAsksTheCodeAfterThePasswordAndAgainWhenItDidNotHold() throws Exception {
        List<Boolean> asked = new ArrayList<>();
        WebSocketTransport t = new WebSocketTransport(new WebSocketOptions(fx.wsUri(), "admin",
                ServerFixture.PASSWORD::toCharArray, new KnownHosts(dir.resolve("known")), Duration.ofSeconds(20),
                Duration.ofSeconds(10), true, null, again -> {
                    asked.add(again);
                    return asked.size() == 1 ? "000000".equals(codeNow(0)) ? "111111" : "000000" : codeNow(0);
                }));
        open.add(t);
        assertEquals(12, new IocageClient(t).listJails().get(30, TimeUnit.SECONDS).size());
        assertEquals(List.of(false, true), asked, "asked, then asked again after a wrong one");

        WebSocketTransport cannotAsk = new WebSocketTransport(new WebSocketOptions(fx.wsUri(), "admin",
                ServerFixture.PASSWORD::toCharArray, new KnownHosts(dir.resolve("known")), Duration.ofSeconds(20),
                Duration.ofSeconds(10), true));
        open.add(cannotAsk);
        IocageClientException e = failureOf(new IocageClient(cannotAsk).listJails());
        assertTrue(e.getMessage().contains("one-time code needed"), "a caller that cannot ask says why: " + e.getMessage());

        WebSocketTransport declined = new WebSocketTransport(new WebSocketOptions(fx.wsUri(), "admin",
                ServerFixture.PASSWORD::toCharArray, new KnownHosts(dir.resolve("known")), Duration.ofSeconds(20),
                Duration.ofSeconds(10), true, null, again -> null));
        open.add(declined);
        assertTrue(failureOf(new IocageClient(declined).listJails()).getMessage().contains("cancelled"));
    }
}
