package org.jaildesk.ui.jails;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.client.JobOutput;
import org.jaildesk.domain.CommandLines;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.SnapshotNames;
import org.jaildesk.domain.Wording;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.common.Scrollback;

/**
 * One command run in several jails (<i>Run command…</i> with several selected), as Bastille's {@code cmd} runs one in
 * many, but with a row per jail: its state, what it printed and how it ended. At most {@link #AT_ONCE} jails run it at
 * a time, in the order given (a host runs each as its own {@code execjail}); one that fails leaves the others to go on;
 * {@link #stop()} keeps those not started from starting, and {@link #retry()} runs it again where it failed or did not
 * run. Everything here happens on the FX thread: answers come back through the executor given.
 */
public final class ExecBatch {

    /** Jails that run the command at the same time: enough to go through dozens quickly, few enough for any host. */
    public static final int AT_ONCE = 4;
    /** The most of one jail's output kept, besides its last {@link Scrollback#LINES} lines: 50 jails' hold 10 M. */
    static final int KEPT_CHARACTERS = 200_000;

    /** Runs a command in one jail: the host's {@code execjail}. */
    @FunctionalInterface
    public interface Runner {
        CompletableFuture<JobOutput> run(Jail jail, String user, String command);
    }

    /** Takes a snapshot of one jail under a name: the host's {@code snapshotjail}. */
    @FunctionalInterface
    public interface Snapshots {
        CompletableFuture<?> take(Jail jail, String name);
    }

    /**
     * A jail to run the command in, under the name its row shows, with the host's {@code execjail} that runs it and its
     * {@code snapshotjail} for a snapshot first: the jails of one run may be on several hosts (All hosts).
     */
    public record Target(String name, Jail jail, Runner runner, Snapshots snapshots) {
        /** A jail whose host is not asked for snapshots: a snapshot first fails for it, and the command is not run. */
        public Target(String name, Jail jail, Runner runner) {
            this(name, jail, runner, (j, n) -> CompletableFuture.failedFuture(new UnsupportedOperationException("no snapshots")));
        }
    }

