package org.jaildesk.ui.others;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.Transport;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** What the Other jails tab says for each answer a host can give: rows, none, an error, or no such extension. */
class OtherJailsViewModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Reply> answer;
    private volatile Set<String> offered = Set.of("listotherjails");

    private OtherJailsViewModel vm() {
        Transport host = new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request r) {
                sent.add(r.action());
                return answer.thenApply(reply -> reply instanceof Response x
                        ? new Response(x.namespace(), x.name(), r.id(), x.args()) : reply);
            }

            @Override
            public CompletableFuture<Set<String>> extensions() {
                return CompletableFuture.completedFuture(offered);
            }
        };
        return new OtherJailsViewModel(new IocageClient(host), Runnable::run, new Messages(Locale.ENGLISH));
    }

    private void answering(String body) throws Exception {
        answer = CompletableFuture.completedFuture(new Response("sysadm", "response", "x", JSON.readTree(body)));
    }

    @Test
    void rowsAndTheirCount() throws Exception {
        answering("{\"listotherjails\":{\"jails\":[{\"jid\":\"7\",\"name\":\"www\",\"hostname\":\"w\",\"path\":\"/j/www\","
                + "\"ip4\":\"10.0.0.5\",\"ip6\":\"\"}]}}");
        OtherJailsViewModel vm = vm();
        vm.refresh().join();
        assertEquals(1, vm.rows().size());
        assertEquals("1 running jail that iocage did not make.", vm.status().get());
        answering("{\"listotherjails\":{\"jails\":[]}}");
        vm.refresh().join();
        assertTrue(vm.rows().isEmpty());
        assertEquals("No running jail here that iocage did not make.", vm.status().get());
    }

    /** A failure is said in the tab, in the host's words, on one line; the rows from before are not left standing. */
    @Test
    void aFailureIsSaidAndTheOldRowsGo() throws Exception {
        answering("{\"listotherjails\":{\"jails\":[{\"jid\":\"7\",\"name\":\"www\",\"hostname\":\"w\",\"path\":\"/j/www\"}]}}");
        OtherJailsViewModel vm = vm();
        vm.refresh().join();
        answering("{\"listotherjails\":{\"error\":\"jls failed (exit 1): jls: jail_get: Operation not permitted\\nmore\"}}");
        vm.refresh().join();
        assertTrue(vm.rows().isEmpty());
        assertEquals("The other jails could not be read: jls failed (exit 1): jls: jail_get: Operation not permitted \u2026",
                vm.status().get());
        assertFalse(vm.reading().get());
    }

    /** The original sysadm server (or an older JailDesk) has no such action: it is not sent, and the tab says why. */
    @Test
    void aHostWithoutTheExtensionIsNotAsked() throws Exception {
        offered = Set.of("jailusage");
        OtherJailsViewModel vm = vm();
        vm.refresh().join();
        assertEquals(List.of(), sent);
        assertEquals("This host's server does not list jails outside iocage (JailDesk's own server does).", vm.status().get());
    }

    /** A refresh while one runs is that one: one read at a time. */
    @Test
    void oneReadAtATime() {
        answer = new CompletableFuture<>();
        OtherJailsViewModel vm = vm();
        CompletableFuture<Void> first = vm.refresh();
        vm.refresh();
        assertEquals(List.of("listotherjails"), sent);
        assertTrue(vm.reading().get());
        assertEquals("Reading the host's jails…", vm.status().get());
        answer.complete(new Response("sysadm", "response", "x", JSON.createObjectNode().set("listotherjails",
                JSON.createObjectNode().set("jails", JSON.createArrayNode()))));
        first.join();
        assertFalse(vm.reading().get());
    }
}
