package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import javafx.stage.Stage;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.protocol.Response;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The protocol log window lists what the log keeps, no more: it drops the oldest by size as the log does. */
@ExtendWith(ApplicationExtension.class)
class ProtocolLogWindowTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void theWindowKeepsWhatTheLogKeeps() throws Exception {
        ObjectNode jails = new ObjectMapper().createObjectNode();
        for (int i = 0; i < 10_000; i++) {
            jails.putObject("jail" + i).put("state", "up");
        }
        Response listing = new Response("sysadm", "response", "r", new ObjectMapper().createObjectNode().set("listjails", jails));
        ProtocolLog log = new ProtocolLog();
        log.message("nas", ProtocolLog.Entry.Kind.REPLY, listing, 1);
        ProtocolLogWindow window = new ProtocolLogWindow(log, new Messages(Locale.ENGLISH));
        for (int i = 0; i < 400; i++) {
            log.message("nas", ProtocolLog.Entry.Kind.REPLY, listing, 1);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(log.entries().size() < 401, "the log dropped some by size");
        assertEquals(log.entries().size(), window.entries().size());
        assertSame(log.oldest(), window.entries().get(0));
    }
}
