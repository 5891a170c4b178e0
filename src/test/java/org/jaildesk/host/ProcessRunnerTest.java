package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

    @TempDir
    Path dir;

    /** A script body that prints {@code n} lines, "line 0" to "line n-1". */
    private static String lines(int n) {
        return "i=0; while [ $i -lt " + n + " ]; do echo \"line $i\"; i=$((i+1)); done";
    }

    private Path script(String body) throws Exception {
        Path p = dir.resolve("iocage");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void aHangingIocageIsKilledWithItsChildrenAtTheTimeout() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path exe = script("sleep 600 &\necho $! > " + pidFile + "\nwait");
        CommandResult r = new ProcessRunner(exe, ProcessRunner.Privilege.NONE)
                .run(CommandSpec.of(Duration.ofMillis(1500), "list"));
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        assertTrue(r.elapsed().toSeconds() < 10);
        long child = Long.parseLong(Files.readString(pidFile).trim());
        java.util.Optional<ProcessHandle> handle = ProcessHandle.of(child);
        if (handle.isPresent()) {
            // Bounded wait for the kill to land; a surviving child would time out here.
            handle.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertTrue(ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true), "the child process was killed too");
    }

    @Test
    void theHostSaysWhenIocageWasKilledAtTheTimeout() throws Exception {
        FakeIocage fake = new FakeIocage(dir, FakeIocage.Kind.PYTHON);
        fake.mode("hang");
        HostOptions quick = HostOptions.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (HostHarness h = new HostHarness(new ProcessRunner(fake.executable(), ProcessRunner.Privilege.NONE), quick)) {
            String error = h.body("listjails").get("error").asText();
            assertTrue(error.startsWith("iocage did not finish in time"), error);
            assertTrue(error.endsWith("and was stopped"), error);
        }
    }

    /** A read cut at the cap would be a shorter, wrong answer (jails missing without a word): it is refused. */
    @Test
    void aReadCutAtTheCapIsAFailureNotAShorterAnswer() throws Exception {
        FakeIocage fake = new FakeIocage(dir, FakeIocage.Kind.PYTHON);
        try (HostHarness h = new HostHarness(new ProcessRunner(fake.executable(), ProcessRunner.Privilege.NONE, 64))) {
            for (String action : List.of("listjails", "df")) {
                String error = h.body(action).get("error").asText();
                assertTrue(error.startsWith("iocage printed more output than JailDesk reads"), action + ": " + error);
            }
        }
        try (HostHarness h = HostHarness.over(fake)) {
            assertEquals(5, h.body("listjails").size(), "the same listing under the normal cap");
        }
    }

    @Test
    void argumentsArriveUnchangedWithoutAShellAndStdinIsClosed() throws Exception {
        Path exe = script("for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done; cat; echo \"color=$IOCAGE_COLOR\"");
        CommandResult r = new ProcessRunner(exe, ProcessRunner.Privilege.NONE)
                .run(CommandSpec.of(Duration.ofSeconds(10), "exec", "$(id)", "a b", "*"));
        assertEquals("[exec]\n[$(id)]\n[a b]\n[*]\ncolor=FALSE\n", r.stdout());
    }

    @Test
    void outputIsCappedAndLinesStreamToTheListener() throws Exception {
        Path exe = script(lines(2000) + "; printf 'a\\rb\\r'");
        List<String> seen = new CopyOnWriteArrayList<>();
        CommandResult r = new ProcessRunner(exe, ProcessRunner.Privilege.NONE, 1000)
                .run(new CommandSpec(List.of("x"), Duration.ofSeconds(10), "", seen::add));
        assertTrue(r.truncated());
        assertEquals(1000, r.stdout().length());
        assertEquals(2002, seen.size(), "every line reaches the listener, carriage returns included");
        assertEquals("b", seen.get(seen.size() - 1));
    }

    /** {@code iocage list} with its standard output read as it arrives by {@code sink}. */
    private static CommandSpec listing(Duration timeout, OutputSink sink) {
        return new CommandSpec(List.of("list"), timeout, "", null, sink);
    }

    /** Records what a runner hands over, and from how many pieces. */
    private static final class Recording implements OutputSink {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        final java.util.Set<Thread> threads = new java.util.HashSet<>();
        int pieces;
        int ends;
        RuntimeException failAt;

        @Override
        public void accept(byte[] b, int off, int len) {
            threads.add(Thread.currentThread());
            if (failAt != null && pieces == 1) {
                throw failAt;
            }
            bytes.write(b, off, len);
            pieces++;
        }

        @Override
        public void end() {
            threads.add(Thread.currentThread());
            ends++;
        }
    }

    /**
     * The sink works on the thread that runs the command, so that the reader only reads and iocage never waits on a
     * full pipe while a piece is parsed.
     */
    @Test
    void theSinkWorksOnTheCallingThreadWhileAnotherReads() throws Exception {
        Path exe = script(lines(20000));
        Recording sink = new Recording();
        new ProcessRunner(exe, ProcessRunner.Privilege.NONE).run(listing(Duration.ofSeconds(30), sink));
        assertEquals(java.util.Set.of(Thread.currentThread()), sink.threads);
        assertTrue(sink.pieces > 1 && sink.ends == 1, sink.pieces + " pieces, " + sink.ends + " ends");
    }

    /** A listing that stops half-way is killed at the timeout; its sink has what came and no end. */
    @Test
    void aListingThatHangsHalfWayIsKilledAtTheTimeoutAndItsSinkGetsNoEnd() throws Exception {
        Path exe = script(lines(3000) + "; sleep 600");
        Recording sink = new Recording();
        CommandResult r = new ProcessRunner(exe, ProcessRunner.Privilege.NONE)
                .run(listing(Duration.ofMillis(1500), sink));
        assertTrue(r.timedOut());
        assertEquals(0, sink.ends);
        assertTrue(sink.bytes.toString(java.nio.charset.StandardCharsets.UTF_8).endsWith("line 2999\n"));
        assertTrue(r.elapsed().toSeconds() < 10, r.elapsed().toString());
    }

    /**
     * iocage exits but leaves a child holding its output open: the runner does not wait for that output past a grace
     * period (here 300 ms), and answers with what came, the sink without its end.
     */
    @Test
    void outputHeldOpenByAChildLeftBehindIsNotWaitedFor() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        // The pause lets the reader wait in its read: the JDK closes a pipe at the exit only when no read holds it.
        Path exe = script("echo first\nsleep 600 &\necho $! > " + pidFile + "\nsleep 0.5\nexit 0");
        Recording sink = new Recording();
        try {
            long t = System.nanoTime();
            CommandResult r = new ProcessRunner(exe, ProcessRunner.Privilege.NONE, 1000, Duration.ofMillis(300))
                    .run(listing(Duration.ofSeconds(60), sink));
            long took = (System.nanoTime() - t) / 1_000_000;
            assertEquals(0, r.exitCode());
            assertEquals("first\n", r.stdout());
            assertEquals(0, sink.ends, "the output did not end");
            assertTrue(took < 5_000, "answered after the grace, not the timeout: " + took + " ms");
        } finally {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theSinkGetsExactlyTheKeptOutputInOrderThenOneEnd() throws Exception {
        // 200,000 bytes: more than one pipe's worth, so it arrives in pieces; then a cap cuts it.
        Path exe = script(lines(20000) + "; echo oops >&2");
        Recording all = new Recording();
        CommandResult r = new ProcessRunner(exe, ProcessRunner.Privilege.NONE)
                .run(listing(Duration.ofSeconds(30), all));
        assertEquals(r.stdout(), all.bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, all.ends);
        assertTrue(all.pieces > 1, "streamed in pieces, not at the end: " + all.pieces);
        assertEquals("oops\n", r.stderr(), "stderr never reaches the sink");

        Recording capped = new Recording();
        CommandResult c = new ProcessRunner(exe, ProcessRunner.Privilege.NONE, 100_000)
                .run(listing(Duration.ofSeconds(30), capped));
        assertTrue(c.truncated());
        assertEquals(100_000, capped.bytes.size(), "the sink gets what is kept, no more");
        assertEquals(c.stdout(), capped.bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, capped.ends);
    }

    @Test
    void aFailingSinkGetsNothingMoreAndNoEndWhileTheOutputIsStillKept() throws Exception {
        Path exe = script(lines(20000));
        Recording broken = new Recording();
        broken.failAt = new IllegalStateException("reader bug");
        CommandResult r = new ProcessRunner(exe, ProcessRunner.Privilege.NONE)
                .run(listing(Duration.ofSeconds(30), broken));
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().endsWith("line 19999\n"), "the whole output is still there");
        assertEquals(1, broken.pieces);
        assertEquals(0, broken.ends, "no end: the caller must read the kept text itself");
    }

    @Test
    void stdinTextIsWrittenWhenGiven() throws Exception {
        Path exe = script("read a; echo \"got $a\"");
        CommandResult r = new ProcessRunner(exe, ProcessRunner.Privilege.NONE)
                .run(new CommandSpec(List.of("clean", "-j"), Duration.ofSeconds(10), "y\n", null));
        assertEquals("got y\n", r.stdout());
    }

    @Test
    void aMissingIocageIsACommandException() {
        CommandException e = assertThrows(CommandException.class, () -> new ProcessRunner(dir.resolve("nope"),
                ProcessRunner.Privilege.NONE).run(CommandSpec.of(Duration.ofSeconds(1), "list")));
        assertTrue(e.getMessage().contains("nope"));
    }

    @Test
    void thePrivilegePrefixComesFirst() {
        assertEquals(List.of("sudo", "-n", "/usr/local/bin/iocage", "list"),
                new ProcessRunner(Path.of("/usr/local/bin/iocage"), ProcessRunner.Privilege.SUDO).argv(List.of("list")));
        assertEquals(List.of("doas", "-n", "/usr/local/bin/iocage", "list"),
                new ProcessRunner(Path.of("/usr/local/bin/iocage"), ProcessRunner.Privilege.DOAS).argv(List.of("list")));
    }
}
