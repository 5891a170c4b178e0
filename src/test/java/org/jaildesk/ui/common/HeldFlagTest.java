package org.jaildesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** The flag follows its source only once the source has held: driven by a timer the test fires by hand. */
class HeldFlagTest {

    /** Actions waiting for their delay, in order; each can be fired or has been cancelled. */
    private static final class HandTimer implements HeldFlag.Timer {
        final List<Runnable> waiting = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public Runnable after(Duration delay, Runnable action) {
            delays.add(delay);
            waiting.add(action);
            return () -> waiting.remove(action);
        }

        void fireAll() {
            for (Runnable r : List.copyOf(waiting)) {
                waiting.remove(r);
                r.run();
            }
        }
    }

    private final SimpleBooleanProperty source = new SimpleBooleanProperty();
    private final HandTimer timer = new HandTimer();

    @Test
    void turnsTrueOnlyOnceTheSourceHasHeldForTheDelay() {
        ReadOnlyBooleanProperty held = HeldFlag.of(source, Duration.ofMillis(500), timer);
        assertFalse(held.get());
        assertTrue(timer.waiting.isEmpty(), "nothing to wait for while the source is false");
        source.set(true);
        assertFalse(held.get(), "not before the delay");
        assertEquals(List.of(Duration.ofMillis(500)), timer.delays);
        timer.fireAll();
        assertTrue(held.get());
        source.set(false);
        assertFalse(held.get(), "false as soon as the source is");
    }

    @Test
    void aShortSpellNeverShows() {
        ReadOnlyBooleanProperty held = HeldFlag.of(source, Duration.ofMillis(500), timer);
        List<Boolean> changes = new ArrayList<>();
        held.addListener((o, was, is) -> changes.add(is));
        source.set(true);
        source.set(false);
        assertTrue(timer.waiting.isEmpty(), "the wait is cancelled when the source falls");
        timer.fireAll();
        assertEquals(List.of(), changes);
        // A new spell waits its own full delay: the old one's wait does not carry over.
        source.set(true);
        source.set(false);
        source.set(true);
        assertEquals(1, timer.waiting.size());
        timer.fireAll();
        assertEquals(List.of(true), changes);
    }

    @Test
    void aSourceTrueFromTheStartIsWaitedForToo() {
        source.set(true);
        ReadOnlyBooleanProperty held = HeldFlag.of(source, Duration.ofSeconds(1), timer);
        assertFalse(held.get());
        timer.fireAll();
        assertTrue(held.get());
    }
}
