package org.jaildesk.host;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Runs the real {@code iocage}: an argv list (never a shell), stdin closed or fed the given text, colour off, output
 * captured up to a cap and streamed line by line, and the whole process tree killed at the timeout. An optional
 * privilege prefix ({@code doas} or {@code sudo -n}) runs iocage as root without a shell.
 */
public final class ProcessRunner implements CommandRunner {

    private static final Logger LOG = Logger.getLogger(ProcessRunner.class.getName());

    /** Privilege prefixes a configuration may name; nothing else is accepted. */
    public enum Privilege {
        // Both non-interactive: with no rule that lets JailDesk in without a password they fail at once instead of
        // waiting for a password on a terminal nobody watches.
        NONE(List.of()), DOAS(List.of("doas", "-n")), SUDO(List.of("sudo", "-n"));

        private final List<String> prefix;

        Privilege(List<String> prefix) {
            this.prefix = prefix;
        }

        public List<String> prefix() {
            return prefix;
        }
    }

    /** Output kept per stream; the rest is read and dropped so the process never blocks on a full pipe. */
    public static final int DEFAULT_OUTPUT_CAP = 8 * 1024 * 1024;

    /** How long output may go on after iocage exits (a child it left behind may hold the pipe) before it is not waited for. */
    private static final Duration READER_GRACE = Duration.ofSeconds(5);

    private final Path iocage;
    private final Privilege privilege;
    private final int outputCap;
    private final Duration readerGrace;
    /** Where the host's own programs are, where not in their usual place (tests run stand-ins). */
    private final Map<Tool, Path> tools;
    private final ExecutorService readers;

    public ProcessRunner(Path iocage, Privilege privilege) {
        this(iocage, privilege, DEFAULT_OUTPUT_CAP);
    }

    public ProcessRunner(Path iocage, Privilege privilege, int outputCap) {
        this(iocage, privilege, outputCap, READER_GRACE);
    }

    ProcessRunner(Path iocage, Privilege privilege, int outputCap, Duration readerGrace) {
        this(iocage, privilege, outputCap, readerGrace, Map.of());
    }

    private ProcessRunner(Path iocage, Privilege privilege, int outputCap, Duration readerGrace, Map<Tool, Path> tools) {
        this.iocage = iocage;
        this.privilege = privilege;
        this.outputCap = outputCap;
        this.readerGrace = readerGrace;
        this.tools = Map.copyOf(tools);
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "iocage-output-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Path iocage() {
        return iocage;
    }

    @Override
    public String describe() {
        return String.join(" ", privilege.prefix()) + (privilege == Privilege.NONE ? "" : " ") + iocage;
    }

    /** The full argv that {@link #run} starts, for the protocol log ("show your work"). */
    public List<String> argv(List<String> args) {
        List<String> argv = new ArrayList<>(privilege.prefix());
        argv.add(iocage.toString());
        argv.addAll(args);
        return argv;
    }

    /** The same runner with {@code tool} run from {@code path} instead of its usual place. */
    public ProcessRunner withTool(Tool tool, Path path) {
        Map<Tool, Path> moved = new EnumMap<>(Tool.class);
        moved.putAll(tools);
        moved.put(tool, path);
        return new ProcessRunner(iocage, privilege, outputCap, readerGrace, moved);
    }

    /** The full argv that {@link #runTool} starts. */
    public List<String> toolArgv(Tool tool, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(tools.getOrDefault(tool, tool.path()).toString());
        argv.addAll(args);
        return argv;
    }

    @Override
    public CommandResult run(CommandSpec spec) throws CommandException {
        ProcessBuilder pb = new ProcessBuilder(argv(spec.args()));
        pb.environment().put("IOCAGE_COLOR", "FALSE");
        return run(pb, spec);
    }

    /** Runs a program of the host's own as iocage is run, in the C locale (numbers with a '.', English words). */
    @Override
    public CommandResult runTool(Tool tool, CommandSpec spec) throws CommandException {
        ProcessBuilder pb = new ProcessBuilder(toolArgv(tool, spec.args()));
        toolEnvironment(pb.environment());
        return run(pb, spec);
    }

    /**
     * What a program of the host's own gets of the server's environment: the C locale (numbers with a '.', English
     * words), and not {@code IFCONFIG_FORMAT}, from which ifconfig would take another format (CIDR or dotted masks)
     * than the default one that is read.
     */
    static void toolEnvironment(java.util.Map<String, String> env) {
        env.put("LC_ALL", "C");
        env.remove("IFCONFIG_FORMAT");
    }

