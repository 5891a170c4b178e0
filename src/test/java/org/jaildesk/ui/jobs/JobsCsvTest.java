package org.jaildesk.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jobs panel's history as CSV: values kept whole, and nothing a spreadsheet would run. */
class JobsCsvTest {

    @Test
    void plainValuesStayAsTheyAreAndOthersAreQuotedWhole() {
        assertEquals("web01", JobsCsv.cell("web01"));
        assertEquals("", JobsCsv.cell(null));
        assertEquals("\"a, b\"", JobsCsv.cell("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", JobsCsv.cell("say \"hi\""));
        assertEquals("\"line one\nline two\"", JobsCsv.cell("line one\nline two"));
    }

    @Test
    void whatASpreadsheetWouldTakeForAFormulaIsMadeText() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1", "-f", "@SUM(A1)", "\tx", "\rx")) {
            String cell = JobsCsv.cell(formula);
            String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertTrue(unquoted.startsWith("'"), formula + " became " + cell);
        }
        assertEquals("\"'=1+2, then\"", JobsCsv.cell("=1+2, then"));
        assertEquals("a=b", JobsCsv.cell("a=b"), "only a first character counts");
        assertEquals("-", JobsCsv.cell("-"), "a lone dash (none) is no formula");
        assertEquals("'--", JobsCsv.cell("--"));
    }

    @Test
    void aHeaderThenOneJobARowWithItsTimeAndOffsetAndItsSeconds() throws Exception {
        StringWriter out = new StringWriter();
        JobsCsv.write(List.of("Started", "Host", "Action", "Target", "State", "Duration (s)", "Result"), List.of(
                new JobsCsv.Row(Instant.parse("2026-11-28T14:05:00.123456Z"), "nas1", "Update", "web01", "failed", Duration.ofMillis(12_345),
                        "freebsd-update: no updates\nsee /var/log"),
                new JobsCsv.Row(Instant.parse("2026-11-28T14:00:00Z"), "Demo host (simulated)", "Start", "mail", "done",
                        Duration.ofMillis(200), "")), ZoneId.of("Europe/Berlin"), out);
        assertEquals("Started,Host,Action,Target,State,Duration (s),Result\r\n"
                + "2026-11-28T15:05:00+01:00,nas1,Update,web01,failed,12.3,\"freebsd-update: no updates\nsee /var/log\"\r\n"
                + "2026-11-28T15:00:00+01:00,Demo host (simulated),Start,mail,done,0.2,\r\n", out.toString());
    }
}
