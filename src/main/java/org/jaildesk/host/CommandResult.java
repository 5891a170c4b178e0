package org.jaildesk.host;

import java.time.Duration;

/**
 * What a finished (or killed) command left: exit code, captured output (capped), and whether it was killed at its
 * timeout or its output cut at the cap.
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean timedOut, boolean truncated,
                            Duration elapsed) {

    public static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "", false, false, Duration.ZERO);
    }

    public static CommandResult of(int exitCode, String stdout, String stderr) {
        return new CommandResult(exitCode, stdout, stderr, false, false, Duration.ZERO);
    }

    /** Python iocage crashed with a traceback (it may still have exited 1 only). */
    public boolean crashed() {
        return stderr.contains("Traceback (most recent call last):") || stdout.contains("Traceback (most recent call last):");
    }
}
