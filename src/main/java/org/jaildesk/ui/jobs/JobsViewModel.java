package org.jaildesk.ui.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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

    static final int KEEP = 300;

    /**
     * The results in JailDesk's own words that the history keeps by key (and says in the language of the window that
     * reads it back); each takes its arguments as plain text.
     */
    static final java.util.Set<String> SAID = java.util.Set.of("jobs.leftQuit", "jobs.notStartedQuit",
            "jobs.stoppedQuit", "jobs.doneAway", "jobs.failedAway", "jobs.cancelledAway", "jobs.cancelledWaiting",
            "jobs.notStarted");

    /** A job's result in JailDesk's own words ({@link #SAID}), kept with its key and arguments. */
    void say(JobRow r, String key, String... args) {
        r.result.set(kept(msg.get(key, (Object[]) args)));
        r.said = key;
        r.saidArgs = List.of(args);
    }

    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    final Executor fx;
    final Messages msg;
    private final JobsHistory history;
    private final Consumer<String> announce;
    /** The most of {@code jobs.json} read; what is saved stays well under it (see {@link JobsHistory#SAVED_OUTPUT}). */
    public static final long LIMIT = 64L * 1024 * 1024;

    /** The history kept in {@code file}; none kept for {@code null}. */
    public JobsViewModel(Executor fx, Messages msg, Path file, Consumer<String> announce) {
        this(fx, msg, file == null ? null : SavedFile.logged(file, LIMIT), announce);
    }

    public JobsViewModel(Executor fx, Messages msg, SavedFile file, Consumer<String> announce) {
        this.fx = fx;
        this.msg = msg;
        this.announce = announce;
        this.history = new JobsHistory(this, file);
        history.load();
    }

    /** Completes when every history write asked for so far is on disk (at exit, and for tests). */
    public CompletableFuture<Void> flush() {
        return history.flush();
    }

    public ObservableList<JobRow> jobs() {
        return jobs;
    }

    /**
     * The most of a job's result kept (shown in its cell's tooltip, saved in the history): a host's error may be
     * megabytes long, and 300 jobs are kept.
     */
    static final int RESULT = 2_000;

    static String kept(String result) {
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


    /**
     * Settles the jobs left running on {@code hostName} when the window last closed from the host's audit log; see
     * {@link LeftJobs#settle}.
     *
     * @return completes, after the jobs found are changed on the FX thread, with how many were
     */
    public CompletableFuture<Integer> settleLeft(String hostName,
                                                 java.util.function.Function<String, CompletableFuture<org.jaildesk.domain.AuditPage>> pages) {
        return left.settle("", hostName, pages);
    }

    /** {@link #settleLeft(String, java.util.function.Function)} for the host of this id and name ({@link JobRow#ranOn}). */
    public CompletableFuture<Integer> settleLeft(String hostId, String hostName,
                                                 java.util.function.Function<String, CompletableFuture<org.jaildesk.domain.AuditPage>> pages) {
        return left.settle(hostId, hostName, pages);
    }

    /** Looks the jobs left running up in their hosts' audit logs. */
    private final LeftJobs left = new LeftJobs(this);

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
    void trim() {
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

    /** Where the newest lines of {@code lines} that fit in {@code budget} characters together begin. */
    static int lastThatFit(List<String> lines, long budget) {
        int from = lines.size();
        for (long left = budget; from > 0 && lines.get(from - 1).length() <= left; from--) {
            left -= lines.get(from - 1).length();
        }
        return from;
    }

    static long length(List<String> lines) {
        return lines.stream().mapToLong(String::length).sum();
    }

    /** Told on the FX thread, the first time the history cannot be written (its path and why, in the window's language). */
    public void onSaveFailed(BiConsumer<Path, String> told) {
        history.onSaveFailed(told);
    }

    /** Saves the finished jobs, off the FX thread (see {@link JobsHistory#save}). */
    void save() {
        history.save();
    }
}
