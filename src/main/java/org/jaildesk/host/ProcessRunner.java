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
import java.util.List;
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

    private final Path iocage;
    private final Privilege privilege;
    private final int outputCap;
    private final ExecutorService readers;

    public ProcessRunner(Path iocage, Privilege privilege) {
        this(iocage, privilege, DEFAULT_OUTPUT_CAP);
    }

    public ProcessRunner(Path iocage, Privilege privilege, int outputCap) {
        this.iocage = iocage;
        this.privilege = privilege;
        this.outputCap = outputCap;
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

    @Override
    public CommandResult run(CommandSpec spec) throws CommandException {
        List<String> argv = argv(spec.args());
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("IOCAGE_COLOR", "FALSE");
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
        Capture out = new Capture(outputCap, spec.followed() ? spec.lines() : null, spec.output());
        Capture err = new Capture(outputCap, spec.followed() ? spec.lines() : null, OutputSink.NONE);
        Future<?> outDone = readers.submit(() -> out.drain(process.getInputStream()));
        Future<?> errDone = readers.submit(() -> err.drain(process.getErrorStream()));
        boolean finished;
        try {
            finished = process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new CommandException("cancelled: iocage was stopped", e);
        }
        if (!finished) {
            killTree(process);
        }
        awaitQuietly(outDone);
        awaitQuietly(errDone);
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

    private static void awaitQuietly(Future<?> f) {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            f.cancel(true);
        }
    }

    /**
     * Reads one stream: keeps up to the cap and hands what it keeps to the sink, hands complete lines (split at \n
     * and \r) to the listener.
     */
    private static final class Capture {
        private final int cap;
        private final Consumer<String> lines;
        private OutputSink sink;
        private final KeptBytes kept = new KeptBytes();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private volatile boolean truncated;

        Capture(int cap, Consumer<String> lines, OutputSink sink) {
            this.cap = cap;
            this.lines = lines;
            this.sink = sink;
        }

        void drain(InputStream in) {
            byte[] buf = new byte[65536];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    int keep = Math.max(0, Math.min(cap - kept.size(), n));
                    kept.add(buf, 0, keep);
                    if (n > keep) {
                        truncated = true;
                    }
                    if (keep > 0) {
                        hand(buf, keep);
                    }
                    if (lines != null) {
                        split(buf, n);
                    }
                }
            } catch (IOException e) {
                LOG.fine(() -> "iocage output closed: " + e.getMessage());
            }
            if (lines != null) {
                flushLine();
            }
            if (sink != OutputSink.NONE) {
                try {
                    sink.end();
                } catch (RuntimeException e) {
                    LOG.warning("an output reader failed at the end: " + e);
                }
            }
        }

        /** To the sink; a sink that fails gets nothing more (and no end), so its caller reads the kept text instead. */
        private void hand(byte[] buf, int n) {
            if (sink == OutputSink.NONE) {
                return;
            }
            try {
                sink.accept(buf, 0, n);
            } catch (RuntimeException e) {
                LOG.warning("an output reader failed: " + e);
                sink = OutputSink.NONE;
            }
        }

        /** Hands complete lines to the listener, cut at \n and \r (progress redraws), in bulk per segment. */
        private void split(byte[] buf, int n) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n' || b == '\r') {
                    append(buf, start, i - start);
                    flushLine();
                    start = i + 1;
                }
            }
            append(buf, start, n - start);
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
