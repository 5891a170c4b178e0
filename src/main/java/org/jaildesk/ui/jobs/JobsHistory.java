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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jaildesk.client.SavedFile;
import org.jaildesk.domain.Shown;

/**
 * The jobs panel's history in {@code jobs.json}: the finished jobs read back when the window opens, and written again,
 * off the FX thread, whenever one ends.
 */
final class JobsHistory {

    /** The most output lines saved per job. */
    static final int SAVED_LINES = 200;
    /** The most characters of output saved over all jobs, the newest first: 300 jobs of long lines would be gigabytes. */
    static final int SAVED_OUTPUT = 4_000_000;
    /** The longest host id a job read back keeps (a remote host's holds its address). */
    static final int HOST_ID = 2_100;
    /** The longest request id a job read back keeps (an audit line keeps no longer one). */
    static final int SENT_ID = 120;

    /**
     * A job as {@code jobs.json} keeps it; {@code sentAs} for one left running, {@code said} and {@code saidArgs} for a
     * result in JailDesk's own words, {@code hostId} the host's id (each null in older files).
     */
    private record Saved(String host, String action, String target, String started, long millis, String state, String result,
                         List<String> output, String request, String sentAs, String said, List<String> saidArgs, String hostId) {
    }

    private final JobsViewModel vm;
    /** Where the history is kept; null: nowhere. */
    private final SavedFile file;
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
    private volatile BiConsumer<Path, String> saveFailed = (path, why) -> { };

    JobsHistory(JobsViewModel vm, SavedFile file) {
        this.vm = vm;
        this.file = file;
        writer.allowCoreThreadTimeOut(true);
    }

    /** Completes when every write asked for so far is on disk (at exit, and for tests). */
    CompletableFuture<Void> flush() {
        return CompletableFuture.runAsync(() -> { }, writer);
    }

    /** Told on the FX thread, the first time the history cannot be written (its path and why, in the window's language). */
    void onSaveFailed(BiConsumer<Path, String> told) {
        this.saveFailed = told;
    }

    /**
     * Adds the saved jobs to the panel's; where some cannot be read, the file as it was is set aside and saved anew
     * with the others.
     */
    void load() {
        if (file == null) {
            return;
        }
        List<Saved> saved = file.read(in -> json.readValue(in, new TypeReference<List<Saved>>() { })).orElse(List.of());
        List<String> refused = new ArrayList<>();
        for (int n = 0; n < saved.size(); n++) {
            try {
                vm.jobs().add(restored(saved.get(n)));
            } catch (RuntimeException e) {
                refused.add("job " + (n + 1) + ": " + e);
            }
        }
        vm.trim();
        if (!refused.isEmpty()) {
            file.setAside(String.join("; ", refused));
            save();
        }
    }

    /** A job's last lines, at most {@link #SAVED_LINES} and {@code budget} characters in all. */
    private static List<String> savedLines(List<String> output, long budget) {
        List<String> last = output.subList(Math.max(0, output.size() - SAVED_LINES), output.size());
        return List.copyOf(last.subList(JobsViewModel.lastThatFit(last, budget), last.size()));
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
        r.result.set(JobsViewModel.kept(s.result() == null ? "" : s.result()));
        // JailDesk's own words in this window's language (the text as saved where the key is not one it keeps).
        List<String> args = s.saidArgs() == null ? List.of() : s.saidArgs();
        if (s.said() != null && JobsViewModel.SAID.contains(s.said()) && args.size() <= 2 && args.stream().allMatch(Objects::nonNull)) {
            vm.say(r, s.said(), args.stream().map(a -> Shown.cut(a, JobsViewModel.RESULT)).toArray(String[]::new));
        }
        r.progress.set(1);
        r.add(s.output() == null ? List.of() : s.output().stream().filter(Objects::nonNull)
                .map(line -> new JobRow.Line(line, false)).toList());
        return r;
    }

    /** Writes the finished jobs, the newest {@link JobsViewModel#KEEP}, off the FX thread; called on the FX thread. */
    void save() {
        if (file == null) {
            return;
        }
        List<Saved> out = new ArrayList<>();
        long budget = SAVED_OUTPUT;
        for (JobRow r : vm.jobs()) {
            if (!r.state.get().live() && out.size() < JobsViewModel.KEEP) {
                List<String> lines = savedLines(r.output, budget);
                budget -= JobsViewModel.length(lines);
                out.add(new Saved(r.host, r.action, r.target, r.started.toString(), r.duration.get().toMillis(), r.state.get().name(),
                        r.result.get(), lines, r.request, r.state.get() == JobRow.State.LEFT && !r.sentId.isEmpty() ? r.sentId : null,
                        r.said.isEmpty() ? null : r.said, r.said.isEmpty() ? null : r.saidArgs, r.hostId.isEmpty() ? null : r.hostId));
            }
        }
        // The snapshot is taken here, on the FX thread that owns the rows; only the writing goes to the writer.
        writer.execute(() -> file.writeOrTellOnce(w -> json.writeValue(w, out),
                why -> vm.fx.execute(() -> saveFailed.accept(file.path(), org.jaildesk.ui.common.FileWords.of(vm.msg, why)))));
    }
}
