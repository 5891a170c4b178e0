package org.jaildesk.ui.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.logging.Logger;
import org.jaildesk.domain.AuditEntry;
import org.jaildesk.domain.AuditPage;
import org.jaildesk.domain.Shown;
import org.jaildesk.protocol.Protocol;

/**
 * The jobs a window left running on remote hosts when it closed ({@link JobRow.State#LEFT}), settled from the host's
 * audit log once the desktop is connected there again: JailDesk's server writes each change's end there with the id
 * its request came under, which such a job kept ({@link JobRow#sentId}).
 */
final class LeftJobs {

    private static final Logger LOG = Logger.getLogger(LeftJobs.class.getName());
    /** The most pages of a host's audit log {@link #settle} reads: 20 of 500 entries. */
    static final int SETTLE_PAGES = 20;
    /**
     * How far a host's clock may be behind this desktop's: the log is read back to this much before the start of the
     * oldest job looked for (its line is written when it ends, after it started).
     */
    static final Duration HOST_CLOCK_BEHIND = Duration.ofHours(1);
    private static final java.time.format.DateTimeFormatter ENDED = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    private final JobsViewModel vm;
    /** The hosts whose audit log is being read (one reading at a time each); on the FX thread only. */
    private final Set<String> settling = new HashSet<>();

    LeftJobs(JobsViewModel vm) {
        this.vm = vm;
    }

    /**
     * Reads {@code pages} (the host's audit log, newest first: "" for the first page, then each page's {@code older})
     * off the FX thread until every job left running on the host of {@code hostId} and {@code hostName}
     * ({@link JobRow#ranOn}) is found, the log reaches back before the oldest one's start (less
     * {@link #HOST_CLOCK_BEHIND}), or {@link #SETTLE_PAGES} pages are read; each job found takes the end the log gives.
     * A job not found stays left running; a page that cannot be read ends the search.
     *
     * @return completes, after the jobs found are changed on the FX thread, with how many were
     */
    CompletableFuture<Integer> settle(String hostId, String hostName, Function<String, CompletableFuture<AuditPage>> pages) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        vm.fx.execute(() -> {
            Map<String, JobRow> wanted = new HashMap<>();
            Instant oldest = Instant.MAX;
            for (JobRow r : vm.jobs()) {
                if (r.state.get() == JobRow.State.LEFT && r.ranOn(hostId, hostName) && !r.sentId.isEmpty()) {
                    wanted.put(r.sentId, r);
                    oldest = r.started.isBefore(oldest) ? r.started : oldest;
                }
            }
            String reading = hostId.isEmpty() ? "name:" + hostName : hostId;
            if (wanted.isEmpty() || !settling.add(reading)) {
                done.complete(0);
                return;
            }
            read(new Search(reading, hostName, pages, wanted, oldest.minus(HOST_CLOCK_BEHIND), done), "", 1, 0);
        });
        return done;
    }

    /** One host's search: the jobs still looked for, by request id, and how far back the log is read. */
    private record Search(String reading, String hostName, Function<String, CompletableFuture<AuditPage>> pages,
                          Map<String, JobRow> wanted, Instant back, CompletableFuture<Integer> done) {
    }

    private void read(Search s, String before, int page, int settled) {
        CompletableFuture<AuditPage> read;
        try {
            read = s.pages().apply(before);
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        read.whenComplete((p, error) -> vm.fx.execute(() -> {
            int n = settled;
            boolean reachedBack = false;
            if (p != null) {
                for (AuditEntry e : p.entries()) {
                    JobRow r = e.request().isEmpty() ? null : s.wanted().get(e.request());
                    if (r != null && r.action.equals(e.action()) && r.state.get() == JobRow.State.LEFT) {
                        s.wanted().remove(e.request());
                        endedAway(r, e);
                        n++;
                    }
                    reachedBack |= e.time().isBefore(s.back());
                }
            }
            if (p == null || s.wanted().isEmpty() || reachedBack || !p.hasOlder() || p.rotated() || page >= SETTLE_PAGES) {
                if (error != null) {
                    LOG.info(() -> "cannot read the action log of " + s.hostName() + " for the jobs left running there: "
                            + error.getMessage());
                }
                settling.remove(s.reading());
                if (n > 0) {
                    vm.save();
                }
                s.done().complete(n);
                return;
            }
            read(s, p.older(), page + 1, n);
        }));
    }

    /**
     * A job left running takes the end its host's audit log gives ({@code ok}, {@code error:<why>}, {@code
     * refused:<code>}, {@code failed:<kind>}), saying where that came from and when it ended.
     */
    private void endedAway(JobRow r, AuditEntry e) {
        String result = e.result();
        String why = result.startsWith("error:") ? result.substring("error:".length()) : result;
        boolean ok = "ok".equals(result);
        boolean cancelled = !ok && result.startsWith("error:") && Protocol.saysCancelled(why.replace('_', ' '));
        String when = ENDED.format(e.time());
        r.state.set(ok ? JobRow.State.DONE : cancelled ? JobRow.State.CANCELLED : JobRow.State.FAILED);
        if (ok || cancelled) {
            vm.say(r, ok ? "jobs.doneAway" : "jobs.cancelledAway", when);
        } else {
            vm.say(r, "jobs.failedAway", when, Shown.cut(why, JobsViewModel.RESULT));
        }
        Duration took = Duration.between(r.started, e.time());
        if (!took.isNegative()) {
            r.duration.set(took);
        }
        r.sentId = "";
    }
}
