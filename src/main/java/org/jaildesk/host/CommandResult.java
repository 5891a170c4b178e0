package org.jaildesk.host;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a finished (or killed) command left: exit code, captured output (capped), and whether it was killed at its
 * timeout or its output cut at the cap.
 *
 * <p>Standard output may be decoded only when asked for: a listing of thousands of jails is read as it arrives (an
 * {@link OutputSink}), and when that reading succeeds nobody needs the same 300 KB as one string.
 */
public final class CommandResult {

    private final int exitCode;
    private final String stderr;
    private final boolean timedOut;
    private final boolean truncated;
    private final Duration elapsed;
    private Supplier<String> undecoded;
    private String stdout;

    public CommandResult(int exitCode, String stdout, String stderr, boolean timedOut, boolean truncated,
                         Duration elapsed) {
        this(exitCode, (Supplier<String>) null, stderr, timedOut, truncated, elapsed);
        this.stdout = Objects.requireNonNull(stdout, "stdout");
    }

    /** A result whose standard output {@code stdout} gives when first asked for, once. */
    CommandResult(int exitCode, Supplier<String> stdout, String stderr, boolean timedOut, boolean truncated,
                  Duration elapsed) {
        this.exitCode = exitCode;
        this.undecoded = stdout;
        this.stderr = Objects.requireNonNull(stderr, "stderr");
        this.timedOut = timedOut;
        this.truncated = truncated;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    public static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "", false, false, Duration.ZERO);
    }

    public static CommandResult of(int exitCode, String stdout, String stderr) {
        return new CommandResult(exitCode, stdout, stderr, false, false, Duration.ZERO);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Standard output as text (UTF-8), up to the runner's cap. */
    public synchronized String stdout() {
        if (stdout == null) {
            stdout = Objects.requireNonNull(undecoded.get(), "stdout");
            undecoded = null;
        }
        return stdout;
    }

    public String stderr() {
        return stderr;
    }

    /** Killed at its timeout. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Output was cut at the runner's cap. */
    public boolean truncated() {
        return truncated;
    }

    public Duration elapsed() {
        return elapsed;
    }

    private static final String TRACEBACK = "Traceback (most recent call last):";

    /** Python iocage crashed: a traceback starts a line of its output (it may still have exited 1 only). */
    public boolean crashed() {
        return hasTraceback(stderr) || hasTraceback(stdout());
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

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandResult r && exitCode == r.exitCode && timedOut == r.timedOut
                && truncated == r.truncated && elapsed.equals(r.elapsed) && stderr.equals(r.stderr)
                && stdout().equals(r.stdout());
    }

    @Override
    public int hashCode() {
        return Objects.hash(exitCode, stdout(), stderr, timedOut, truncated, elapsed);
    }

    /** Sizes, not contents: an output may be megabytes. */
    @Override
    public String toString() {
        return "CommandResult[exitCode=" + exitCode + ", stdout=" + stdout().length() + " chars, stderr="
                + stderr.length() + " chars, timedOut=" + timedOut + ", truncated=" + truncated + ", elapsed=" + elapsed + "]";
    }
}
