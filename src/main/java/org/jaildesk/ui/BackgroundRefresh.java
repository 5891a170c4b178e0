package org.jaildesk.ui;

import java.time.Duration;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import org.jaildesk.ui.jails.JailsViewModel;

/**
 * A quiet refresh of the shown host when the chosen interval has passed since its last listing, for hosts that send
 * no change events; on a host whose listing is slow it waits longer (see {@link JailsViewModel#backgroundRefreshDue}).
 * Checked every 5 s on the FX thread; the listing itself runs off it.
 */
final class BackgroundRefresh {

    private final Supplier<JailsViewModel> shown;
    private Timeline timer;

    /** @param shown the shown host's table, or null while none is shown */
    BackgroundRefresh(Supplier<JailsViewModel> shown) {
        this.shown = shown;
    }

    /** Refreshes every {@code seconds} (at least 5) from now on; 0 or less turns it off. */
    void every(int seconds) {
        stop();
        if (seconds <= 0) {
            return;
        }
        Duration interval = Duration.ofSeconds(Math.max(5, seconds));
        timer = new Timeline(new KeyFrame(javafx.util.Duration.seconds(5), e -> {
            JailsViewModel vm = shown.get();
            if (vm != null && vm.backgroundRefreshDue(interval)) {
                vm.refresh();
            }
        }));
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
    }

    void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    boolean running() {
        return timer != null && timer.getStatus() == Animation.Status.RUNNING;
    }
}
