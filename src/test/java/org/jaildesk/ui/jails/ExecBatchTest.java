package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.JobOutput;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** One command in several jails: a few at a time, in order, failures going on, a retry of those, a stop, bad input. */
class ExecBatchTest {

    private final Messages msg = new Messages(Locale.ENGLISH);
    /** Each jail's call as the batch made it, answered when the test says. */
    private final Map<String, CompletableFuture<JobOutput>> calls = new LinkedHashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final ExecBatch batch = new ExecBatch((jail, user, command) -> {
        asked.add(jail.id() + " " + user + " " + command);
        CompletableFuture<JobOutput> call = new CompletableFuture<>();
        calls.put(jail.id(), call);
        return call;
    }, Runnable::run, msg);

    private static Jail up(String name) {
        return new Jail(name, name, OptionalInt.of(name.length()), JailState.UP, false, "jail", "14.1-RELEASE-p2", "-", "-", "-");
    }

    private static List<Jail> jails(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> up("j" + i)).toList();
    }

    private void answer(String jail, String... lines) {
        calls.get(jail).complete(new JobOutput(jail, List.of(lines), false));
    }

    private List<ExecBatch.State> states() {
        return batch.rows().stream().map(ExecBatch.Row::state).toList();
    }

    @Test
    void atMostFourAtATimeInTheOrderGiven() {
        assertEquals(Optional.empty(), batch.run(jails(6), "root", "freebsd-version"));
        assertEquals(List.of("j1 root freebsd-version", "j2 root freebsd-version", "j3 root freebsd-version",
                "j4 root freebsd-version"), asked, "four asked, the others waiting");
        assertEquals("Running: 0 done, 0 failed, 6 to go", batch.statusProperty().get());
        assertTrue(batch.runningProperty().get());
        answer("j2", "14.1-RELEASE-p2");
        assertEquals(5, asked.size(), "one ended, the next started");
        assertEquals("j5 root freebsd-version", asked.get(4));
        answer("j1", "14.1-RELEASE-p2");
        answer("j3", "14.1-RELEASE-p2");
        answer("j4");
        answer("j5", "a", "b");
        answer("j6", "13.2-RELEASE-p4");
        assertFalse(batch.runningProperty().get());
        assertEquals(List.of(ExecBatch.State.DONE), states().stream().distinct().toList());
        assertEquals("Ended: 6 done, 0 failed", batch.statusProperty().get());
        ExecBatch.Row j5 = batch.rows().get(4);
        assertEquals("Done, 2 lines of output", j5.resultProperty().get());
        assertEquals("a", j5.firstLine());
        assertEquals("Done, no output", batch.rows().get(3).resultProperty().get());
        assertEquals("", batch.rows().get(3).firstLine());
        assertEquals("13.2-RELEASE-p4", batch.rows().get(5).firstLine());
    }

    @Test
    void aFailureLeavesTheOthersToGoOnAndARetryRunsItWhereItFailed() {
        batch.run(jails(3), "www", "pkg audit");
        calls.get("j1").completeExceptionally(new IocageClientException(IocageClientException.Kind.ACTION_FAILED,
                "Command: pkg audit failed!", List.of("pkg: vulnerable: curl-8.1")));
        answer("j2", "0 problem(s) in 0 packages found.");
        answer("j3", "0 problem(s) in 0 packages found.");
        assertEquals(List.of(ExecBatch.State.FAILED, ExecBatch.State.DONE, ExecBatch.State.DONE), states());
        ExecBatch.Row j1 = batch.rows().get(0);
        assertEquals("The command failed", j1.resultProperty().get());
        assertEquals(List.of("pkg: vulnerable: curl-8.1", "Command: pkg audit failed!"), j1.lines(),
                "what it printed, then the host's error");
        assertEquals("pkg: vulnerable: curl-8.1", j1.firstLine());
        assertEquals("Ended: 2 done, 1 failed", batch.statusProperty().get());
        assertEquals(1, batch.toRetry());

        asked.clear();
        assertTrue(batch.retry());
        assertEquals(List.of("j1 www pkg audit"), asked, "only where it failed, with the run's user and command");
        assertEquals(ExecBatch.State.RUNNING, j1.state());
        assertEquals(List.of(), j1.lines(), "the failed run's output goes with the new run");
        answer("j1", "0 problem(s) in 0 packages found.");
        assertEquals("Ended: 3 done, 0 failed", batch.statusProperty().get());
        assertFalse(batch.retry(), "nothing left to retry");
        assertEquals(1, asked.size());
    }

    @Test
    void stopKeepsTheWaitingFromStartingAndTheRetryRunsThem() {
        batch.run(jails(6), "root", "uptime");
        batch.stop();
        assertEquals(4, asked.size());
        assertEquals(List.of(ExecBatch.State.RUNNING, ExecBatch.State.RUNNING, ExecBatch.State.RUNNING,
                ExecBatch.State.RUNNING, ExecBatch.State.NOT_RUN, ExecBatch.State.NOT_RUN), states());
        assertEquals("Running: 0 done, 0 failed, 4 to go", batch.statusProperty().get());
        assertFalse(batch.retry(), "not while some still run");
        for (String j : List.of("j1", "j2", "j3", "j4")) {
            answer(j, "up 3 days");
        }
        assertEquals(4, asked.size(), "nothing started after the stop");
        assertEquals("Ended: 4 done, 0 failed, 2 not run", batch.statusProperty().get());
        assertEquals("Not run: stopped before its turn", batch.rows().get(5).resultProperty().get());
        assertTrue(batch.retry());
        assertEquals(List.of("j5 root uptime", "j6 root uptime"), asked.subList(4, 6));
    }

    @Test
    void aCommandOrUserTheHostWouldRefuseRunsNowhere() {
        String tenMegabytes = "x".repeat(10 * 1024 * 1024);
        assertEquals(Optional.of("command is too long (10485760 characters, at most 8192)"),
                batch.run(jails(3), "root", tenMegabytes));
        assertEquals(Optional.of("command contains a control character (code 10)"),
                batch.run(jails(3), "root", "ls\nrm -rf /"));
        assertEquals(Optional.of("command is empty"), batch.run(jails(3), "root", "  "));
        assertEquals(Optional.of("invalid user name '-f'"), batch.run(jails(3), "-f", "id"));
        assertEquals(Optional.of("invalid user name 'a;b'"), batch.run(jails(3), "a;b", "id"));
        assertEquals(Optional.of("invalid user name '$(x)'"), batch.run(jails(3), "$(x)", "id"));
        assertEquals(Optional.of("user is empty"), batch.run(jails(3), "", "id"));
        assertEquals(List.of(), asked, "no jail asked");
        assertEquals(List.of(), batch.rows());
        // A command the shell in the jail reads is the jail's business: it goes as one argument, quoting and all.
        assertEquals(Optional.empty(), batch.run(jails(1), "root", "echo $(hostname); ls -f"));
        assertEquals(List.of("j1 root echo $(hostname); ls -f"), asked);
        assertEquals(Optional.of("The command is still running in some of the jails: wait for it, or stop the rest."),
                batch.run(jails(2), "root", "id"), "one run at a time");
    }

    @Test
    void aJailKeepsTheLastLinesOfWhatItPrintedAndTheTranscriptNamesEachJail() {
        batch.run(List.of(up("db01"), up("plex")), "root", "jot 5000");
        String[] many = IntStream.rangeClosed(1, 5000).mapToObj(Integer::toString).toArray(String[]::new);
        answer("db01", many);
        calls.get("plex").completeExceptionally(new IocageClientException(IocageClientException.Kind.ACTION_FAILED,
                "jail plex is not running"));
        ExecBatch.Row db01 = batch.rows().get(0);
        assertEquals(2_000, db01.lines().size());
        assertEquals("3001", db01.lines().get(0));
        assertEquals(5_000, db01.printed());
        assertEquals("Done, 5,000 lines of output; the console keeps the last 2,000", db01.resultProperty().get());
        String transcript = batch.transcript();
        assertTrue(transcript.startsWith("$ jot 5000\n== db01: Done, 5,000 lines of output; the console keeps the last 2,000\n3001\n"),
                transcript.substring(0, 120));
        assertTrue(transcript.endsWith("4999\n5000\n== plex: The command failed\njail plex is not running\n"));
    }

    @Test
    void aJailsOutputIsBoundedInCharactersToo() {
        List<String> wide = IntStream.range(0, 100).mapToObj(i -> i + "y".repeat(9_999)).toList();
        List<String> kept = ExecBatch.kept(wide);
        assertTrue(kept.stream().mapToInt(s -> s.length() + 1).sum() <= ExecBatch.KEPT_CHARACTERS);
        assertEquals(19, kept.size());
        assertTrue(kept.get(18).startsWith("99y"), "the newest lines kept");
        assertEquals(1, ExecBatch.kept(List.of("z".repeat(1_000_000))).size(), "one line, cut, is always kept");
        assertEquals(10_001, ExecBatch.kept(List.of("z".repeat(1_000_000))).get(0).length(), "10,000 and the \u2026");
    }

    /**
     * A snapshot of each jail just before the command runs in it, one name for the run: a jail whose snapshot fails is
     * not run and says why; a retry takes a new snapshot under a new name.
     */
    @Test
    void aSnapshotFirstIsTakenBeforeEachJailsRunAndOneThatFailsIsNotRun() {
        List<String> snapshots = new ArrayList<>();
        ExecBatch.Snapshots take = (jail, name) -> {
            snapshots.add(jail.id() + "@" + name);
            return jail.id().equals("j2") ? CompletableFuture.failedFuture(new java.util.concurrent.CompletionException(
                    new IocageClientException(IocageClientException.Kind.ACTION_FAILED, "dataset is busy")))
                    : CompletableFuture.completedFuture("snapshot taken");
        };
        ExecBatch.Runner runner = (jail, user, command) -> {
            asked.add(jail.id() + " " + user + " " + command);
            CompletableFuture<JobOutput> call = new CompletableFuture<>();
            calls.put(jail.id(), call);
            return call;
        };
        ExecBatch b = new ExecBatch(Runnable::run, msg);
        List<ExecBatch.Target> targets = jails(3).stream().map(j -> new ExecBatch.Target(j.id(), j, runner, take)).toList();
        assertEquals(Optional.empty(), b.runIn(targets, "root", "pkg upgrade -y", true));
        String name = b.snapshotProperty().get();
        assertTrue(name.matches("before_command_\\d{4}-\\d\\d-\\d\\d_\\d\\d:\\d\\d:\\d\\d"), name);
        assertEquals(List.of("j1@" + name, "j2@" + name, "j3@" + name), snapshots);
        assertEquals(List.of("j1 root pkg upgrade -y", "j3 root pkg upgrade -y"), asked, "not run where there is no snapshot");
        ExecBatch.Row j2 = b.rows().get(1);
        assertEquals(ExecBatch.State.FAILED, j2.state());
        assertEquals("Not run: no snapshot", j2.resultProperty().get());
        assertEquals(List.of("The snapshot " + name + " could not be taken first, so the command was not run: dataset is busy"),
                j2.lines());
        calls.get("j1").complete(new JobOutput("j1", List.of("done"), false));
        calls.get("j3").complete(new JobOutput("j3", List.of("done"), false));
        assertTrue(b.transcript().startsWith("$ pkg upgrade -y\n# a snapshot " + name + " of each jail was taken first\n"),
                b.transcript());

        snapshots.clear();
        asked.clear();
        assertTrue(b.retry());
        String again = b.snapshotProperty().get();
        assertFalse(again.equals(name), "a new name: " + again);
        assertEquals(List.of("j2@" + again), snapshots, "only where it failed");
        assertEquals(List.of(), asked);

        // Without the choice, nothing is asked of the snapshots.
        snapshots.clear();
        ExecBatch plain = new ExecBatch(Runnable::run, msg);
        plain.runIn(targets, "root", "uptime");
        assertEquals(List.of(), snapshots);
        assertEquals(null, plain.snapshotProperty().get());
    }
}
