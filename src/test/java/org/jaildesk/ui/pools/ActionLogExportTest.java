package org.jaildesk.ui.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jaildesk.domain.AuditEntry;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The action log's *Export…*: the rows as CSV, written off the FX thread, whole and owner-only; what a host or a user
 * put into a value is never run by a spreadsheet; a place that cannot be written is said, and nothing else changes.
 */
@ExtendWith(ApplicationExtension.class)
class ActionLogExportTest {

    @Start
    void start(Stage stage) {
        // No window: the export's line is a label of its own.
    }

    @Test
    void theRowsAreSavedAsCsvOwnerOnly(@TempDir Path dir) throws Exception {
        Messages msg = new Messages(Locale.ENGLISH);
        Instant at = Instant.parse("2026-11-28T21:04:05.678Z");
        List<AuditEntry> rows = List.of(
                new AuditEntry(at, "admin", "192.0.2.7", "destroyjail", "mail", "refused:mail_is_running"),
                new AuditEntry(at.minusSeconds(60), "ops,team", "192.0.2.8", "startjail", "=cmd|' /C calc'!A0", "ok"),
                new AuditEntry(at.minusSeconds(120), "admin", "::1", "execjail", "web01", "error:\"quoted\"\nsecond line"));
        Label said = new Label();
        Path file = dir.resolve("log.csv");
        WaitForAsyncUtils.asyncFx(() -> ActionLogWindow.export(rows, msg, file, said)).get().get(15, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 entries saved to " + file, said.getText());
        String time = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.ofInstant(Instant.parse("2026-11-28T21:04:05Z"), ZoneId.systemDefault()));
        String all = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(all.startsWith("Time,User,From,Action,Target,Result\r\n"
                + time + ",admin,192.0.2.7,destroyjail,mail,refused:mail_is_running\r\n"), all);
        assertTrue(all.contains(",\"ops,team\",192.0.2.8,startjail,'=cmd|' /C calc'!A0,ok\r\n"), all);
        assertTrue(all.contains(",admin,::1,execjail,web01,\"error:\"\"quoted\"\"\nsecond line\"\r\n"), all);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        // A place that cannot be written (a file where the folder should be): the line says why; nothing is written.
        Path blocked = Files.writeString(dir.resolve("a-file"), "x");
        Path nowhere = blocked.resolve("log.csv");
        WaitForAsyncUtils.asyncFx(() -> ActionLogWindow.export(rows, msg, nowhere, said)).get();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> said.getText().startsWith("Not saved: "));
        assertTrue(!Files.exists(nowhere) && Files.readString(blocked).equals("x"), said.getText());
        assertTrue(said.getText().length() > "Not saved: ".length(), "and why: " + said.getText());
    }
}
