package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Logins in the audit log, as action {@code login} with how they were made: who, from where, and how it went; a failed
 * one too (a name that is no user's as "-": people type their password there), and the one that blocked the address.
 */
class LoginAuditTest extends ServerTestBase {

    private static JsonNode auth(RawClient c, String user, String password) throws Exception {
        c.send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"a\",\"args\":{\"username\":" + JSON.writeValueAsString(user)
                + ",\"password\":" + JSON.writeValueAsString(password) + "}}");
        return replyTo(c, "a");
    }

    /** The audit log's login lines, oldest first, without their time. */
    private List<String> logins() throws Exception {
        return Files.readAllLines(fx.server.auditFile()).stream().filter(l -> l.contains(" action=login "))
                .map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    }

    @Test
    void loginsAndFailedOnesAreAuditedWithoutASecret() throws Exception {
        RawClient c = raw();
        String token = auth(c, "admin", ServerFixture.PASSWORD).path("args").get(0).asText();
        RawClient e = raw(); // another connection: an auth on c would end c's session, and its token with it
        auth(e, "admin", "not the passphrase");
        auth(e, ServerFixture.PASSWORD, "x"); // the password typed into the name
        RawClient d = raw();
        d.send("{\"namespace\":\"rpc\",\"name\":\"auth_token\",\"id\":\"t\",\"args\":{\"token\":\"" + token + "\"}}");
        assertEquals("response", json(d.next()).path("name").asText());
        d.send("{\"namespace\":\"rpc\",\"name\":\"auth_token\",\"id\":\"t2\",\"args\":{\"token\":\"no such token\"}}");
        assertEquals("401", json(d.next()).path("args").path("code").asText());
        HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(fx.restUri("/sysadm/iocage"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"action\":\"listjails\"}"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:wrong one".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, rest.statusCode());
        // The fifth failure since the last login from this address blocks it, and says so; a try while blocked is
        // refused before any check and not logged.
        auth(e, "admin", "wrong again");
        auth(e, "admin", "and again");
        auth(e, "admin", "once more");
        assertTrue(auth(e, "admin", ServerFixture.PASSWORD).path("args").path("message").asText().startsWith("too many failed logins"));

        assertEquals(List.of(
                "user=admin from=127.0.0.1 action=login target=password result=ok",
                "user=admin from=127.0.0.1 action=login target=password result=error:wrong_password",
                "user=- from=127.0.0.1 action=login target=password result=error:wrong_password",
                "user=admin from=127.0.0.1 action=login target=token result=ok",
                "user=- from=127.0.0.1 action=login target=token result=error:unknown_or_expired_token",
                "user=admin from=127.0.0.1 action=login target=rest result=error:wrong_password",
                "user=admin from=127.0.0.1 action=login target=password result=error:wrong_password",
                "user=admin from=127.0.0.1 action=login target=password result=error:wrong_password",
                "user=admin from=127.0.0.1 action=login target=password result=error:wrong_password;_address_blocked"),
                logins());
        String all = Files.readString(fx.server.auditFile());
        assertFalse(all.contains(ServerFixture.PASSWORD.split(" ")[1]) || all.contains("wrong_one") || all.contains(token),
                "no password or token in the audit log");
    }
}
