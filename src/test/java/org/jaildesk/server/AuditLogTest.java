package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log read back: newest first, bounded, and only lines as the server writes them. */
class AuditLogTest {

    @TempDir
    Path dir;

    private AuditLog log() {
        return new AuditLog(dir.resolve("audit.log"), Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void noLogYetIsNoEntries() throws Exception {
        assertEquals(List.of(), log().recent(10));
    }

    @Test
    void entriesComeBackNewestFirstAsWrittenAndBounded() throws Exception {
        AuditLog log = log();
        log.record("admin", "192.0.2.7", "startjail", "mail", "ok");
        log.record("ops user", "192.0.2.8", "destroyjail", "db01", "error:jail db01 is running");
        log.record("admin", "192.0.2.7", "stopjail", "mail", "ok");
        List<AuditLog.Entry> recent = log.recent(2);
        assertEquals(List.of(
                new AuditLog.Entry("2026-11-28T10:00:00Z", "admin", "192.0.2.7", "stopjail", "mail", "ok"),
                new AuditLog.Entry("2026-11-28T10:00:00Z", "ops_user", "192.0.2.8", "destroyjail", "db01", "error:jail_db01_is_running")),
                recent);
    }

    /** A hand-edited or cut-off line, or one that tries to pass for two, is left out; the rest are read. */
    @Test
    void linesNotAsTheServerWritesThemAreLeftOut() throws Exception {
        AuditLog log = log();
        log.record("admin", "192.0.2.7", "startjail", "mail\nuser=root", "ok");
        Files.writeString(log.file(), "garbage\n2026-11-28T10:00:00Z user=x from=y action=z target=t\n"
                + "yesterday user=x from=y action=z target=t result=ok\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        log.record("admin", "192.0.2.7", "stopjail", "mail", "ok");
        List<AuditLog.Entry> recent = log.recent(10);
        assertEquals(List.of("stopjail", "startjail"), recent.stream().map(AuditLog.Entry::action).toList());
        assertEquals("mail_user=root", recent.get(1).target(), "a newline in a target stays inside its field");
    }

    /** A log of megabytes: only its end is read, and a line cut by where the read starts is not taken for an entry. */
    @Test
    void aLargeLogIsReadFromItsEndOnly() throws Exception {
        AuditLog log = log();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            lines.append("2026-11-28T10:00:00Z user=admin from=192.0.2.7 action=startjail target=j").append(i).append(" result=ok\n");
        }
        Files.writeString(log.file(), lines.toString());
        assertTrue(Files.size(log.file()) > AuditLog.TAIL_BYTES);
        List<AuditLog.Entry> recent = log.recent(500);
        assertEquals(500, recent.size());
        assertEquals("j29999", recent.get(0).target());
        assertEquals("j29500", recent.get(499).target());
        List<AuditLog.Entry> all = log.recent(Integer.MAX_VALUE);
        assertTrue(all.size() < 30_000 && all.stream().allMatch(e -> e.target().matches("j[0-9]+") && e.result().equals("ok")),
                all.size() + " entries");
    }
}
