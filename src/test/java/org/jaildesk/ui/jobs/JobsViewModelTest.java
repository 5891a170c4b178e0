package org.jaildesk.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jaildesk.client.JobSink;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** A running job's duration counts up without any output; a finished one keeps its own. */
class JobsViewModelTest {

    @Test
    void theClockMovesRunningJobsOnlyAndSaysWhetherAnyRuns() {
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), null, m -> { });
        JobSink sink = vm.sinkFor("nas");
        JobSink.Job quiet = sink.started("fetchrelease", "14.1-RELEASE", () -> false);
        JobSink.Job done = sink.started("startjail", "web", () -> false);
        done.finished(true, "started", List.of());
        JobRow quietRow = vm.jobs().stream().filter(r -> r.action().equals("fetchrelease")).findFirst().orElseThrow();
        JobRow doneRow = vm.jobs().stream().filter(r -> r.action().equals("startjail")).findFirst().orElseThrow();
        Duration finishedTook = doneRow.duration().get();

        assertTrue(vm.tick(quietRow.started().plusSeconds(125)));
        assertEquals(Duration.ofSeconds(125), quietRow.duration().get());
        assertEquals(finishedTook, doneRow.duration().get(), "a finished job keeps its time");

        quiet.finished(true, "fetched", List.of());
        assertFalse(vm.tick(Instant.now().plusSeconds(600)), "nothing runs: the clock may stop");
        assertTrue(quietRow.duration().get().compareTo(Duration.ofSeconds(10)) < 0, "finished at its real time");
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals(String.format("%.1f s", 4.2), JobsView.elapsed(Duration.ofMillis(4_200)));
        assertEquals("3 min 07 s", JobsView.elapsed(Duration.ofSeconds(187)));
        assertEquals("2 h 05 min", JobsView.elapsed(Duration.ofMinutes(125).plusSeconds(30)));
    }
}
