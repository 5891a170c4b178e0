package org.jaildesk.ui.jobs;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The jobs panel's history as CSV (the jobs panel's *Export…*): an action log to keep, search or hand on, one job a
 * row, newest first as the panel lists them. Values as RFC 4180 has them (quoted where needed, a line break kept inside
 * its quotes); a value a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return first: what a host put into a job's result could be one) gets a {@code '} before it, so that opening
 * the file never runs it ({@link org.jaildesk.ui.common.Csv}, which the action log's export shares).
 */
public final class JobsCsv {

    /** One job as it stood when the export began (taken on the FX thread; written off it). */
    public record Row(Instant started, String host, String action, String target, String state, Duration duration,
                      String result) {
    }

    private JobsCsv() {
    }

    /** The rows of {@code jobs}, with their action and state in {@code vm}'s language. Call on the FX thread. */
    static List<Row> rows(JobsViewModel vm, List<JobRow> jobs, java.util.function.Function<JobRow.State, String> state) {
        return jobs.stream().map(j -> new Row(j.started(), j.host(), vm.actionName(j.action()), j.target(),
                state.apply(j.state().get()), j.duration().get(), j.result().get() == null ? "" : j.result().get())).toList();
    }

    /**
     * Writes {@code header} (the panel's column titles) and {@code rows}; times to the second with their offset ({@code zone}'s),
     * durations in seconds.
     */
    public static void write(List<String> header, List<Row> rows, ZoneId zone, Writer out) throws IOException {
        line(header, out);
        for (Row r : rows) {
            line(List.of(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    OffsetDateTime.ofInstant(r.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), zone)), r.host(), r.action(), r.target(), r.state(),
                    String.format(Locale.ROOT, "%.1f", r.duration().toMillis() / 1000.0), r.result()), out);
        }
    }

    private static void line(List<String> values, Writer out) throws IOException {
        org.jaildesk.ui.common.Csv.line(values, out);
    }

    static String cell(String value) {
        return org.jaildesk.ui.common.Csv.cell(value);
    }
}
