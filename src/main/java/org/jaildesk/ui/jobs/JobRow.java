package org.jaildesk.ui.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jaildesk.ui.common.Scrollback;

/** One job in the jobs panel. Changed on the FX thread only. */
public final class JobRow {

    /**
     * Where a job stands; {@code WAITING} for one this window will start once the one before it has ended, {@code LEFT}
     * for one a remote host still ran when the window closed (its end is not known here).
     */
    public enum State {
        WAITING, RUNNING, DONE, FAILED, CANCELLED, LEFT;

        /** Not ended: running, or waiting its turn. */
        public boolean live() {
            return this == WAITING || this == RUNNING;
        }
    }

    final String host;
    /**
     * The host's id in the host list ({@code HostEntry.id}: "demo", "local", "remote:<url>"), which a new name or
     * another language leaves as it is; "" where not known (a history written before it was kept).
     */
    String hostId = "";
    final String action;
    final String target;
    final Instant started;
    final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    final ObjectProperty<Duration> duration = new SimpleObjectProperty<>(Duration.ZERO);
    /** 0..1 where the output tells (downloads), -1 while unknown. */
    final DoubleProperty progress = new SimpleDoubleProperty(-1);
    final StringProperty result = new SimpleStringProperty("");
    final ObservableList<String> output = FXCollections.observableArrayList();
    final BooleanSupplier cancel;
    /** The request's {@code args} as compact JSON; "" when not known (a job waiting its turn, or not kept). */
    final String request;
    /** While it runs: the id its request went to the host under ("" where the host knows it by no other); or null. */
    final java.util.function.Supplier<String> sentAs;
    /**
     * For a job {@link State#LEFT} running: the id the host knows its request by, taken as the window closed, by which
     * its end is looked up in the host's audit log later; "" where there is none.
     */
    String sentId = "";
    /**
     * Where the result is JailDesk's own words (not the host's): their key and arguments, so that the history read back
     * in another language says them in that one; "" where the result is the host's.
     */
    String said = "";
    List<String> saidArgs = List.of();

    JobRow(String host, String action, String target, Instant started, BooleanSupplier cancel) {
        this(host, action, target, started, "", cancel, null);
    }

    JobRow(String host, String action, String target, Instant started, String request, BooleanSupplier cancel,
           java.util.function.Supplier<String> sentAs) {
        this.host = host;
        this.action = action;
        this.target = target;
        this.started = started;
        this.request = request == null || request.length() > org.jaildesk.client.JobSink.REQUEST_KEPT ? "" : request;
        this.cancel = cancel;
        this.sentAs = sentAs;
    }

    /** The request that started it, as compact JSON; "" when not known. */
    public String request() {
        return request;
    }

    public String host() {
        return host;
    }

    public String hostId() {
        return hostId;
    }

    /**
     * Whether this job ran on the host of {@code id} and {@code name}: by its id where both are known (the host may have
     * been renamed since, or named in another language), else by its name.
     */
    public boolean ranOn(String id, String name) {
        return !hostId.isEmpty() && id != null && !id.isEmpty() ? hostId.equals(id) : host.equals(name);
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public Instant started() {
        return started;
    }

    public ObjectProperty<State> state() {
        return state;
    }

    public ObjectProperty<Duration> duration() {
        return duration;
    }

    public DoubleProperty progress() {
        return progress;
    }

    public StringProperty result() {
        return result;
    }

    public ObservableList<String> output() {
        return output;
    }

    /** Lines kept per job: the newest, as the jobs panel's text area shows them (see {@link Scrollback}). */
    static final int MAX_LINES = Scrollback.LINES;
    private boolean lastIsProgress;

    /** A line of a job's output (cut as {@link Scrollback#line} cuts), and whether it is a progress bar's redraw. */
    record Line(String text, boolean progress) {
        Line {
            text = Scrollback.line(text);
        }
    }

    /**
     * Lines of the job's output, in the order they came, applied to {@link #output} as at most three changes however
     * many they are: the text area that shows a job lays its whole text out again for each change. iocage redraws a
     * download's progress bar in place ({@code \r}), which arrives as one line per redraw, up to thousands per file:
     * a redraw of the same file replaces the line before, as on a terminal.
     */
    void add(List<Line> lines) {
        List<String> added = new ArrayList<>();
        String replacesLast = null;
        for (Line line : lines) {
            String last = !added.isEmpty() ? added.get(added.size() - 1)
                    : replacesLast != null ? replacesLast : output.isEmpty() ? null : output.get(output.size() - 1);
            if (line.progress() && lastIsProgress && last != null && sameItem(last, line.text())) {
                if (added.isEmpty()) {
                    replacesLast = line.text();
                } else {
                    added.set(added.size() - 1, line.text());
                }
            } else {
                added.add(line.text());
            }
            lastIsProgress = line.progress();
        }
        if (replacesLast != null) {
            output.set(output.size() - 1, replacesLast);
        }
        List<String> kept = added.size() > MAX_LINES ? added.subList(added.size() - MAX_LINES, added.size()) : added;
        int over = output.size() + kept.size() - MAX_LINES;
        if (over > 0) {
            output.remove(0, over);
        }
        if (!kept.isEmpty()) {
            output.addAll(kept);
        }
    }

    /** Two progress lines of the same download: {@code Downloading: base.txz [###--] 30%}, the same up to the bar. */
    static boolean sameItem(String before, String now) {
        int bar = now.indexOf('[');
        return bar > 0 && before.length() > bar && before.regionMatches(0, now, 0, bar + 1);
    }

    /**
     * Whether this job goes on after the window has gone: one running on a host that does not stop with the window
     * ({@code stopsWithWindow}, by host name: this machine's iocage and the demo host do). One waiting its turn in the
     * window is never sent.
     */
    public boolean goesOnWithoutWindow(java.util.function.Predicate<String> stopsWithWindow) {
        return state.get() == State.RUNNING && !stopsWithWindow.test(host);
    }

    public boolean cancellable() {
        return cancel != null && state.get().live();
    }
}
