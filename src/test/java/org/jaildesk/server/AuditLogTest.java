package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * A change's line ends with the id its request came under, cleaned as every field is; lines without one (logins,
     * a log of an older server) are read as before, and a line with a field after it, or another in its place, is not
     * one the server wrote.
     */
    @Test
    void aChangesLineKeepsItsRequestsId() throws Exception {
        AuditLog log = log();
        log.record("admin", "192.0.2.7", "startjail", "mail", "ok");
        log.record("admin", "192.0.2.7", "stopjail", "mail", "ok", "jd0123456789ab-7");
        log.record("admin", "192.0.2.7", "stopjail", "web", "ok", "a b\nrequest=x");
        log.record("admin", "192.0.2.7", "stopjail", "db", "ok", "");
        Files.writeString(log.file(), "2026-11-28T10:00:00Z user=x from=y action=z target=t result=ok request=r more=1\n"
                + "2026-11-28T10:00:00Z user=x from=y action=z target=t result=ok id=r\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertTrue(Files.readString(log.file()).contains(" target=mail result=ok request=jd0123456789ab-7\n"));
        assertEquals(List.of(
                new AuditLog.Entry("2026-11-28T10:00:00Z", "admin", "192.0.2.7", "stopjail", "db", "ok", "-"),
                new AuditLog.Entry("2026-11-28T10:00:00Z", "admin", "192.0.2.7", "stopjail", "web", "ok", "a_b_request=x"),
                new AuditLog.Entry("2026-11-28T10:00:00Z", "admin", "192.0.2.7", "stopjail", "mail", "ok", "jd0123456789ab-7"),
                new AuditLog.Entry("2026-11-28T10:00:00Z", "admin", "192.0.2.7", "startjail", "mail", "ok", "-")),
                log.recent(10));
    }

    /** A log of megabytes: only its end is read, and a line cut by where the read starts is not taken for an entry. */
    @Test
    void aLargeLogIsReadFromItsEndOnly() throws Exception {
        AuditLog log = log();
        writeManyLines(log);
        assertTrue(Files.size(log.file()) > AuditLog.TAIL_BYTES);
        List<AuditLog.Entry> recent = log.recent(500);
        assertEquals(500, recent.size());
        assertEquals("j29999", recent.get(0).target());
        assertEquals("j29500", recent.get(499).target());
        List<AuditLog.Entry> all = log.recent(Integer.MAX_VALUE);
        assertTrue(all.size() < 30_000 && all.stream().allMatch(e -> e.target().matches("j[0-9]+") && e.result().equals("ok")),
                all.size() + " entries");
    }

    /** Page by page, a log of megabytes is read whole: every entry once, newest first, and then no page more. */
    @Test
    void aLargeLogIsReadWholePageByPage() throws Exception {
        AuditLog log = log();
        writeManyLines(log);
        List<String> read = allPages(log, 500);
        assertEquals(30_000, read.size());
        for (int i = 0; i < 30_000; i++) {
            assertEquals("j" + (29_999 - i), read.get(i));
        }
        // Pages as long as a read (a megabyte each): the line a read starts inside is read whole by the next page.
        assertEquals(read, allPages(log, Integer.MAX_VALUE));
        assertTrue(log.page(-1, Integer.MAX_VALUE).older() > 0, "more than one such page");
        // A small log: one page, nothing older.
        AuditLog small = new AuditLog(dir.resolve("small.log"), Clock.systemUTC());
        small.record("admin", "192.0.2.7", "startjail", "mail", "ok");
        small.record("admin", "192.0.2.7", "stopjail", "mail", "ok");
        assertEquals(-1, small.page(-1, 500).older());
        AuditLog.Page one = small.page(-1, 1);
        assertEquals(List.of("stopjail"), one.entries().stream().map(AuditLog.Entry::action).toList());
        assertEquals(List.of("startjail"), small.page(one.older(), 1).entries().stream().map(AuditLog.Entry::action).toList());
        assertEquals(-1, small.page(one.older(), 1).older());
        assertEquals(List.of(), small.page(0, 500).entries());
        assertEquals(-1, small.page(0, 500).older());
        assertEquals(small.page(-1, 500), small.page(Long.MAX_VALUE, 500), "past the end is the end");
    }

    /**
     * A log rotated between two pages as newsyslog does it (moved away to {@code audit.log.0}, a new one begun): the
     * next page reads on in the rotated file where the last one stopped, and then there is nothing older. Emptied and
     * written again with no copy left, or gone: the next page says so and reads nothing, instead of reading the new
     * file at the old file's offset, which would repeat the newest entries or show others as older. A log not rotated
     * reads on as before, whatever is added to it.
     */
    @Test
    void aPageBegunBeforeARotationReadsOnInTheRotatedFile() throws Exception {
        AuditLog log = log();
        for (int i = 0; i < 6; i++) {
            log.record("admin", "192.0.2.7", "startjail", "j" + i, "ok");
        }
        AuditLog.Page first = log.page(-1, null, 2);
        assertEquals(List.of("j5", "j4"), first.entries().stream().map(AuditLog.Entry::target).toList());
        assertTrue(first.mark().matches("[0-9a-f]{8}"), first.mark());
        log.record("admin", "192.0.2.7", "stopjail", "new", "ok"); // added after: the older ones are still where they were
        AuditLog.Page second = log.page(first.older(), first.mark(), 2);
        assertEquals(List.of("j3", "j2"), second.entries().stream().map(AuditLog.Entry::target).toList());
        assertFalse(second.rotated());

        // Moved away, and the next change begins a new log: as long as the old offset reached, with other entries.
        Files.move(log.file(), log.file().resolveSibling("audit.log.0"));
        for (int i = 0; i < 7; i++) {
            log.record("admin", "192.0.2.7", "stopjail", "k" + i, "ok");
        }
        AuditLog.Page third = log.page(second.older(), second.mark(), 2);
        assertFalse(third.rotated());
        assertEquals(List.of("j1", "j0"), third.entries().stream().map(AuditLog.Entry::target).toList());
        assertEquals(-1, third.older(), "nothing older than the rotated file");
        assertEquals(List.of("k6", "k5"), log.page(-1, null, 2).entries().stream().map(AuditLog.Entry::target).toList());
        // Without a mark (a client that sent none), the offset is read in the log there now.
        assertFalse(log.page(second.older(), null, 2).rotated());

        // Emptied and written anew (newsyslog's copy-and-truncate, with no copy kept): the same file, another first line.
        AuditLog.Page now = log.page(-1, null, 2);
        Files.writeString(log.file(), "");
        log.record("admin", "192.0.2.8", "stopjail", "after", "ok");
        AuditLog.Page gone = log.page(now.older(), now.mark(), 2);
        assertTrue(gone.rotated());
        assertEquals(List.of(), gone.entries());
        assertEquals(-1, gone.older());
        // Gone altogether, no copy kept: rotated too.
        log.record("admin", "192.0.2.8", "startjail", "after", "ok");
        AuditLog.Page last = log.page(-1, null, 1);
        assertEquals(log.page(-1, null, 1).mark(), last.mark(), "the page's older is in the log itself");
        Files.delete(log.file());
        assertTrue(log.page(last.older(), last.mark(), 2).rotated());
        // A page that reached the log's start points into the rotated file, which is still there.
        assertEquals(List.of("new", "j5", "j4", "j3", "j2", "j1"),
                log.page(-1, null, 6).entries().stream().map(AuditLog.Entry::target).toList());
    }

    /**
     * Page by page from the newest, the log and the files newsyslog rotated it into are read as one, every entry once,
     * newest first: a plain one and a gzip'd one (newsyslog's {@code Z}), an empty month between them skipped, a
     * page that ends at a file's start going on at the next file's end; a bzip2'd file ends them (not read).
     */
    @Test
    void theRotatedFilesAreReadOnAsOneLog() throws Exception {
        AuditLog log = log();
        writeRotated(dir.resolve("audit.log.3.gz"), "h", 3);
        writeRotated(dir.resolve("audit.log.2"), "g", 4);
        Files.writeString(dir.resolve("audit.log.1"), ""); // a month without changes
        writeRotated(dir.resolve("audit.log.0.gz"), "f", 5);
        writeRotated(dir.resolve("audit.log.4.bz2"), "e", 2); // not gzip: not read, and nothing after it
        writeRotated(dir.resolve("audit.log.5"), "d", 2);
        for (int i = 0; i < 3; i++) {
            log.record("admin", "192.0.2.7", "startjail", "now" + i, "ok");
        }
        assertEquals(List.of(dir.resolve("audit.log.0.gz"), dir.resolve("audit.log.1"), dir.resolve("audit.log.2"),
                dir.resolve("audit.log.3.gz")), log.rotated());
        List<String> all = List.of("now2", "now1", "now0", "f4", "f3", "f2", "f1", "f0", "g3", "g2", "g1", "g0", "h2", "h1", "h0");
        for (int max : new int[] {1, 2, 3, 5, 8, 500}) {
            assertEquals(all, allPages(log, max), "pages of " + max);
        }
        // A page that fills up at the current file's start points at the next file's end.
        AuditLog.Page three = log.page(-1, null, 3);
        AuditLog.Page next = log.page(three.older(), three.mark(), 3);
        assertEquals(List.of("f4", "f3", "f2"), next.entries().stream().map(AuditLog.Entry::target).toList());
        // Just rotated (the new log empty, or not there yet): the newest entries are the last month's.
        Files.move(log.file(), dir.resolve("moved.log"));
        assertEquals("f4", log.recent(1).get(0).target());
        Files.writeString(log.file(), "");
        assertEquals("f4", log.recent(1).get(0).target());
        // An empty log and an empty month: no page points into either (every empty file has the same mark).
        assertEquals(all.subList(3, all.size()), allPages(log, 1));
    }

    /**
     * A month gzip'd is unpacked once for all the pages read in it, not once a page (Read all over a busy month is
     * hundreds of pages); a file changed since (newsyslog moved another month to its name) is unpacked anew.
     */
    @Test
    void aGzipFileIsUnpackedOnceForItsPages() throws Exception {
        AuditLog log = log();
        Path month = dir.resolve("audit.log.0.gz");
        writeRotated(month, "f", 40);
        log.record("admin", "192.0.2.7", "startjail", "now", "ok");
        List<String> pages = allPages(log, 3);
        assertEquals(41, pages.size());
        assertEquals("f39", pages.get(1));
        assertEquals(1, log.unpackings(), "14 pages, one unpacking");
        writeRotated(month, "g", 41);
        Files.setLastModifiedTime(month, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(month).toMillis() + 60_000));
        pages = allPages(log, 3);
        assertEquals("g40", pages.get(1), "the month now under that name, not the one kept");
        assertEquals(42, pages.size());
        assertEquals(2, log.unpackings());
    }

    /** A gzip'd rotated file that cannot be unpacked holds nothing (and is logged); the older ones are still read. */
    @Test
    void aDamagedGzipFileIsSkipped() throws Exception {
        AuditLog log = log();
        Files.write(dir.resolve("audit.log.0.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        writeRotated(dir.resolve("audit.log.1"), "g", 2);
        log.record("admin", "192.0.2.7", "startjail", "now", "ok");
        assertEquals(List.of("now", "g1", "g0"), allPages(log, 1));
    }

    /** {@code count} entries with targets {@code prefix}0 …, oldest first, in a file gzip'd where its name says. */
    private static void writeRotated(Path file, String prefix, int count) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("2026-10-0").append(prefix.length()).append(String.format(java.util.Locale.ROOT, "T10:%02d:%02d", i / 60, i % 60)).append("Z user=admin from=192.0.2.7")
                    .append(" action=startjail target=").append(prefix).append(i).append(" result=ok\n");
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        if (file.toString().endsWith(".gz")) {
            try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
    }

    /** A line longer than a page's read (a hand-edited file) is skipped, and the pages still end. */
    @Test
    void aLineLongerThanAReadIsSkippedAndThePagesEnd() throws Exception {
        AuditLog log = log();
        log.record("admin", "192.0.2.7", "startjail", "old", "ok");
        Files.writeString(log.file(), "x".repeat(3 * AuditLog.TAIL_BYTES) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        log.record("admin", "192.0.2.7", "stopjail", "new", "ok");
        assertEquals(List.of("new", "old"), allPages(log, 500));
    }

    /** 30,000 entries, j0 to j29999, some 2.5 MB. */
    private static void writeManyLines(AuditLog log) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            lines.append("2026-11-28T10:00:00Z user=admin from=192.0.2.7 action=startjail target=j").append(i).append(" result=ok\n");
        }
        Files.writeString(log.file(), lines.toString());
    }

    /** The targets of every page, newest first, each page asked for before the last one's older; each moves back. */
    private static List<String> allPages(AuditLog log, int max) throws Exception {
        List<String> read = new java.util.ArrayList<>();
        long before = -1;
        String mark = null;
        int pages = 0;
        do {
            AuditLog.Page page = log.page(before, mark, max);
            assertFalse(page.rotated());
            if (page.mark().equals(mark)) {
                assertTrue(page.older() < before, "each page moves back in its file");
            }
            mark = page.mark();
            page.entries().forEach(e -> read.add(e.target()));
            before = page.older();
            pages++;
        } while (before >= 0 && pages < 1_000);
        assertTrue(pages < 1_000, "the pages end");
        return read;
    }
}
