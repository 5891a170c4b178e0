package org.jaildesk.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jaildesk.client.JobSink;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** A running job's duration counts up without any output; a finished one keeps its own. */
class JobsViewModelTest {

    @Test
    void theClockMovesRunningJobsOnlyAndSaysWhetherAnyRuns() {
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), (Path) null, m -> { });
        JobSink sink = vm.sinkFor("nas");
        JobSink.Job quiet = sink.started("fetchrelease", "14.1-RELEASE", () -> false);
        JobSink.Job done = sink.started("startjail", "web", () -> false);
        done.finished(true, "started", List.of());
        JobRow quietRow = vm.jobs().stream().filter(r -> r.action().equals("fetchrelease")).findFirst().orElseThrow();
        JobRow doneRow = vm.jobs().stream().filter(r -> r.action().equals("startjail")).findFirst().orElseThrow();
        Duration finishedTook = doneRow.duration().get();

        assertTrue(vm.tick(quietRow.started().plusSeconds(125)));
        assertEquals(Duration.ofSeconds(125), quietRow.duration().get());
        assertEquals(finishedTook, doneRow.duration().get(), "a finished job keeps its time");

        quiet.finished(true, "fetched", List.of());
        assertFalse(vm.tick(Instant.now().plusSeconds(600)), "nothing runs: the clock may stop");
        assertTrue(quietRow.duration().get().compareTo(Duration.ofSeconds(10)) < 0, "finished at its real time");
    }

    /**
     * Jobs this window runs one after another wait in the panel: a waiting one can be cancelled before its turn, the
     * job itself takes its place when it starts, and those left when the run ends say they did not start.
     */
    @Test
    void aJobWaitingItsTurnShowsAndIsReplacedWhenItStarts(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("jobs.json");
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        JobSink sink = vm.sinkFor("nas");
        org.jaildesk.client.Queued mail = sink.queued("updatejail", "mail");
        org.jaildesk.client.Queued web = sink.queued("updatejail", "web02");
        org.jaildesk.client.Queued git = sink.queued("updatejail", "git");
        assertEquals(List.of("git", "web02", "mail"), vm.jobs().stream().map(JobRow::target).toList());
        JobRow webRow = vm.jobs().get(1);
        assertEquals(JobRow.State.WAITING, webRow.state().get());
        assertEquals("Waiting its turn: it starts once the one before it has ended", webRow.result().get());
        assertEquals(0.0, webRow.progress().get(), "an empty bar, not a moving one");
        assertTrue(webRow.cancellable());

        JobSink.Job running = sink.started("updatejail", "mail", () -> true);
        assertEquals(List.of("mail", "git", "web02"), vm.jobs().stream().map(JobRow::target).toList(),
                "the job took its waiting row's place, on top");
        assertEquals(JobRow.State.RUNNING, vm.jobs().get(0).state().get());

        assertTrue(vm.cancel(webRow));
        assertTrue(web.cancelled());
        assertEquals(JobRow.State.CANCELLED, webRow.state().get());
        assertEquals("Cancelled before its turn: it did not run", webRow.result().get());
        assertFalse(mail.cancelled() || git.cancelled());

        vm.clearFinished();
        assertEquals(List.of("mail", "git"), vm.jobs().stream().map(JobRow::target).toList(), "running and waiting stay");
        running.finished(false, "cancelled: iocage was stopped", List.of());
        git.dropped();
        JobRow gitRow = vm.jobs().get(1);
        assertEquals(JobRow.State.CANCELLED, gitRow.state().get());
        assertEquals("Not started: a job before it was cancelled, which ends the run", gitRow.result().get());
        vm.flush().get();
        JobsViewModel read = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        assertEquals(List.of("mail", "git"), read.jobs().stream().map(JobRow::target).toList());
        assertTrue(read.jobs().stream().noneMatch(r -> r.state().get().live()));
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals(String.format("%.1f s", 4.2), JobsView.elapsed(Duration.ofMillis(4_200)));
        assertEquals("3 min 07 s", JobsView.elapsed(Duration.ofSeconds(187)));
        assertEquals("2 h 05 min", JobsView.elapsed(Duration.ofMinutes(125).plusSeconds(30)));
    }

    /** A download's bar redrawn in place is one line per file, as on a terminal; other lines are all kept. */
    @Test
    void progressRedrawsOfOneFileShareALine() {
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), (Path) null, m -> { });
        JobSink.Job job = vm.sinkFor("nas").started("fetchrelease", "14.1-RELEASE", null);
        job.line("Fetching: 14.1-RELEASE", -1);
        job.line("Downloading: base.txz [##------------------] 10%  11.3MB/s", 10);
        job.line("Downloading: base.txz [####----------------] 20%  11.3MB/s", 20);
        job.line("Downloading: base.txz [####################] 100%  11.3MB/s", 100);
        job.line("Downloading: lib32.txz [##------------------] 10%  11.3MB/s", 10);
        job.line("Extracting: base.txz...", -1);
        job.line("Downloading: base.txz [##------------------] 10%  11.3MB/s", 10);
        job.finished(true, "release 14.1-RELEASE fetched.", List.of("done"));
        assertEquals(List.of("Fetching: 14.1-RELEASE", "Downloading: base.txz [####################] 100%  11.3MB/s",
                "Downloading: lib32.txz [##------------------] 10%  11.3MB/s", "Extracting: base.txz...",
                "Downloading: base.txz [##------------------] 10%  11.3MB/s", "done"), vm.jobs().get(0).output());
    }

    /**
     * Lines that come while the FX thread is busy are taken together, as one change of the job's output: the text area
     * showing it lays its whole text out again for each change (line by line, 6,000 lines held the FX thread 19 s).
     * Progress redraws and the kept lines come out as when each line is taken alone.
     */
    @Test
    void linesThatComeWhileTheFxThreadIsBusyAreTakenAsOneChange() {
        List<Runnable> queued = new java.util.ArrayList<>();
        JobsViewModel vm = new JobsViewModel(queued::add, new Messages(Locale.ENGLISH), (Path) null, m -> { });
        JobSink.Job job = vm.sinkFor("nas").started("fetchrelease", "14.1-RELEASE", null);
        queued.remove(0).run();
        JobRow row = vm.jobs().get(0);
        job.line("Downloading: base.txz [#-------------------] 5%  11.3MB/s", 5);
        queued.remove(0).run();
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        row.output().addListener((javafx.collections.ListChangeListener<String>) c -> changes.incrementAndGet());
        job.line("Downloading: base.txz [##------------------] 10%  11.3MB/s", 10);
        job.line("Downloading: base.txz [####################] 100%  11.3MB/s", 100);
        for (int i = 0; i < JobRow.MAX_LINES + 500; i++) {
            job.line("x" + i, -1);
        }
        job.line("Downloading: lib32.txz [##------------------] 10%  11.3MB/s", 10);
        job.line("Downloading: lib32.txz [####################] 100%  11.3MB/s", 100);
        assertEquals(1, queued.size(), "one hand-over to the FX thread for all of them");
        assertEquals(List.of("Downloading: base.txz [#-------------------] 5%  11.3MB/s"), row.output(), "none taken yet");
        queued.remove(0).run();
        assertTrue(changes.get() <= 3, changes.get() + " changes: the last line replaced, the oldest dropped, the rest added");
        List<String> out = row.output();
        assertEquals(JobRow.MAX_LINES, out.size());
        assertEquals("x501", out.get(0));
        assertEquals("Downloading: lib32.txz [####################] 100%  11.3MB/s", out.get(out.size() - 1));
        assertEquals("x" + (JobRow.MAX_LINES + 499), out.get(out.size() - 2));
        assertEquals(1.0, row.progress().get());

        // Few lines: the redraw replaces the line it redraws, and nothing is dropped.
        JobSink.Job small = vm.sinkFor("nas").started("fetchrelease", "13.4-RELEASE", null);
        queued.remove(0).run();
        small.line("Downloading: base.txz [##------------------] 10%  11.3MB/s", 10);
        queued.remove(0).run();
        small.line("Downloading: base.txz [####----------------] 20%  11.3MB/s", 20);
        small.line("Extracting: base.txz...", -1);
        small.finished(true, "fetched", List.of("done"));
        queued.forEach(Runnable::run);
        assertEquals(List.of("Downloading: base.txz [####----------------] 20%  11.3MB/s", "Extracting: base.txz...", "done"),
                vm.jobs().get(0).output());
    }

    /**
     * The window closing stops the jobs of this machine and the demo host: they end as cancelled, saying why, and their
     * own end coming after does not overwrite it; a remote host's job goes on there and is kept as left running; one
     * waiting its turn in this window is never sent and ends as not started. The history keeps all three.
     */
    @Test
    void theWindowClosingEndsTheJobsItStopsAndKeepsRemoteOnesAsLeftRunning(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("jobs.json");
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        JobSink.Job local = vm.sinkFor("This machine (iocage)").started("fetchrelease", "14.2-RELEASE", null);
        JobSink.Job remote = vm.sinkFor("nas").started("fetchrelease", "14.2-RELEASE", null);
        org.jaildesk.client.Queued web = vm.sinkFor("nas").queued("startjail", "web");
        vm.windowClosing("This machine (iocage)"::equals);
        assertTrue(web.cancelled(), "the run it waits in does not send it");
        JobRow waitingRow = vm.jobs().stream().filter(r -> r.target().equals("web")).findFirst().orElseThrow();
        assertEquals(JobRow.State.CANCELLED, waitingRow.state().get());
        assertEquals("Not started: JailDesk was closed before its turn", waitingRow.result().get());
        JobRow localRow = vm.jobs().stream().filter(r -> r.host().equals("This machine (iocage)")).findFirst().orElseThrow();
        JobRow remoteRow = vm.jobs().stream().filter(r -> r.host().equals("nas") && r.action().equals("fetchrelease"))
                .findFirst().orElseThrow();
        assertEquals(JobRow.State.CANCELLED, localRow.state().get());
        assertEquals("Stopped: JailDesk was closed while it ran", localRow.result().get());
        assertEquals(JobRow.State.LEFT, remoteRow.state().get());
        assertTrue(remoteRow.result().get().startsWith("Left running on its host"), remoteRow.result().get());
        assertFalse(remoteRow.cancellable(), "nothing here can stop it now");
        local.finished(false, "cancelled: iocage was stopped", List.of("late line"));
        assertEquals("Stopped: JailDesk was closed while it ran", localRow.result().get(), "the first end stands");
        remote.finished(false, "the connection closed", List.of());
        assertEquals(JobRow.State.LEFT, remoteRow.state().get(), "its connection's end is not the job's");

        vm.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
        JobsViewModel again = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        assertEquals(List.of("web:CANCELLED", "14.2-RELEASE:LEFT", "14.2-RELEASE:CANCELLED"), again.jobs().stream()
                .map(r -> r.target() + ":" + r.state().get()).toList());
    }

    /** A job is named in the window's language, not by its protocol action; one this version does not know, as sent. */
    @Test
    void aJobSaysWhatItDoesInTheWindowsLanguage() {
        List<String> notices = new java.util.ArrayList<>();
        JobsViewModel en = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), (Path) null, notices::add);
        en.sinkFor("nas").started("fetchrelease", "14.2-RELEASE", null).finished(true, "fetched", List.of());
        en.sinkFor("nas").started("destroyjail", "web", null).finished(false, "jail web is running", List.of());
        // A job the host cancelled (a server that stops) says so, as its row does, not that it failed.
        en.sinkFor("nas").started("stopjail", "db01", null).finished(false, "cancelled: the server is stopping", List.of());
        assertEquals(List.of("Fetch release 14.2-RELEASE on nas: done", "Destroy web on nas: failed",
                "Stop db01 on nas: cancelled"), notices);
        assertEquals(JobRow.State.CANCELLED, en.jobs().get(0).state.get());
        assertEquals("Fetch release", en.actionName("fetchrelease"));
        JobsViewModel de = new JobsViewModel(Runnable::run, new Messages(Locale.GERMAN), (Path) null, notices::add);
        assertEquals("Release herunterladen", de.actionName("fetchrelease"));
        assertEquals("Einstellungen \u00e4ndern", de.actionName("setjailsettings"));
        assertEquals("migratejail", de.actionName("migratejail"), "an action a newer server added");
        assertEquals("Snapshot anlegen", de.actionName("snapshotjail"));
    }

    /** A line of megabytes (a remote host's output may be anything) is kept to its first characters. */
    @Test
    void aHugeLineIsCut() {
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), (Path) null, m -> { });
        JobSink.Job job = vm.sinkFor("nas").started("execjail", "web", null);
        job.line("x".repeat(5_000_000), -1);
        job.finished(true, "", List.of("y".repeat(3_000_000), "done"));
        List<String> out = vm.jobs().get(0).output();
        assertEquals(List.of("x".repeat(org.jaildesk.ui.common.Scrollback.LINE_LENGTH) + "\u2026", "y".repeat(org.jaildesk.ui.common.Scrollback.LINE_LENGTH) + "\u2026", "done"), out);
    }

    /** A history written before the bounds, or edited, is read within them. */
    @Test
    void aHistoryFileIsReadWithinTheBounds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lines.add("line " + i);
        }
        lines.add("z".repeat(1_000_000));
        lines.add(null);
        java.util.Map<String, Object> saved = new java.util.LinkedHashMap<>();
        saved.put("host", "nas");
        saved.put("action", "startjail");
        saved.put("target", "web");
        saved.put("started", "2026-11-27T10:00:00Z");
        saved.put("millis", 100);
        saved.put("state", "FAILED");
        saved.put("result", "r".repeat(1_000_000));
        saved.put("output", lines);
        java.nio.file.Path file = dir.resolve("jobs.json");
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(file.toFile(), List.of(saved));
        JobRow row = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { }).jobs().get(0);
        assertEquals(JobsViewModel.RESULT + 1, row.result().get().length());
        assertEquals(JobRow.MAX_LINES, row.output().size());
        assertEquals("z".repeat(org.jaildesk.ui.common.Scrollback.LINE_LENGTH) + "\u2026", row.output().get(row.output().size() - 1));
        assertEquals("line 1001", row.output().get(0));
    }

    /** A history with an entry this version cannot read keeps the others; the file as it was is set aside. */
    @Test
    void aDamagedEntryIsSetAsideAndTheOthersKept(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("jobs.json");
        String original = "[{\"host\":\"nas\",\"action\":\"startjail\",\"target\":\"web\",\"started\":\"2026-11-27T10:00:00Z\","
                + "\"millis\":100,\"state\":\"DONE\",\"result\":\"\",\"output\":[\"a\"]},\n"
                + " {\"host\":\"nas\",\"action\":\"stopjail\",\"target\":\"web\",\"started\":\"yesterday\","
                + "\"millis\":100,\"state\":\"DONE\",\"result\":\"\",\"output\":[]},\n"
                + " {\"host\":\"nas\",\"action\":\"stopjail\",\"target\":null,\"started\":\"2026-11-27T10:30:00Z\","
                + "\"millis\":100,\"state\":\"DONE\",\"result\":\"\",\"output\":[]},\n"
                + " {\"host\":\"nas\",\"action\":\"stopjail\",\"target\":\"db\",\"started\":\"2026-11-27T11:00:00Z\","
                + "\"millis\":100,\"state\":\"DONE\",\"result\":\"ok\",\"output\":[],\"node\":\"a later version's field\"}]";
        java.nio.file.Files.writeString(file, original);
        List<org.jaildesk.client.SavedFile.SetAside> told = new java.util.ArrayList<>();
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH),
                new org.jaildesk.client.SavedFile(file, JobsViewModel.LIMIT, told::add), m -> { });
        assertEquals(List.of("web", "db"), vm.jobs().stream().map(JobRow::target).toList());
        assertTrue(told.get(0).reason().startsWith("job 2: java.time.format.DateTimeParseException"), told.get(0).reason());
        assertTrue(told.get(0).reason().contains("; job 3: java.lang.NullPointerException: no target"), told.get(0).reason());
        assertEquals(original, java.nio.file.Files.readString(told.get(0).keptAs().orElseThrow()));
        vm.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
        JobsViewModel again = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        assertEquals(List.of("web", "db"), again.jobs().stream().map(JobRow::target).toList());
    }

    /** The saved history is bounded as a whole: 300 jobs of 200 long lines each would be gigabytes. */
    @Test
    void theSavedOutputIsBoundedNewestFirst(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("jobs.json");
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        List<String> lines = java.util.Collections.nCopies(JobsHistory.SAVED_LINES, "x".repeat(org.jaildesk.ui.common.Scrollback.LINE_LENGTH));
        for (String jail : List.of("oldest", "older", "newest")) {
            vm.sinkFor("nas").started("execjail", jail, null).finished(true, "", lines);
        }
        vm.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(java.nio.file.Files.size(file) < JobsViewModel.LIMIT);
        List<JobRow> read = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { }).jobs();
        assertEquals(List.of("newest", "older", "oldest"), read.stream().map(JobRow::target).toList());
        assertEquals(List.of(200, 200, 0), read.stream().map(r -> r.output().size()).toList());
        assertTrue(read.stream().mapToLong(r -> r.output().stream().mapToLong(String::length).sum()).sum() <= JobsHistory.SAVED_OUTPUT);
    }

    /** A window left open for weeks: the panel holds the newest 300 jobs, and their output within a bound. */
    @Test
    void theFinishedJobsAreBoundedInNumberAndOutput() {
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), (Path) null, m -> { });
        JobSink.Job running = vm.sinkFor("nas").started("fetchrelease", "14.2-RELEASE", null);
        for (int i = 0; i < 310; i++) {
            vm.sinkFor("nas").started("startjail", "jail" + i, null).finished(true, "", List.of("started"));
        }
        assertEquals(301, vm.jobs().size());
        assertEquals("jail309", vm.jobs().get(0).target());
        assertEquals("jail10", vm.jobs().get(299).target());
        assertEquals("14.2-RELEASE", vm.jobs().get(300).target(), "a running job stays, however old");

        List<String> lines = java.util.Collections.nCopies(JobRow.MAX_LINES, "x".repeat(org.jaildesk.ui.common.Scrollback.LINE_LENGTH));
        vm.sinkFor("nas").started("execjail", "older", null).finished(true, "", lines);
        vm.sinkFor("nas").started("execjail", "newest", null).finished(true, "", lines);
        int fit = JobsViewModel.KEPT_OUTPUT / org.jaildesk.ui.common.Scrollback.LINE_LENGTH;
        assertEquals(fit, vm.jobs().get(0).output().size(), "the newest keeps its last lines that fit");
        assertEquals(0, vm.jobs().get(1).output().size(), "an older one has none left");
        long total = vm.jobs().stream().mapToLong(r -> r.output().stream().mapToLong(String::length).sum()).sum();
        assertTrue(total <= JobsViewModel.KEPT_OUTPUT, total + " characters");
        running.finished(true, "", List.of());
        assertEquals(300, vm.jobs().size());
    }

    /** A history that cannot be written is told once, on the FX thread's executor, with the file and why, in the window's language. */
    @Test
    void aHistoryThatCannotBeWrittenIsToldOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("config"), "a file where the config folder should be");
        java.nio.file.Path file = dir.resolve("config").resolve("jobs.json");
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.GERMAN), file, m -> { });
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        vm.onSaveFailed((path, why) -> told.add(path + ": " + why));
        vm.sinkFor("nas").started("startjail", "web", null).finished(true, "", List.of());
        vm.sinkFor("nas").started("stopjail", "web", null).finished(true, "", List.of());
        vm.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of(file + ": " + dir.resolve("config") + " existiert und ist kein Ordner"), told);
    }

    /** A job that prints without end keeps its newest lines only. */
    @Test
    void aChattyJobKeepsItsNewestLines() {
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), (Path) null, m -> { });
        JobSink.Job job = vm.sinkFor("nas").started("execjail", "web", null);
        for (int i = 0; i < JobRow.MAX_LINES + 1_000; i++) {
            job.line("line " + i, -1);
        }
        job.finished(true, "", List.of("last"));
        List<String> kept = vm.jobs().get(0).output();
        assertEquals(JobRow.MAX_LINES, kept.size());
        assertEquals("line 1001", kept.get(0));
        assertEquals("last", kept.get(kept.size() - 1));
    }

    /** A job that failed because iocage was not run as root says where to change that, as the notice does. */
    @Test
    void aJobRefusedForWantOfRootSaysWhatToDo() {
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), (Path) null, m -> { });
        vm.sinkFor("this machine").started("startjail", "web", null)
                .finished(false, "You need to have root privileges to run iocage!", List.of());
        String result = vm.jobs().get(0).result().get();
        assertTrue(result.startsWith("You need to have root privileges to run iocage! \u2014 iocage did not run as root."), result);
        assertTrue(result.contains("Host \u25b8 Run iocage on this machine"), result);
        vm.sinkFor("this machine").started("startjail", "db", null).finished(false, "jail db is not running", List.of());
        assertEquals("jail db is not running", vm.jobs().get(0).result().get(), "other failures as the host said them");
    }

    /**
     * The history is written off the FX thread: a write that cannot finish (here a named pipe nobody reads, which
     * blocks whoever opens it) does not hold up the thread that finished the job.
     */
    @org.junit.jupiter.api.Test
    void theHistoryIsWrittenOffTheFxThread(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("jobs.json");
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("jobs.json.tmp").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        JobSink.Job job = vm.sinkFor("nas").started("startjail", "web", null);
        java.util.concurrent.CompletableFuture<Void> finished = java.util.concurrent.CompletableFuture.runAsync(
                () -> job.finished(true, "", List.of()));
        finished.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(JobRow.State.DONE, vm.jobs().get(0).state().get(), "the job ended at once");
        assertFalse(vm.flush().isDone(), "its history is still being written");
        // Let the writer go: read the pipe it waits on.
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(dir.resolve("jobs.json.tmp"))) {
            in.readAllBytes();
        }
        vm.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** A job left running on "nas" under request id {@code id}. */
    private static JobRow left(JobsViewModel vm, String action, String target, String id) {
        vm.sinkFor("nas").started(action, target, "", null, () -> id);
        vm.windowClosing(host -> false);
        JobRow r = vm.jobs().get(0);
        assertEquals(JobRow.State.LEFT, r.state().get());
        return r;
    }

    private static org.jaildesk.domain.AuditEntry line(Instant at, String action, String target, String result, String request) {
        return new org.jaildesk.domain.AuditEntry(at, "admin", "127.0.0.1", action, target, result, request);
    }

    /**
     * Jobs left running on a host take, once it answers again, the end its audit log gives under their request's id
     * (done, failed with the host's reason, cancelled), read page by page; one not in the log stays left running, a line
     * of another request (another client's same change) is not its end, and the history keeps what was found.
     */
    @Test
    void jobsLeftRunningTakeTheirEndFromTheHostsAuditLogByTheirRequestsId(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("jobs.json");
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        JobRow fetch = left(vm, "fetchrelease", "14.2-RELEASE", "jd00000000000a-1");
        JobRow start = left(vm, "startjail", "web", "jd00000000000a-2");
        JobRow stop = left(vm, "stopjail", "db", "jd00000000000a-3");
        JobRow destroy = left(vm, "destroyjail", "old", "jd00000000000a-4");
        vm.sinkFor("other").started("startjail", "web", "", null, () -> "jd00000000000a-2");
        vm.windowClosing(host -> false);
        JobRow elsewhere = vm.jobs().get(0);
        Instant t = fetch.started();
        java.util.Map<String, org.jaildesk.domain.AuditPage> log = java.util.Map.of(
                "", new org.jaildesk.domain.AuditPage(List.of(
                        line(t.plusSeconds(50), "fetchrelease", "14.2-RELEASE", "ok", "jd99999999999b-1"),
                        line(t.plusSeconds(40), "startjail", "web", "error:jail_web_is_running", "jd00000000000a-2"),
                        line(t.plusSeconds(30), "login", "password", "ok", "")), "p2", false),
                "p2", new org.jaildesk.domain.AuditPage(List.of(
                        line(t.plusSeconds(20), "stopjail", "db", "error:cancelled:_iocage_was_stopped", "jd00000000000a-3"),
                        line(t.plusSeconds(90), "fetchrelease", "14.2-RELEASE", "ok", "jd00000000000a-1")), "", false));
        List<String> asked = new java.util.ArrayList<>();
        int settled = vm.settleLeft("nas", before -> {
            asked.add(before);
            return java.util.concurrent.CompletableFuture.completedFuture(log.get(before));
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertEquals(3, settled);
        assertEquals(List.of("", "p2"), asked, "the older page read while jobs were still looked for");
        assertEquals(JobRow.State.DONE, fetch.state().get(), "its own line, not the other request's");
        assertTrue(fetch.result().get().startsWith("Done while JailDesk was closed: ended "), fetch.result().get());
        assertEquals(Duration.ofSeconds(90), fetch.duration().get(), "from its start to the line's time");
        assertEquals(JobRow.State.FAILED, start.state().get());
        assertTrue(start.result().get().contains(" with jail_web_is_running (the host's action log)"), start.result().get());
        assertEquals(JobRow.State.CANCELLED, stop.state().get());
        assertEquals(JobRow.State.LEFT, destroy.state().get(), "not in the log: its end is still not known");
        assertEquals(JobRow.State.LEFT, elsewhere.state().get(), "another host's job is not looked for in this host's log");

        vm.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
        JobsViewModel again = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        assertEquals(List.of("other:web:LEFT", "nas:old:LEFT", "nas:db:CANCELLED", "nas:web:FAILED", "nas:14.2-RELEASE:DONE"),
                again.jobs().stream().map(r -> r.host() + ":" + r.target() + ":" + r.state().get()).toList());
        // The one still left is looked for again, by the id the history kept for it.
        assertEquals(1, again.settleLeft("nas", before -> java.util.concurrent.CompletableFuture.completedFuture(
                new org.jaildesk.domain.AuditPage(List.of(line(t.plusSeconds(5), "destroyjail", "old", "ok", "jd00000000000a-4")),
                        "", false))).get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(JobRow.State.DONE, again.jobs().get(1).state().get());
        again.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * The log is read no further than it can hold a left job's end: back to an hour before the oldest one's start, at
     * most {@link LeftJobs.SETTLE_PAGES} pages, not past a page that cannot be read; nothing at all is asked
     * where no job left running there has an id (the original sysadm server's jobs, or none left).
     */
    @Test
    void theAuditLogIsReadOnlyAsFarAsALeftJobsEndCanBe() throws Exception {
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), (Path) null, m -> { });
        List<String> asked = new java.util.ArrayList<>();
        java.util.function.Function<String, java.util.concurrent.CompletableFuture<org.jaildesk.domain.AuditPage>> none = before -> {
            asked.add(before);
            return java.util.concurrent.CompletableFuture.completedFuture(new org.jaildesk.domain.AuditPage(List.of(), "", false));
        };
        vm.sinkFor("nas").started("startjail", "web", "", null, () -> "");
        vm.windowClosing(host -> false);
        assertEquals(0, vm.settleLeft("nas", none).get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(List.of(), asked, "a job without an id cannot be found: nothing read");

        JobRow r = left(vm, "startjail", "db", "jd00000000000a-9");
        // Entries newer than its start all the way: read to the limit.
        int[] pages = new int[1];
        assertEquals(0, vm.settleLeft("nas", before -> {
            pages[0]++;
            return java.util.concurrent.CompletableFuture.completedFuture(new org.jaildesk.domain.AuditPage(
                    List.of(line(r.started().plusSeconds(1), "startjail", "web", "ok", "jd1-" + pages[0])), "p" + pages[0], false));
        }).get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(LeftJobs.SETTLE_PAGES, pages[0]);
        // A page that reaches back before its start, less the host clock's hour: the end cannot be older.
        pages[0] = 0;
        assertEquals(0, vm.settleLeft("nas", before -> {
            pages[0]++;
            return java.util.concurrent.CompletableFuture.completedFuture(new org.jaildesk.domain.AuditPage(
                    List.of(line(r.started().minus(Duration.ofMinutes(61)), "startjail", "web", "ok", "jd1-1")), "more", false));
        }).get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, pages[0]);
        // A page that cannot be read (a user the host does not let read its log) ends the search; the job stays.
        pages[0] = 0;
        assertEquals(0, vm.settleLeft("nas", before -> {
            pages[0]++;
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("403 Forbidden"));
        }).get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, pages[0]);
        assertEquals(JobRow.State.LEFT, r.state().get());
    }

    /**
     * A history written by an English window and read back by a German one: JailDesk's own words (left running, not
     * started, stopped, an end from the host's log) are in German, the host's own words as they came, and a key this
     * version does not keep is no reason to lose the text saved with it.
     */
    @Test
    void jailDesksOwnWordsAreReadBackInTheWindowsLanguage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("jobs.json");
        JobsViewModel en = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        en.sinkFor("nas").started("stopjail", "mail", null).finished(false, "jail mail is not running", List.of());
        JobRow settled = left(en, "startjail", "db", "jd00000000000a-1");
        en.sinkFor("nas").queued("startjail", "git");
        en.sinkFor("This machine").started("fetchrelease", "14.2-RELEASE", null);
        en.windowClosing("This machine"::equals);
        JobRow leftOne = left(en, "startjail", "web", "jd00000000000a-2");
        en.settleLeft("nas", before -> java.util.concurrent.CompletableFuture.completedFuture(new org.jaildesk.domain.AuditPage(
                List.of(line(settled.started().plusSeconds(3), "startjail", "db", "error:jail_db_has_no_ip", "jd00000000000a-1")),
                "", false))).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(leftOne.result().get().startsWith("Left running on its host"), leftOne.result().get());
        en.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);

        JobsViewModel de = new JobsViewModel(Runnable::run, new Messages(Locale.GERMAN), file, m -> { });
        java.util.Map<String, String> results = new java.util.HashMap<>();
        de.jobs().forEach(r -> results.put(r.target(), r.result().get()));
        assertTrue(results.get("web").startsWith("Lief auf seinem Host weiter"), results.get("web"));
        assertEquals("Nicht begonnen: JailDesk wurde beendet, bevor er an der Reihe war", results.get("git"));
        assertEquals("Gestoppt: JailDesk wurde beendet, während er lief", results.get("14.2-RELEASE"));
        assertTrue(results.get("db").startsWith("Fehlgeschlagen, während JailDesk beendet war: endete ")
                && results.get("db").endsWith(" mit jail_db_has_no_ip (Aktionsprotokoll des Hosts)"), results.get("db"));
        assertEquals("jail mail is not running", results.get("mail"), "the host's words as they came");

        String kept = java.nio.file.Files.readString(file).replace("\"jobs.stoppedQuit\"", "\"jobs.someNewerWords\"");
        java.nio.file.Files.writeString(file, kept);
        JobsViewModel later = new JobsViewModel(Runnable::run, new Messages(Locale.GERMAN), file, m -> { });
        assertEquals("Stopped: JailDesk was closed while it ran", later.jobs().stream()
                .filter(r -> r.target().equals("14.2-RELEASE")).findFirst().orElseThrow().result().get());
        assertEquals(5, later.jobs().size(), "nothing set aside");
    }

    /**
     * A job left running is looked for on its host by the host's id, which a new name leaves as it is (and which the
     * history keeps): found after the host was renamed, and not taken for another host that now has its old name.
     */
    @Test
    void aJobLeftRunningIsFoundOnItsHostByIdAfterARename(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("jobs.json");
        JobsViewModel vm = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        vm.sinkFor("remote:wss://nas:12150", "nas").started("startjail", "web", "", null, () -> "jd00000000000a-1");
        vm.windowClosing(host -> false);
        vm.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
        JobsViewModel again = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), file, m -> { });
        JobRow row = again.jobs().get(0);
        assertEquals("remote:wss://nas:12150", row.hostId());
        java.util.function.Function<String, java.util.concurrent.CompletableFuture<org.jaildesk.domain.AuditPage>> log =
                before -> java.util.concurrent.CompletableFuture.completedFuture(new org.jaildesk.domain.AuditPage(
                        List.of(line(row.started().plusSeconds(2), "startjail", "web", "ok", "jd00000000000a-1")), "", false));
        assertEquals(0, again.settleLeft("remote:wss://other:12150", "nas", log).get(10, java.util.concurrent.TimeUnit.SECONDS),
                "another host under its old name");
        assertEquals(1, again.settleLeft("remote:wss://nas:12150", "storage", log).get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(JobRow.State.DONE, row.state().get());
        again.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
