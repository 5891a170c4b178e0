package org.jaildesk.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** Jobs that end together are told of in one notification; one that ends alone in its own. */
class EndedJobsTest {

    private final List<String> shown = new ArrayList<>();
    private final List<Runnable> later = new ArrayList<>();
    private final EndedJobs ended = new EndedJobs(new Messages(Locale.ENGLISH), shown::add, later::add);

    private void aMomentPasses() {
        List<Runnable> due = List.copyOf(later);
        later.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void oneJobAloneIsToldAsItIs() {
        ended.accept("Start mail on Demo host: done");
        assertEquals(List.of(), shown, "not before the moment has passed");
        aMomentPasses();
        assertEquals(List.of("Start mail on Demo host: done"), shown);
        ended.accept("Stop mail on Demo host: done");
        aMomentPasses();
        assertEquals(List.of("Start mail on Demo host: done", "Stop mail on Demo host: done"), shown);
    }

    @Test
    void jobsEndingTogetherAreOneNotificationNamingTheFirstFew() {
        for (String jail : List.of("db01", "plex", "web01", "cache", "dns", "monitoring")) {
            ended.accept("Run command " + jail + " on Demo host: done");
        }
        aMomentPasses();
        assertEquals(List.of("""
                6 jobs ended:
                Run command db01 on Demo host: done
                Run command plex on Demo host: done
                Run command web01 on Demo host: done
                \u2026 and 3 more: see the Jobs panel"""), shown);
        ended.accept("Start a on Demo host: done");
        ended.accept("Start b on Demo host: failed");
        aMomentPasses();
        assertEquals("2 jobs ended:\nStart a on Demo host: done\nStart b on Demo host: failed", shown.get(1));
    }

    /** Jails updated in turn end a moment apart: told of once the endings stop, in one notification. */
    @Test
    void jobsEndingOneAfterAnotherAreOneNotification() {
        long[] now = {0};
        ended.clock(() -> now[0]);
        ended.accept("Update db01 on Demo host: done");
        for (String jail : List.of("plex", "web01")) {
            now[0] += 700_000_000L;
            ended.accept("Update " + jail + " on Demo host: done"); // before the moment after the last has passed
            runFirstDue();
            assertEquals(List.of(), shown, "another ending came within the moment");
        }
        aMomentPasses();
        assertEquals(List.of("3 jobs ended:\nUpdate db01 on Demo host: done\nUpdate plex on Demo host: done\n"
                + "Update web01 on Demo host: done"), shown);
    }

    /** A run of endings that does not stop is still told of, once five seconds have passed since its first. */
    @Test
    void aLongRunOfEndingsIsToldAfterFiveSecondsAtMost() {
        long[] now = {0};
        ended.clock(() -> now[0]);
        ended.accept("Update j1 on Demo host: done");
        for (int i = 2; i <= 10; i++) {
            now[0] += 700_000_000L;
            ended.accept("Update j" + i + " on Demo host: done");
            runFirstDue(); // the wait of the ending before, not quiet: j2 has come
        }
        assertEquals(1, shown.size(), shown.toString());
        assertTrue(shown.get(0).startsWith("9 jobs ended:\nUpdate j1 on Demo host: done"), shown.get(0));
        aMomentPasses();
        assertEquals(List.of(shown.get(0), "Update j10 on Demo host: done"), shown, "the one after is told on its own");
    }

    /** Runs the oldest of the waits scheduled (the one whose moment passes first). */
    private void runFirstDue() {
        if (!later.isEmpty()) {
            later.remove(0).run();
        }
    }
}
