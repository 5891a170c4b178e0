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

    private static final String TRACEBACK = "Traceback (most recent call last):";

    /** Python iocage crashed: a traceback starts a line of its output (it may still have exited 1 only). */
    public boolean crashed() {
        return hasTraceback(stderr) || hasTraceback(stdout);
    }

    /** Whether a line of {@code text} starts with Python's {@code Traceback (most recent call last):}. */
    public static boolean hasTraceback(String text) {
        for (int at = text.indexOf(TRACEBACK); at >= 0; at = text.indexOf(TRACEBACK, at + 1)) {
            if (at == 0 || text.charAt(at - 1) == '\n') {
                return true;
            }
        }
        return false;
    }
}
