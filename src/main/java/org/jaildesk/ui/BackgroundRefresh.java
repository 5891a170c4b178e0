package org.jaildesk.ui;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import org.jaildesk.ui.jails.JailsViewModel;

/**
 * A quiet refresh of the shown hosts (the one shown, or every host <i>All hosts</i> takes in while it is shown) when
 * the chosen interval has passed since a host's last listing, for hosts that send no change events; on a host whose
 * listing is slow it waits longer (see {@link JailsViewModel#backgroundRefreshDue}). Checked every 5 s on the FX
 * thread; the listings themselves run off it.
 */
final class BackgroundRefresh {

    private final Supplier<List<JailsViewModel>> shown;
    private Timeline timer;

    /** @param shown the tables of the hosts shown now; none while no host is shown */
    BackgroundRefresh(Supplier<List<JailsViewModel>> shown) {
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
            for (JailsViewModel vm : shown.get()) {
                if (vm.backgroundRefreshDue(interval)) {
                    vm.refresh();
                }
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
