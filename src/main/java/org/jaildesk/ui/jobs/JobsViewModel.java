package org.jaildesk.ui.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.JobSink;
import org.jaildesk.client.Queued;
import org.jaildesk.client.SavedFile;
import org.jaildesk.domain.Shown;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/**
 * Every action on every host as a job: live output, progress where the output tells, result; the finished ones kept
 * in {@code jobs.json} so the history survives a restart; a notification when one ends.
 */
public final class JobsViewModel {

    private static final int KEEP = 300;

    /** A job as {@code jobs.json} keeps it; {@code sentAs} for one left running (null in older files). */
    private record Saved(String host, String action, String target, String started, long millis, String state, String result,
                         List<String> output, String request, String sentAs, String said, List<String> saidArgs, String hostId) {
    }

    /**
     * The results in JailDesk's own words that the history keeps by key (and says in the language of the window that
     * reads it back); each takes its arguments as plain text.
     */
    private static final java.util.Set<String> SAID = java.util.Set.of("jobs.leftQuit", "jobs.notStartedQuit",
            "jobs.stoppedQuit", "jobs.doneAway", "jobs.failedAway", "jobs.cancelledAway", "jobs.cancelledWaiting",
            "jobs.notStarted");

    /** A job's result in JailDesk's own words ({@link #SAID}), kept with its key and arguments. */
    private void say(JobRow r, String key, String... args) {
        r.result.set(kept(msg.get(key, (Object[]) args)));
        r.said = key;
        r.saidArgs = List.of(args);
    }

    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    private final Executor fx;
    private final Messages msg;
    private final SavedFile file;
    private final Consumer<String> announce;
    // A field a later version adds is no reason to set the history aside.
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /**
     * Writes the history off the FX thread, one write at a time, in order: with 300 jobs of 200 lines it is megabytes,
     * and a stutter after every job that ends would be seen. A thread that idles ends.
     */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 10,
            TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "jobs-history-writer");
                t.setDaemon(true);
                return t;
            });

    /** The most of {@code jobs.json} read; what is saved stays well under it (see {@link #SAVED_OUTPUT}). */
    public static final long LIMIT = 64L * 1024 * 1024;
    /** The most output lines saved per job. */
    static final int SAVED_LINES = 200;
    /** The most characters of output saved over all jobs, the newest first: 300 jobs of long lines would be gigabytes. */
    static final int SAVED_OUTPUT = 4_000_000;

    /** The history kept in {@code file}; none kept for {@code null}. */
    public JobsViewModel(Executor fx, Messages msg, Path file, Consumer<String> announce) {
        this(fx, msg, file == null ? null : SavedFile.logged(file, LIMIT), announce);
    }

    public JobsViewModel(Executor fx, Messages msg, SavedFile file, Consumer<String> announce) {
        this.fx = fx;
        this.msg = msg;
        this.file = file;
        this.announce = announce;
        writer.allowCoreThreadTimeOut(true);
        load();
    }

    /** Completes when every history write asked for so far is on disk (at exit, and for tests). */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.runAsync(() -> { }, writer);
    }

    public ObservableList<JobRow> jobs() {
        return jobs;
    }

    /**
     * The most of a job's result kept (shown in its cell's tooltip, saved in the history): a host's error may be
     * megabytes long, and 300 jobs are kept.
     */
    static final int RESULT = 2_000;

    private static String kept(String result) {
        return Shown.cut(result, RESULT);
    }

    /**
     * What a job does, in the window's language ("Fetch release" for {@code fetchrelease}); an action this version
     * has no words for (one a newer server added) as the host named it.
     */
    public String actionName(String action) {
        String key = "jobs.action." + action;
        return msg.has(key) ? msg.get(key) : action;
    }

    /** The sink for one host's transport, by its name only. */
    public JobSink sinkFor(String hostName) {
        return sinkFor("", hostName);
    }

    /** The sink for one host's transport: its jobs keep the host's id ({@link JobRow#hostId}) and name. */
    public JobSink sinkFor(String hostId, String hostName) {
        return new JobSink() {
            @Override
            public Job started(String action, String target, BooleanSupplier cancel) {
                return JobsViewModel.this.started(hostId, hostName, action, target, "", cancel, null);
            }

            @Override
            public Job started(String action, String target, String request, BooleanSupplier cancel) {
                return JobsViewModel.this.started(hostId, hostName, action, target, request, cancel, null);
            }

            @Override
            public Job started(String action, String target, String request, BooleanSupplier cancel,
                               java.util.function.Supplier<String> sentAs) {
                return JobsViewModel.this.started(hostId, hostName, action, target, request, cancel, sentAs);
            }

            @Override
            public Queued queued(String action, String target) {
                return JobsViewModel.this.queued(hostId, hostName, action, target);
            }
        };
    }

    /**
     * A job that waits its turn in this window: shown as waiting, cancelled (before it is sent) as any job is, and
     * said to be not started if the run it belongs to ends before its turn.
     */
    private Queued queued(String hostId, String hostName, String action, String target) {
        AtomicBoolean cancelled = new AtomicBoolean();
        JobRow[] row = new JobRow[1];
        row[0] = new JobRow(hostName, action, target, Instant.now(), () -> {
            cancelled.set(true);
            fx.execute(() -> ended(row[0], JobRow.State.CANCELLED, "jobs.cancelledWaiting"));
            return true;
        });
        row[0].hostId = hostId;
        row[0].state.set(JobRow.State.WAITING);
        // An empty bar: nothing done yet (an unknown one would move as if it ran).
        row[0].progress.set(0);
        row[0].result.set(msg.get("jobs.waitingTurn"));
        fx.execute(() -> jobs.add(0, row[0]));
        return new Queued() {
            @Override
            public boolean cancelled() {
                return cancelled.get();
            }

            @Override
            public void dropped() {
                fx.execute(() -> ended(row[0], JobRow.State.CANCELLED, "jobs.notStarted"));
            }
        };
    }

    /**
     * The window closes while jobs run (the user chose to quit anyway): those of hosts that stop with it (this
     * machine's iocage is stopped, the demo host goes) end as cancelled, saying why, as do those waiting their turn in
     * this window on any host (they are never sent); jobs running on remote hosts go on there and are kept as left
     * running, as their end is not known here. All stay in the history.
     */
    public void windowClosing(java.util.function.Predicate<String> hostStopsWithWindow) {
        Instant now = Instant.now();
        for (JobRow r : jobs) {
            if (!r.state.get().live()) {
                continue;
            }
            boolean waiting = r.state.get() == JobRow.State.WAITING;
            if (waiting && r.cancel != null) {
                r.cancel.getAsBoolean(); // the run it belongs to must not send it while the window goes
            }
            boolean goesOn = r.goesOnWithoutWindow(hostStopsWithWindow);
            if (goesOn && r.sentAs != null) {
                r.sentId = Objects.requireNonNullElse(r.sentAs.get(), "");
            }
            r.state.set(goesOn ? JobRow.State.LEFT : JobRow.State.CANCELLED);
            say(r, goesOn ? "jobs.leftQuit" : waiting ? "jobs.notStartedQuit" : "jobs.stoppedQuit");
            r.progress.set(1);
            r.duration.set(Duration.between(r.started, now));
        }
        save();
    }

    /** The longest host id a job read back keeps (a remote host's holds its address). */
    static final int HOST_ID = 2_100;
    /** The longest request id a job read back keeps (an audit line keeps no longer one). */
    static final int SENT_ID = 120;
    /** The most pages of a host's audit log {@link #settleLeft} reads: 20 of 500 entries. */
    static final int SETTLE_PAGES = 20;
    /**
     * How far a host's clock may be behind this desktop's: the log is read back to this much before the start of the
     * oldest job looked for (its line is written when it ends, after it started).
     */
    static final Duration HOST_CLOCK_BEHIND = Duration.ofHours(1);
    private static final java.time.format.DateTimeFormatter ENDED = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());
    /** The hosts whose audit log is being read for their jobs left running (one reading at a time each). */
    private final java.util.Set<String> settling = new java.util.HashSet<>();

    /**
     * Settles the jobs left running on {@code hostName} when the window last closed: a host that keeps an audit log
     * (JailDesk's server) writes each change's end there with the id its request came under, which such a job kept.
     * Reads {@code pages} (the log's pages, newest first: "" for the first, then each page's {@code older}) off the FX
     * thread until every such job is found, the log reaches back before the oldest one's start (less
     * {@link #HOST_CLOCK_BEHIND}), or {@link #SETTLE_PAGES} pages are read; each job found takes the end the log
     * gives. A job not found stays left running; a page that cannot be read ends the search.
     *
     * @return completes, after the jobs found are changed on the FX thread, with how many were
     */
    public CompletableFuture<Integer> settleLeft(String hostName,
                                                 java.util.function.Function<String, CompletableFuture<org.jaildesk.domain.AuditPage>> pages) {
        return settleLeft("", hostName, pages);
    }

    /** {@link #settleLeft(String, java.util.function.Function)} for the host of this id and name ({@link JobRow#ranOn}). */
    public CompletableFuture<Integer> settleLeft(String hostId, String hostName,
                                                 java.util.function.Function<String, CompletableFuture<org.jaildesk.domain.AuditPage>> pages) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        fx.execute(() -> {
            java.util.Map<String, JobRow> wanted = new java.util.HashMap<>();
            Instant oldest = Instant.MAX;
            for (JobRow r : jobs) {
                if (r.state.get() == JobRow.State.LEFT && r.ranOn(hostId, hostName) && !r.sentId.isEmpty()) {
                    wanted.put(r.sentId, r);
                    oldest = r.started.isBefore(oldest) ? r.started : oldest;
                }
            }
            if (wanted.isEmpty() || !settling.add(hostName)) {
                done.complete(0);
                return;
            }
            readFor(hostName, pages, "", 1, wanted, oldest.minus(HOST_CLOCK_BEHIND), 0, done);
        });
        return done;
    }

    private void readFor(String hostName, java.util.function.Function<String, CompletableFuture<org.jaildesk.domain.AuditPage>> pages,
                         String before, int page, java.util.Map<String, JobRow> wanted, Instant back, int settled,
                         CompletableFuture<Integer> done) {
        CompletableFuture<org.jaildesk.domain.AuditPage> read;
        try {
            read = pages.apply(before);
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        read.whenComplete((p, error) -> fx.execute(() -> {
            int n = settled;
            boolean reachedBack = false;
            if (p != null) {
                for (org.jaildesk.domain.AuditEntry e : p.entries()) {
                    JobRow r = e.request().isEmpty() ? null : wanted.get(e.request());
                    if (r != null && r.action.equals(e.action()) && r.state.get() == JobRow.State.LEFT) {
                        wanted.remove(e.request());
                        endedAway(r, e);
                        n++;
                    }
                    reachedBack |= e.time().isBefore(back);
                }
            }
            if (p == null || wanted.isEmpty() || reachedBack || !p.hasOlder() || p.rotated() || page >= SETTLE_PAGES) {
                if (error != null) {
                    java.util.logging.Logger.getLogger(JobsViewModel.class.getName()).info(() -> "cannot read the action log of "
                            + hostName + " for the jobs left running there: " + error.getMessage());
                }
                settling.remove(hostName);
                if (n > 0) {
                    save();
                }
                done.complete(n);
                return;
            }
            readFor(hostName, pages, p.older(), page + 1, wanted, back, n, done);
        }));
    }

    /**
     * A job left running takes the end its host's audit log gives ({@code ok}, {@code error:<why>}, {@code
     * refused:<code>}, {@code failed:<kind>}), saying where that came from and when it ended.
     */
    private void endedAway(JobRow r, org.jaildesk.domain.AuditEntry e) {
        String result = e.result();
        String why = result.startsWith("error:") ? result.substring("error:".length()) : result;
        boolean ok = "ok".equals(result);
        boolean cancelled = !ok && result.startsWith("error:") && Protocol.saysCancelled(why.replace('_', ' '));
        String when = ENDED.format(e.time());
        r.state.set(ok ? JobRow.State.DONE : cancelled ? JobRow.State.CANCELLED : JobRow.State.FAILED);
        if (ok || cancelled) {
            say(r, ok ? "jobs.doneAway" : "jobs.cancelledAway", when);
        } else {
            say(r, "jobs.failedAway", when, Shown.cut(why, RESULT));
        }
        Duration took = Duration.between(r.started, e.time());
        if (!took.isNegative()) {
            r.duration.set(took);
        }
        r.sentId = "";
    }

    /** A waiting job that will not run after all; one that started meanwhile is left as it is. */
    private void ended(JobRow row, JobRow.State state, String said) {
        if (row.state.get() == JobRow.State.WAITING) {
            row.state.set(state);
            say(row, said);
            trim();
            save();
        }
    }

    private JobSink.Job started(String hostId, String hostName, String action, String target, String request,
                                BooleanSupplier cancel, java.util.function.Supplier<String> sentAs) {
        JobRow row = new JobRow(hostName, action, target, Instant.now(), request, cancel, sentAs);
        row.hostId = hostId;
        fx.execute(() -> {
            // The job takes the place of its waiting row, if it had one: the newest job stays on top.
            jobs.stream().filter(r -> r.state.get() == JobRow.State.WAITING && r.host.equals(hostName)
                    && r.action.equals(action) && r.target.equals(target)).reduce((a, b) -> b).ifPresent(jobs::remove);
            jobs.add(0, row);
        });
        return new JobSink.Job() {
            /** Lines that came since the FX thread last took them; a job may print thousands a second. */
            private final List<JobRow.Line> pending = new ArrayList<>();
            private int percent = -1;
            private boolean taking;

            @Override
            public void line(String line, int percent) {
                synchronized (pending) {
                    pending.add(new JobRow.Line(line, percent >= 0));
                    this.percent = percent >= 0 ? percent : this.percent;
                    if (taking) {
                        return;
                    }
                    taking = true;
                }
                fx.execute(this::take);
            }

            /** All lines that came meanwhile, as one change of the job (on the FX thread). */
            private void take() {
                List<JobRow.Line> lines;
                int shown;
                synchronized (pending) {
                    lines = List.copyOf(pending);
                    pending.clear();
                    shown = percent;
                    taking = false;
                }
                row.add(lines);
                if (shown >= 0) {
                    row.progress.set(shown / 100.0);
                }
                row.duration.set(Duration.between(row.started, Instant.now()));
            }

            @Override
            public void finished(boolean ok, String message, List<String> output) {
                fx.execute(() -> {
                    if (!row.state.get().live()) {
                        // Ended already (the window closing stopped it): the first end stands.
                        return;
                    }
                    take();
                    row.add(output.stream().map(line -> new JobRow.Line(line, false)).toList());
                    boolean cancelled = !ok && Protocol.saysCancelled(message);
                    row.state.set(ok ? JobRow.State.DONE : cancelled ? JobRow.State.CANCELLED : JobRow.State.FAILED);
                    row.result.set(kept(message == null ? "" : ok ? message : Notifier.explained(msg, message)));
                    row.said = "";
                    row.saidArgs = List.of();
                    row.progress.set(1);
                    row.duration.set(Duration.between(row.started, Instant.now()));
                    announce.accept(msg.get(ok ? "jobs.finished" : cancelled ? "jobs.cancelledNotice" : "jobs.failedNotice",
                            actionName(row.action), row.target, hostName));
                    trim();
                    save();
                });
            }
        };
    }

    /** Brings the running jobs' durations up to {@code now}: a job that prints nothing still shows its time passing. */
    public boolean tick(Instant now) {
        boolean any = false;
        for (JobRow r : jobs) {
            if (r.state.get() == JobRow.State.RUNNING) {
                r.duration.set(Duration.between(r.started, now));
                any = true;
            }
        }
        return any;
    }

    public boolean cancel(JobRow row) {
        return row.cancellable() && row.cancel.getAsBoolean();
    }

    /** The most characters of output the finished jobs keep in memory, the newest first. */
    static final int KEPT_OUTPUT = 16_000_000;

    /**
     * Bounds what the panel holds over a long session: the newest {@link #KEEP} jobs (the running ones always), and
     * the finished ones' output to {@link #KEPT_OUTPUT} characters in all, an older job losing its first lines first.
     * A job may keep 2,000 lines of 10,000 characters, and nothing else limited how many jobs a window holds.
     */
    private void trim() {
        List<JobRow> dropped = new ArrayList<>();
        long budget = KEPT_OUTPUT;
        int kept = 0;
        for (JobRow r : jobs) {
            if (r.state.get().live()) {
                continue;
            }
            if (++kept > KEEP) {
                dropped.add(r);
                continue;
            }
            int from = lastThatFit(r.output, budget);
            budget -= length(r.output.subList(from, r.output.size()));
            if (from > 0) {
                r.output.remove(0, from);
            }
        }
        jobs.removeAll(dropped);
    }

    public void clearFinished() {
        jobs.removeIf(j -> !j.state.get().live());
        save();
    }

    private void load() {
        if (file == null) {
            return;
        }
        List<Saved> saved = file.read(in -> json.readValue(in, new TypeReference<List<Saved>>() { })).orElse(List.of());
        List<String> refused = new ArrayList<>();
        for (int n = 0; n < saved.size(); n++) {
            try {
                jobs.add(restored(saved.get(n)));
            } catch (RuntimeException e) {
                refused.add("job " + (n + 1) + ": " + e);
            }
        }
        trim();
        if (!refused.isEmpty()) {
            // The jobs that can be read are kept; the file as it was is set aside and saved anew without the others.
            file.setAside(String.join("; ", refused));
            save();
        }
    }

    /** A job's last lines, at most {@link #SAVED_LINES} and {@code budget} characters in all. */
    private static List<String> savedLines(List<String> output, long budget) {
        List<String> last = output.subList(Math.max(0, output.size() - SAVED_LINES), output.size());
        return List.copyOf(last.subList(lastThatFit(last, budget), last.size()));
    }

    /** Where the newest lines of {@code lines} that fit in {@code budget} characters together begin. */
    private static int lastThatFit(List<String> lines, long budget) {
        int from = lines.size();
        for (long left = budget; from > 0 && lines.get(from - 1).length() <= left; from--) {
            left -= lines.get(from - 1).length();
        }
        return from;
    }

    private static long length(List<String> lines) {
        return lines.stream().mapToLong(String::length).sum();
    }

    private JobRow restored(Saved s) {
        JobRow r = new JobRow(Objects.requireNonNull(s.host(), "no host"), Objects.requireNonNull(s.action(), "no action"),
                Objects.requireNonNull(s.target(), "no target"), Instant.parse(s.started()), s.request(), null, null);
        JobRow.State state = JobRow.State.valueOf(s.state());
        r.hostId = s.hostId() == null ? "" : Shown.cut(s.hostId(), HOST_ID);
        if (state == JobRow.State.LEFT && s.sentAs() != null) {
            r.sentId = Shown.cut(s.sentAs(), SENT_ID);
        }
        // Nothing runs or waits for a job read back (a hand-edited file may say so): it ended with the window before.
        r.state.set(state.live() ? JobRow.State.CANCELLED : state);
        r.duration.set(Duration.ofMillis(s.millis()));
        // Bounded as a job's own are: the file may be older than the bounds, or edited.
        r.result.set(kept(s.result() == null ? "" : s.result()));
        // JailDesk's own words in this window's language (the text as saved where the key is not one it keeps).
        List<String> args = s.saidArgs() == null ? List.of() : s.saidArgs();
        if (s.said() != null && SAID.contains(s.said()) && args.size() <= 2 && args.stream().allMatch(Objects::nonNull)) {
            say(r, s.said(), args.stream().map(a -> Shown.cut(a, RESULT)).toArray(String[]::new));
        }
        r.progress.set(1);
        r.add(s.output() == null ? List.of() : s.output().stream().filter(Objects::nonNull)
                .map(line -> new JobRow.Line(line, false)).toList());
        return r;
    }

    private void save() {
        if (file == null) {
            return;
        }
        List<Saved> out = new ArrayList<>();
        long budget = SAVED_OUTPUT;
        for (JobRow r : jobs) {
            if (!r.state.get().live() && out.size() < KEEP) {
                List<String> lines = savedLines(r.output, budget);
                budget -= length(lines);
                out.add(new Saved(r.host, r.action, r.target, r.started.toString(), r.duration.get().toMillis(), r.state.get().name(),
                        r.result.get(), lines, r.request, r.state.get() == JobRow.State.LEFT && !r.sentId.isEmpty() ? r.sentId : null,
                        r.said.isEmpty() ? null : r.said, r.said.isEmpty() ? null : r.saidArgs, r.hostId.isEmpty() ? null : r.hostId));
            }
        }
        // The snapshot is taken here, on the FX thread that owns the rows; only the writing goes to the writer.
        writer.execute(() -> file.writeOrTellOnce(w -> json.writeValue(w, out),
                why -> fx.execute(() -> saveFailed.accept(file.path(), org.jaildesk.ui.common.FileWords.of(msg, why)))));
    }

    private volatile BiConsumer<Path, String> saveFailed = (path, why) -> { };

    /** Told on the FX thread, the first time the history cannot be written (its path and why, in the window's language). */
    public void onSaveFailed(BiConsumer<Path, String> told) {
        this.saveFailed = told;
    }
}
