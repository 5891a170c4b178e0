package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.protocol.Response;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * Exporting writes off the FX thread: a file that cannot be written yet (a named pipe nobody reads, which blocks
     * whoever opens it) does not hold the window, whose status says it is saving and then what it saved.
     */
    @Test
    void exportingWritesOffTheFxThreadAndSaysHowItWent(@TempDir Path dir) throws Exception {
        ProtocolLog log = new ProtocolLog();
        for (int i = 0; i < 3; i++) {
            log.message("nas", ProtocolLog.Entry.Kind.REPLY, new Response("sysadm", "response", "r" + i,
                    new ObjectMapper().createObjectNode().put("n", i)), 1);
        }
        ProtocolLogWindow window = new ProtocolLogWindow(log, new Messages(Locale.ENGLISH));
        // The export is written to a file beside it, then moved over it (whole or not at all): that file is the pipe.
        Path file = dir.resolve("jaildesk-protocol.log");
        Path fifo = dir.resolve("jaildesk-protocol.log.tmp");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        CompletableFuture<Void> export = WaitForAsyncUtils.asyncFx(() -> window.export(file, log.entries())).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(export.isDone());
        assertEquals("Saving to jaildesk-protocol.log\u2026", window.status());

        String written;
        try (InputStream in = Files.newInputStream(fifo)) {
            written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        export.get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Saved 3 entries to " + file + ".", window.status());
        assertTrue(written.contains("\"n\" : 2"), written);

        Path nowhere = dir.resolve("missing").resolve("x.log");
        CompletableFuture<Void> failed = WaitForAsyncUtils.asyncFx(() -> window.export(nowhere, log.entries())).get(5, TimeUnit.SECONDS);
        assertThrows(ExecutionException.class, () -> failed.get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        // A folder that is not there is not made: the export says so.
        assertTrue(window.status().equals("Could not save the log: " + nowhere.getParent() + ": no such file or folder"), window.status());
        assertFalse(Files.exists(nowhere.getParent()));
    }
}
