package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jaildesk.protocol.Request;
import org.jaildesk.protocol.Response;
import org.junit.jupiter.api.Test;

class ProtocolLogTest {

    @Test
    void passwordsAndTokensNeverReachTheLog() throws Exception {
        ProtocolLog log = new ProtocolLog();
        ObjectMapper m = new ObjectMapper();
        log.message("nas", ProtocolLog.Entry.Kind.REQUEST, new Request("rpc", "auth", "a",
                m.readTree("{\"username\":\"admin\",\"password\":\"hunter2-secret\"}")), 0);
        log.message("nas", ProtocolLog.Entry.Kind.REPLY, new Response("rpc", "response", "a",
                m.readTree("[\"tok3nVALUEabc\",900]")), 3);
        log.message("nas", ProtocolLog.Entry.Kind.REQUEST, new Request("rpc", "auth_token", "b",
                m.readTree("{\"token\":\"tok3nVALUEabc\"}")), 0);
        log.command("local", List.of("doas", "/usr/local/bin/iocage", "exec", "-U", "root", "db01", "--", "echo a b"), 0, 12);
        String all = log.entries().toString();
        assertFalse(all.contains("hunter2-secret"));
        assertFalse(all.contains("tok3nVALUEabc"));
        assertTrue(all.contains("admin"));
        assertTrue(all.contains("doas /usr/local/bin/iocage exec -U root db01 -- 'echo a b'"), all);
    }

    /** The request still goes out with its password: the log masks a copy. */
    @Test
    void maskingTheLogsCopyLeavesTheMessageAsItWas() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Request auth = new Request("rpc", "auth", "a", m.readTree("{\"username\":\"admin\",\"password\":\"hunter2-secret\"}"));
        Response token = new Response("rpc", "response", "a", m.readTree("[\"tok3nVALUEabc\",900]"));
        ProtocolLog log = new ProtocolLog();
        log.message("nas", ProtocolLog.Entry.Kind.REQUEST, auth, 0);
        log.message("nas", ProtocolLog.Entry.Kind.REPLY, token, 0);
        org.junit.jupiter.api.Assertions.assertEquals("hunter2-secret", auth.args().get("password").asText());
        org.junit.jupiter.api.Assertions.assertEquals("tok3nVALUEabc", token.args().get(0).asText());
        assertFalse(log.entries().toString().contains("hunter2-secret"));
    }

    /**
     * A listing of 10,000 jails is 2.8 million characters indented; the log kept each refresh's whole and grew until the
     * app ran out of memory. It keeps the first part of a message, and a bounded total.
     */
    @Test
    void bigRepliesAreKeptInPartAndTheWholeLogIsBounded() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode jails = new ObjectMapper().createObjectNode();
        for (int i = 0; i < 10_000; i++) {
            jails.putObject("jail" + i).put("state", "up").put("tag", "jail" + i).put("release", "14.1-RELEASE-p2");
        }
        Response listing = new Response("sysadm", "response", "r", new ObjectMapper().createObjectNode().set("listjails", jails));
        ProtocolLog log = new ProtocolLog();
        log.message("nas", ProtocolLog.Entry.Kind.REQUEST, Request.iocage("small", "listjails"), 0);
        String small = log.entries().get(0).text();
        assertTrue(small.startsWith("{") && small.endsWith("}") && small.contains("\"listjails\""), small);
        for (int i = 0; i < 400; i++) {
            log.message("nas", ProtocolLog.Entry.Kind.REPLY, listing, 1);
        }
        ProtocolLog.Entry last = log.entries().get(log.entries().size() - 1);
        assertTrue(last.text().length() < ProtocolLog.TEXT + 100, last.text().length() + " characters");
        assertTrue(last.text().startsWith("{\n  \"args\" : {\n    \"listjails\" : {\n      \"jail0\""), last.text().substring(0, 80));
        assertTrue(last.text().endsWith("(the rest is not kept: the log keeps 64,000 characters of a message)"));
        long total = log.entries().stream().mapToLong(e -> e.text().length()).sum();
        assertTrue(total <= ProtocolLog.TOTAL, total + " characters kept");
        assertTrue(log.entries().size() > 200, "as many as fit: " + log.entries().size());
        assertTrue(log.oldest() == log.entries().get(0));
    }
}
