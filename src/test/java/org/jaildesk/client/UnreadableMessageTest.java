package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.junit.jupiter.api.Test;

/**
 * A host that answers with something that is not sysadm JSON: which request it answered cannot be known, so the
 * connection is closed and what waited on it fails at once, saying why, instead of waiting out its time limit.
 */
class UnreadableMessageTest extends OverLoopback<UnreadableMessageTest.Host> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Logs anyone in; answers the first {@code listjails} with an HTML page, every other request properly. */
    static final class Host extends LoopbackHost {
        final AtomicInteger listings = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        final String garbage = "<html><body>502 Bad Gateway</body></html>";
        /** Answers the login with the page too, while true. */
        volatile boolean garbledLogin;

        @Override
        public void onOpen(WebSocket c, ClientHandshake h) {
            connections.incrementAndGet();
        }

        @Override
        public void onMessage(WebSocket c, String text) {
            try {
                JsonNode m = JSON.readTree(text);
                String id = m.path("id").asText();
                String name = m.path("name").asText();
                JsonNode args = m.path("args");
                Object answer;
                if (name.equals("auth") && garbledLogin) {
                    c.send(garbage);
                    return;
                } else if (name.equals("auth")) {
                    answer = java.util.List.of("token-1", 0);
                } else if (args.path("action").asText().equals("listjails")) {
                    if (listings.incrementAndGet() == 1) {
                        c.send(garbage);
                        return;
                    }
                    answer = java.util.Map.of("listjails", java.util.Map.of("web", java.util.Map.of("jid", "-", "state", "down",
                            "tag", "web")));
                } else {
                    answer = java.util.Map.of();
                }
                c.send(JSON.writeValueAsString(java.util.Map.of("namespace", "sysadm", "name", "response", "id", id,
                        "args", answer)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }


    @Test
    void anUnreadableReplyFailsItsRequestAtOnceAndTheNextOneWorksOnANewConnection() throws Exception {
        // A limit of ten minutes for a reply (see connect): the failure must not be its running out.
        connect(new Host(), "pw"::toCharArray);
        IocageClient client = new IocageClient(transport);
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.listJails().get(20, TimeUnit.SECONDS));
        IocageClientException why = assertInstanceOf(IocageClientException.class, e.getCause());
        assertEquals(Trouble.UNREADABLE, why.trouble(), why.getMessage());
        assertTrue(why.getMessage().startsWith("127.0.0.1:" + host.getPort() + " sent a message JailDesk cannot read (malformed JSON"),
                why.getMessage());
        assertEquals("web", client.listJails().get(20, TimeUnit.SECONDS).get(0).id(), "the next request is answered");
        assertEquals(2, host.connections.get(), "on a new connection");
    }

    /**
     * An unreadable answer to the login: whether the password was taken cannot be known, so it is not asked again by
     * itself (a background refresh would ask every 30 s) until the user asks for it, as after a refused password.
     */
    @Test
    void anUnreadableLoginReplyIsNotAskedAgainUntilTheUserDoes() throws Exception {
        Host garbling = new Host();
        garbling.garbledLogin = true;
        AtomicInteger asked = new AtomicInteger();
        connect(garbling, () -> {
            asked.incrementAndGet();
            return "pw".toCharArray();
        });
        IocageClient client = new IocageClient(transport);
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.listJails().get(20, TimeUnit.SECONDS));
        assertEquals(Trouble.UNREADABLE, ((IocageClientException) e.getCause()).trouble());
        e = assertThrows(ExecutionException.class, () -> client.listJails().get(20, TimeUnit.SECONDS));
        IocageClientException held = (IocageClientException) e.getCause();
        assertEquals(Trouble.UNREADABLE, held.trouble(), held.getMessage());
        assertEquals(1, asked.get(), "not asked again by itself");
        host.garbledLogin = false;
        transport.resumeLogin();
        host.listings.set(1);
        assertEquals("web", client.listJails().get(20, TimeUnit.SECONDS).get(0).id());
        assertEquals(2, asked.get());
    }
}
