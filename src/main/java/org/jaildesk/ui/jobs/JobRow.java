package org.jaildesk.ui.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One job in the jobs panel. Changed on the FX thread only. */
public final class JobRow {

    public enum State { RUNNING, DONE, FAILED, CANCELLED }

    final String host;
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

    JobRow(String host, String action, String target, Instant started, BooleanSupplier cancel) {
        this.host = host;
        this.action = action;
        this.target = target;
        this.started = started;
        this.cancel = cancel;
    }

    public String host() {
        return host;
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

    /** Lines kept per job: the newest; a chatty job must not grow without end. */
    static final int MAX_LINES = 5_000;
    private boolean lastIsProgress;

    /**
     * A line of the job's output. iocage redraws a download's progress bar in place ({@code \r}), which arrives as
     * one line per redraw, up to thousands per file: a redraw of the same file replaces the line before, as on a
     * terminal.
     */
    void addLine(String line, boolean isProgress) {
        int last = output.size() - 1;
        if (isProgress && lastIsProgress && last >= 0 && sameItem(output.get(last), line)) {
            output.set(last, line);
        } else {
            output.add(line);
            trim();
        }
        lastIsProgress = isProgress;
    }

    void addLines(java.util.List<String> lines) {
        output.addAll(lines);
        trim();
        lastIsProgress = false;
    }

    private void trim() {
        if (output.size() > MAX_LINES) {
            output.remove(0, output.size() - MAX_LINES);
        }
    }

    /** Two progress lines of the same download: {@code Downloading: base.txz [###--] 30%}, the same up to the bar. */
    static boolean sameItem(String before, String now) {
        int bar = now.indexOf('[');
        return bar > 0 && before.length() > bar && before.regionMatches(0, now, 0, bar + 1);
    }

    public boolean cancellable() {
        return cancel != null && state.get() == State.RUNNING;
    }
}