    /** The snapshot before a jail's run could not be taken: the command was not run there. */
    private static final class SnapshotFailed extends RuntimeException {
        SnapshotFailed(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Where a jail's run stands. */
    public enum State { WAITING, RUNNING, DONE, FAILED, NOT_RUN }

    /** One jail of the run. */
    public static final class Row {
        private final Target target;
        private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.WAITING);
        private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
        private List<String> kept = List.of();
        private int printed;

        Row(Target target) {
            this.target = target;
        }

        public Jail jail() {
            return target.jail();
        }

        /** The jail as the row names it: its name, or its host's and its own. */
        public String name() {
            return target.name();
        }

        public ReadOnlyObjectProperty<State> stateProperty() {
            return state.getReadOnlyProperty();
        }

        public State state() {
            return state.get();
        }

        /** How it ended, or where it stands, in a few words ("Done, 2 lines of output"). */
        public ReadOnlyStringProperty resultProperty() {
            return result.getReadOnlyProperty();
        }

        /** The lines kept of what it printed, with the host's error after them if it failed. */
        public List<String> lines() {
            return kept;
        }

        /** The first line kept of what it printed, for a glance down the table (a version, a hostname), or empty. */
        public String firstLine() {
            return kept.isEmpty() || printed == 0 ? "" : kept.get(0);
        }

        /** How many lines it printed; more than {@link #lines()} holds when it printed more than is kept. */
        public int printed() {
            return printed;
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Deque<Row> waiting = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Runner runner;
    private final Executor fx;
    private final Messages msg;
    private String user = "";
    private String command = "";
    private int inFlight;
    /** The snapshot taken of each jail before its run, or null when none is. */
    private final ReadOnlyStringWrapper snapshot = new ReadOnlyStringWrapper();
    private boolean snapshotFirst;

    /** {@code runner} runs the jails given to {@link #run} (one host's). */
    public ExecBatch(Runner runner, Executor fx, Messages msg) {
        this.runner = java.util.Objects.requireNonNull(runner, "runner");
        this.fx = fx;
        this.msg = msg;
    }

    /** For {@link #runIn} only, each target bringing its runner (jails of several hosts). */
    public ExecBatch(Executor fx, Messages msg) {
        this.runner = null;
        this.fx = fx;
        this.msg = msg;
    }

    /** A row per jail of the last run, in its order. */
    public ObservableList<Row> rows() {
        return rowsView;
    }

    /** Whether some jail runs the command or waits its turn. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** How the run stands as a whole ("Running: 2 done, 1 failed, 3 to go"), in the window's language. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The command of the last run, and its user. */
    public String command() {
        return command;
    }

    public String user() {
        return user;
    }

    /**
     * Runs {@code command} as {@code user} in each of {@code jails}, or says why not: a command or user the host would
     * refuse is refused here, before any jail is asked, and so is a run while another is going.
     */
    public Optional<String> run(List<Jail> jails, String user, String command) {
        if (runner == null) {
            throw new IllegalStateException("this run's jails each bring their runner: runIn");
        }
        return runIn(jails.stream().map(j -> new Target(j.displayName(), j, runner)).toList(), user, command);
    }

    /** The same for jails that may be on several hosts, each with its own runner. */
    public Optional<String> runIn(List<Target> targets, String user, String command) {
        return runIn(targets, user, command, false);
    }

    /**
     * The same, with {@code snapshotFirst} a snapshot of each jail taken just before the command runs in it
     * ({@code before_command_<UTC time>}, one name for the run): a rollback to it undoes what the command changed. A
     * jail whose snapshot cannot be taken is not run, and its row says why.
     */
    public Optional<String> runIn(List<Target> targets, String user, String command, boolean snapshotFirst) {
        Optional<Wording> problem = CommandLines.check(user, command);
        if (problem.isPresent()) {
            return problem.map(msg::get);
        }
        if (running.get()) {
            return Optional.of(msg.get("batch.busy"));
        }
        this.user = user;
        this.command = command;
        this.snapshotFirst = snapshotFirst;
        snapshot.set(snapshotFirst ? snapshotName() : null);
        List<Row> fresh = new ArrayList<>();
        for (Target target : targets) {
            fresh.add(new Row(target));
        }
        rows.setAll(fresh);
        waiting.addAll(fresh);
        pump();
        return Optional.empty();
    }

    /** Runs the last command again in the jails where it failed or did not run; false if there are none. */
    public boolean retry() {
        if (running.get()) {
            return false;
        }
        for (Row row : rows) {
            if (row.state() == State.FAILED || row.state() == State.NOT_RUN) {
                row.kept = List.of();
                row.printed = 0;
                set(row, State.WAITING, msg.get("batch.waiting"));
                waiting.add(row);
            }
        }
        if (waiting.isEmpty()) {
            return false;
        }
        if (snapshotFirst) {
            // A snapshot before each try: a jail whose first one was taken gets another, under a new name.
            snapshot.set(snapshotName());
        }
        pump();
        return true;
    }

    /** The name of the snapshot each jail gets before its run, or null when none is taken. */
    public ReadOnlyStringProperty snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** {@code before_command_} and the UTC time to the second; another name than the last run's, should it be as late. */
    private String snapshotName() {
        String name = "before_command_" + SnapshotNames.at(java.time.Instant.now());
        String last = snapshot.get();
        if (last != null && (last.equals(name) || last.startsWith(name + "_"))) {
            int n = last.equals(name) ? 2 : Integer.parseInt(last.substring(name.length() + 1)) + 1;
            name = name + "_" + n;
        }
        return name;
    }

    /** The jails that failed or did not run in the last run. */
    public long toRetry() {
        return rows.stream().filter(r -> r.state() == State.FAILED || r.state() == State.NOT_RUN).count();
    }

    /** Keeps the jails that have not started from starting; those running finish. */
    public void stop() {
        for (Row row : waiting) {
            set(row, State.NOT_RUN, msg.get("batch.notRun"));
        }
        waiting.clear();
        update();
    }

    /** Every jail's output under a line naming it and how it ended, for the clipboard or a ticket. */
    public String transcript() {
        StringBuilder b = new StringBuilder();
        b.append("$ ").append(command).append('\n');
        if (snapshot.get() != null) {
            b.append(msg.get("batch.snapshotTranscript", snapshot.get())).append('\n');
        }
        for (Row row : rows) {
            b.append("== ").append(row.name()).append(": ").append(row.result.get()).append('\n');
            for (String line : row.kept) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    private void pump() {
        while (inFlight < AT_ONCE && !waiting.isEmpty()) {
            Row row = waiting.poll();
            inFlight++;
            set(row, State.RUNNING, msg.get("exec.running"));
            CompletableFuture<JobOutput> call;
            String before = snapshot.get();
            try {
                call = before == null ? row.target.runner().run(row.jail(), user, command)
                        : row.target.snapshots().take(row.jail(), before)
                                .exceptionallyCompose(e -> CompletableFuture.failedFuture(new SnapshotFailed(Notifier.unwrap(e))))
                                .thenCompose(x -> row.target.runner().run(row.jail(), user, command));
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            call.whenCompleteAsync((out, err) -> {
                inFlight--;
                Throwable cause = err == null ? null : Notifier.unwrap(err);
                if (err == null) {
                    done(row, out.lines());
                } else if (cause instanceof SnapshotFailed f) {
                    row.kept = List.of(msg.get("batch.snapshotFailedLine", before, Notifier.text(msg, f.getCause())));
                    row.printed = 0;
                    set(row, State.FAILED, msg.get("batch.snapshotFailed"));
                } else {
                    failed(row, err);
                }
                pump();
            }, fx);
        }
        update();
    }

    private void done(Row row, List<String> lines) {
        row.printed = lines.size();
        row.kept = kept(lines);
        set(row, State.DONE, row.kept.size() < lines.size()
                ? msg.get("exec.okCut", lines.size(), row.kept.size()) : msg.get("exec.ok", lines.size()));
    }

    private void failed(Row row, Throwable err) {
        List<String> printed = ConsoleText.printedBefore(err);
        row.printed = printed.size();
        List<String> all = new ArrayList<>(printed);
        all.addAll(ConsoleText.hostError(msg, err));
        row.kept = kept(all);
        set(row, State.FAILED, msg.get("exec.failed"));
    }

    private void set(Row row, State state, String result) {
        // The state first: a table cell shown from the result reads the state when the result changes.
        row.state.set(state);
        row.result.set(result);
    }

    private void update() {
        running.set(inFlight > 0 || !waiting.isEmpty());
        long done = count(State.DONE);
        long failed = count(State.FAILED);
        long notRun = count(State.NOT_RUN);
        status.set(running.get()
                ? msg.get("batch.statusRunning", done, failed, inFlight + waiting.size())
                : msg.get("batch.statusEnded", done, failed, notRun));
    }

    private long count(State state) {
        return rows.stream().filter(r -> r.state() == state).count();
    }

    /** The last lines of {@code lines}, each cut as a console cuts it, at most {@link #KEPT_CHARACTERS} in all. */
    static List<String> kept(List<String> lines) {
        List<String> out = new ArrayList<>();
        long characters = 0;
        for (int i = lines.size() - 1; i >= 0 && out.size() < Scrollback.LINES; i--) {
            String line = Scrollback.line(lines.get(i));
            characters += line.length() + 1;
            if (characters > KEPT_CHARACTERS && !out.isEmpty()) {
                break;
            }
            out.add(line);
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }
}
