package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user who may only read: everything listed and shown, every change refused (403) before the host sees it, audited. */
class ReadOnlyUserTest extends ServerTestBase {

    private static final String VIEWER_PASSWORD = "viewer's long passphrase";

    @BeforeEach
    void viewer() throws Exception {
        fx.users.put("viewer", VIEWER_PASSWORD.toCharArray(), true);
    }

    private static JsonNode ask(RawClient c, String id, Map<String, Object> args) throws Exception {
        c.send(JSON.writeValueAsString(Map.of("namespace", "sysadm", "name", "iocage", "id", id, "args", args)));
        return replyTo(c, id);
    }

    private static String code(JsonNode reply) {
        return reply.path("name").asText().equals("error") ? reply.path("args").path("code").asText() : "ok";
    }

    private String stateOf(RawClient c, String jail) throws Exception {
        JsonNode jails = ask(c, "l" + System.nanoTime(), Map.of("action", "listjails")).path("args").path("listjails");
        for (JsonNode j : jails) {
            if (j.path("tag").asText(j.path("name").asText()).equals(jail) || jail.equals(j.path("uuid").asText())) {
                return j.path("state").asText();
            }
        }
        throw new AssertionError("no jail " + jail + " in " + jails);
    }

    @Test
    void aReadOnlyUserReadsEverythingAndEveryChangeIsRefusedAndAudited() throws Exception {
        RawClient c = raw().login("viewer", VIEWER_PASSWORD);
        c.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q\",\"args\":{}}");
        assertEquals("read", replyTo(c, "q").path("args").path("sysadm/iocage").asText(), "as sysadm says it");
        String before = stateOf(c, "mail");
        for (Map<String, Object> read : List.<Map<String, Object>>of(Map.of("action", "listjails"),
                Map.of("action", "getjailsettings", "jail", "mail"), Map.of("action", "df"), Map.of("action", "listaudit"),
                Map.of("action", "activatepool"), Map.of("action", "listprotected"), Map.of("action", "listsnapshots", "jail", "mail"))) {
            assertEquals("ok", code(ask(c, "r", read)), read.toString());
        }
        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("action", "startjail", "jail", "mail"),
                Map.of("action", "destroyjail", "jail", "mail"), Map.of("action", "execjail", "jail", "db01", "command", "id"),
                Map.of("action", "setjailsettings", "jail", "mail", "props", "notes=x"), Map.of("action", "activatepool", "pool", "tank"),
                Map.of("action", "protectjail", "jail", "mail"), Map.of("action", "cancel", "id", "x"),
                Map.of("action", "cleanall"), Map.of("action", "createjail", "release", "14.1-RELEASE", "props", "tag=new"))) {
            JsonNode r = ask(c, "w", change);
            assertEquals("403", code(r), change + " → " + r);
            assertTrue(r.path("args").path("message").asText().startsWith("user viewer may only read on this server"), r.toString());
        }
        assertEquals(before, stateOf(c, "mail"), "nothing changed");
        String audit = Files.readString(fx.server.auditFile());
        assertTrue(audit.contains("user=viewer from=127.0.0.1 action=startjail target=mail result=refused:403"), audit);
        assertTrue(audit.contains("user=viewer from=127.0.0.1 action=protectjail target=mail result=refused:403"), audit);

        // The same over REST; and an admin may still change.
        HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(fx.restUri("/sysadm/iocage"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("viewer:" + VIEWER_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"action\":\"startjail\",\"jail\":\"mail\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(rest.body().contains("\"403\""), rest.statusCode() + " " + rest.body());
        RawClient admin = raw();
        login(admin);
        admin.send("{\"namespace\":\"rpc\",\"name\":\"query\",\"id\":\"q\",\"args\":{}}");
        assertEquals("read/write", replyTo(admin, "q").path("args").path("sysadm/iocage").asText());
        assertEquals("ok", code(ask(admin, "s", Map.of("action", "startjail", "jail", "mail"))));
    }

    @Test
    void aPasswordChangedKeepsTheRoleAndTheFileSaysIt() throws Exception {
        fx.users.put("viewer", "a new long passphrase".toCharArray());
        assertTrue(fx.users.readOnly("viewer"), "kept");
        assertTrue(Files.readString(dir.resolve("users")).lines().anyMatch(l -> l.startsWith("viewer:") && l.endsWith(":read-only")));
        assertTrue(UserStore.load(dir.resolve("users")).readOnly("viewer"));
        fx.users.put("viewer", "a new long passphrase".toCharArray(), false);
        assertTrue(!fx.users.readOnly("viewer"));
        Files.writeString(dir.resolve("users"), Files.readString(dir.resolve("users")).replace("\n", ":read-write\n")
                .replace("# JailDesk users", "# x"));
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> UserStore.load(dir.resolve("users")),
                "a sixth field other than read-only is damage");
    }
}