    private CommandResult run(ProcessBuilder pb, CommandSpec spec) throws CommandException {
        List<String> argv = pb.command();
        if (spec.stdin().isEmpty()) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        long start = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new CommandException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
        if (!spec.stdin().isEmpty()) {
            try (OutputStream in = process.getOutputStream()) {
                in.write(spec.stdin().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.fine(() -> "iocage closed its stdin early: " + e.getMessage());
            }
        }
        long deadline = start + spec.timeout().toNanos();
        SinkFeed feed = spec.output() == OutputSink.NONE ? null : new SinkFeed();
        Capture out = new Capture(outputCap, spec.followed() ? spec.lines() : null, feed);
        Capture err = new Capture(outputCap, spec.followed() ? spec.lines() : null, null);
        Future<?> outDone = readers.submit(() -> out.drain(process.getInputStream()));
        Future<?> errDone = readers.submit(() -> err.drain(process.getErrorStream()));
        boolean finished;
        SinkFeed.Fed fed = SinkFeed.Fed.ALL;
        try {
            if (feed != null) {
                // Parsing on this thread while the reader only reads: see SinkFeed.
                fed = feed.feed(spec.output(), process, deadline, readerGrace);
            }
            finished = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new CommandException("cancelled: iocage was stopped", e);
        }
        if (!finished) {
            killTree(process);
        }
        long readersUntil = System.nanoTime() + readerGrace.toNanos();
        // Output held open past the grace after the exit (by a child left behind) was given up on above already.
        awaitQuietly(outDone, fed == SinkFeed.Fed.GAVE_UP && finished ? System.nanoTime() : readersUntil);
        awaitQuietly(errDone, readersUntil);
        int code = finished ? process.exitValue() : -1;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // Standard output is decoded only if someone asks (a listing read as it arrived never is), as it is now: a
        // reader given up on above may still be adding to it.
        KeptBytes stdout = out.kept;
        int stdoutSize = stdout.size();
        return new CommandResult(code, () -> stdout.text(stdoutSize), err.kept.text(err.kept.size()), !finished,
                out.truncated || err.truncated, elapsed);
    }

    private static void killTree(Process process) {
        // Descendants first: a killed parent would leave its children re-parented and running.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a reader until {@code until} ({@link System#nanoTime()}); one still reading then is stopped. */
    private static void awaitQuietly(Future<?> f, long until) {
        try {
            f.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            f.cancel(true);
        }
    }

    /**
     * Reads one stream: keeps up to the cap, hands what it keeps to the feed (if any) and complete lines (split at \n
     * and \r) to the listener.
     */
    private static final class Capture {
        private final int cap;
        private final Consumer<String> lines;
        private final SinkFeed feed;
        private final KeptBytes kept = new KeptBytes();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private volatile boolean truncated;

        Capture(int cap, Consumer<String> lines, SinkFeed feed) {
            this.cap = cap;
            this.lines = lines;
            this.feed = feed;
        }

        void drain(InputStream in) {
            byte[] dropped = null;
            try (in) {
                while (true) {
                    // Straight into the kept blocks up to the cap; past it into a buffer that is dropped.
                    boolean keep = kept.size() < cap;
                    int room = keep ? Math.min(kept.room(), cap - kept.size()) : 0;
                    if (!keep && dropped == null) {
                        dropped = new byte[KeptBytes.BLOCK];
                    }
                    byte[] into = keep ? kept.block() : dropped;
                    int at = keep ? kept.end() : 0;
                    int n = in.read(into, at, keep ? room : dropped.length);
                    if (n < 0) {
                        break;
                    }
                    if (keep) {
                        kept.commit(n);
                        if (feed != null && n > 0) {
                            feed.hand(into, at, n);
                        }
                    } else if (n > 0) {
                        truncated = true;
                    }
                    if (lines != null) {
                        split(into, at, n);
                    }
                }
            } catch (IOException e) {
                LOG.fine(() -> "iocage output closed: " + e.getMessage());
            }
            if (lines != null) {
                flushLine();
            }
            if (feed != null) {
                feed.end();
            }
        }

        /** Hands complete lines to the listener, cut at \n and \r (progress redraws), in bulk per segment. */
        private void split(byte[] buf, int from, int n) {
            int start = from;
            for (int i = from; i < from + n; i++) {
                byte b = buf[i];
                if (b == '\n' || b == '\r') {
                    append(buf, start, i - start);
                    flushLine();
                    start = i + 1;
                }
            }
            append(buf, start, from + n - start);
        }

        private void append(byte[] buf, int from, int len) {
            int room = 64 * 1024 - line.size();
            if (len > 0 && room > 0) {
                line.write(buf, from, Math.min(room, len));
            }
        }

        private void flushLine() {
            if (line.size() > 0) {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                try {
                    lines.accept(text);
                } catch (RuntimeException e) {
                    LOG.warning("a progress listener failed: " + e);
                }
            }
        }
    }
}
