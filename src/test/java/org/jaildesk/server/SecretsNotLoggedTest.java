package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No password or token ever reaches a log line or the audit log, at any level. */
class SecretsNotLoggedTest {

    @TempDir
    Path dir;

    @Test
    void passwordsAndTokensAreNeverLogged() throws Exception {
        List<String> lines = new ArrayList<>();
        SimpleFormatter format = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                lines.add(format.format(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("org.jaildesk");
        Level before = ours.getLevel();
        root.addHandler(capture);
        ours.setLevel(Level.ALL);
        String wrong = "Wr0ngPassw0rdGuess";
        String token;
        try (ServerFixture fx = new ServerFixture(dir, false, SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON))) {
            RawClient c = RawClient.open(fx.wsUri());
            c.send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"a\",\"args\":{\"username\":\"admin\",\"password\":\"" + wrong + "\"}}");
            c.next();
            c.send("{\"namespace\":\"rpc\",\"name\":\"auth\",\"id\":\"b\",\"args\":{\"username\":\"admin\",\"password\":\""
                    + ServerFixture.PASSWORD + "\"}}");
            token = new ObjectMapper().readTree(c.next()).get("args").get(0).asText();
            c.send("{\"namespace\":\"sysadm\",\"name\":\"iocage\",\"id\":\"s\",\"args\":{\"action\":\"startjail\",\"jail\":\"mail\"}}");
            c.next();
            c.send("{\"namespace\":\"rpc\",\"name\":\"auth_token\",\"id\":\"t\",\"args\":{\"token\":\"" + token + "x\"}}");
            c.next();
            c.close();
            HttpClient http = HttpClient.newHttpClient();
            for (String pw : List.of(wrong, ServerFixture.PASSWORD)) {
                http.send(HttpRequest.newBuilder(fx.restUri("/sysadm/iocage")).PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"action\":\"stopjail\",\"jail\":\"mail\"}")).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + pw).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            }
            lines.add(Files.readString(fx.server.auditFile()));
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }
        String all = String.join("\n", lines);
        assertTrue(all.contains("failed login for 'admin'"), "the failure itself is logged");
        assertTrue(all.contains("action=startjail"), "the audit log was read");
        for (String secret : List.of(wrong, ServerFixture.PASSWORD, token, Base64.getEncoder().encodeToString(
                ("admin:" + wrong).getBytes(StandardCharsets.UTF_8)))) {
            assertFalse(all.contains(secret), "a secret reached the logs: " + secret);
        }
    }
}
