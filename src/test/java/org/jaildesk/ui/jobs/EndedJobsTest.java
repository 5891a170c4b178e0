package org.jaildesk.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(1, later.size(), "one moment waited for, from the first");
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
}
