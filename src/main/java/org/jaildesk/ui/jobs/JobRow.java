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

    public boolean cancellable() {
        return cancel != null && state.get() == State.RUNNING;
    }
}
