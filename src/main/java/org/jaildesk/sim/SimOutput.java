package org.jaildesk.sim;

import java.time.Duration;
import java.util.function.Consumer;

/** What one simulated command prints: stdout, stderr, exit code; progress lines go to the listener as they happen. */
final class SimOutput {

    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();
    int exit;
    private final Consumer<String> listener;
    private final Duration stepDelay;

    SimOutput(Consumer<String> listener, Duration stepDelay) {
        this.listener = listener;
        this.stepDelay = stepDelay;
    }

    SimOutput out(String line) {
        out.append(line).append('\n');
        listener.accept(line);
        return this;
    }

    SimOutput err(String line) {
        err.append(line).append('\n');
        listener.accept(line);
        return this;
    }

    /** A redrawn progress line, as Python iocage prints downloads: ESC[2K, text, carriage return; paced. */
    SimOutput progress(String text) {
        out.append("\u001b[2K \r").append(text).append('\r');
        listener.accept(text);
        pause();
        return this;
    }

    /** A step of a long job that takes time (extracting, updating). */
    SimOutput slowLine(String line) {
        out(line);
        pause();
        return this;
    }

    /** Fails the command: message on stderr, exit 1 (Python EXCEPTION level). */
    SimOutput fail(String message) {
        err(message);
        exit = 1;
        return this;
    }

    /** Thrown out of a long simulated job when its thread is interrupted. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private void pause() {
        if (!stepDelay.isZero()) {
            try {
                Thread.sleep(stepDelay.toMillis());
            } catch (InterruptedException e) {
                // Cancelled: stop here, as a killed iocage would.
                throw new Cancelled();
            }
        }
    }
}
