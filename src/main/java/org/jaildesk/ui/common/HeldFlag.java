package org.jaildesk.ui.common;

import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A flag that turns true only once its source has stayed true for a while, and false as soon as the source does:
 * what a window shows about a state that, when it is short, would only flicker (the table's rows dimmed and undimmed
 * around a quick refresh, after every change on a busy host). Lives on the FX thread, like its source.
 */
public final class HeldFlag {

    /** Runs an action on the FX thread after a delay; the returned handle cancels it if it has not run. */
    public interface Timer {
        Runnable after(Duration delay, Runnable action);
    }

    /** The FX animation timer: nothing waits on a thread. */
    public static final Timer FX = (delay, action) -> {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    };

    private final ReadOnlyBooleanWrapper held = new ReadOnlyBooleanWrapper();
    private final Duration delay;
    private final Timer timer;
    private Runnable pending;

    private HeldFlag(ObservableBooleanValue source, Duration delay, Timer timer) {
        this.delay = delay;
        this.timer = timer;
        source.addListener((o, was, is) -> follow(is));
        follow(source.get());
    }

    /** True once {@code source} has been true for {@code delay} without a break. */
    public static ReadOnlyBooleanProperty of(ObservableBooleanValue source, Duration delay, Timer timer) {
        return new HeldFlag(source, delay, timer).held.getReadOnlyProperty();
    }

    private void follow(boolean on) {
        if (pending != null) {
            pending.run();
            pending = null;
        }
        if (!on) {
            held.set(false);
            return;
        }
        if (!held.get()) {
            pending = timer.after(delay, () -> {
                pending = null;
                held.set(true);
            });
        }
    }
}
