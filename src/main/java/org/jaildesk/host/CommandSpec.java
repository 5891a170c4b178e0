package org.jaildesk.host;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One iocage invocation: the arguments after {@code iocage}, the longest it may run, what to write on its standard
 * input (usually nothing: stdin is closed so a forgotten prompt aborts instead of hanging), a listener that gets
 * every output line as it arrives, and a sink that may read standard output's bytes as they arrive.
 */
public record CommandSpec(List<String> args, Duration timeout, String stdin, Consumer<String> lines, OutputSink output) {

    public CommandSpec {
        args = List.copyOf(args);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a command needs a positive timeout");
        }
        stdin = stdin == null ? "" : stdin;
        lines = lines == null ? NO_LINES : lines;
        output = output == null ? OutputSink.NONE : output;
    }

    public CommandSpec(List<String> args, Duration timeout, String stdin, Consumer<String> lines) {
        this(args, timeout, stdin, lines, null);
    }

    /** The listener of a command nobody follows line by line; the runner then skips splitting lines at all. */
    public static final Consumer<String> NO_LINES = l -> { };

    public boolean followed() {
        return lines != NO_LINES;
    }

    public static CommandSpec of(Duration timeout, String... args) {
        return new CommandSpec(List.of(args), timeout, "", null);
    }
}
