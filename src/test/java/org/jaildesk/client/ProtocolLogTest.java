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
}
