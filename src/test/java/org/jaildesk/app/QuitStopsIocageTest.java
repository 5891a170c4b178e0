package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.host.FakeIocage;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.connect.ConnectionState;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.jobs.JobsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Quitting the desktop stops what this machine's iocage still runs for it and waits until it is gone: an iocage the
 * window said it stopped must not go on after JailDesk has exited.
 */
class QuitStopsIocageTest {

    @TempDir
    Path dir;

    private static final HostEntry LOCAL = new HostEntry("local", "This machine", HostEntry.Kind.LOCAL, "", "");

    @Test
    void aStartRunningOnThisMachineIsKilledBeforeQuittingReturns() throws Exception {
        Held held = holdAStart("fake");
        try {
            assertEquals(0, held.connector.closeAllAndWait(Duration.ofSeconds(10)));

            // Gone when the call returns, not some time after: the JVM's exit comes next.
            assertTrue(held.running.stream().noneMatch(QuitStopsIocageTest::runs), held.running.toString());
            ExecutionException e = assertThrows(ExecutionException.class, () -> held.start.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("cancelled"), e.getCause().toString());
        } finally {
            held.release();
        }
    }

    /** A host retired by a change of privilege lets its job run on; quitting stops that one too. */
    @Test
    void aStartLeftToARetiredHostIsKilledAsWell() throws Exception {
        Held held = holdAStart("fake2");
        try {
            held.connector.release(LOCAL);
            assertTrue(held.running.stream().anyMatch(QuitStopsIocageTest::runs), "retiring does not stop it");

            assertEquals(0, held.connector.closeAllAndWait(Duration.ofSeconds(10)));

            assertTrue(held.running.stream().noneMatch(QuitStopsIocageTest::runs), held.running.toString());
            assertThrows(ExecutionException.class, () -> held.start.get(10, TimeUnit.SECONDS));
        } finally {
            held.release();
        }
    }

    /** A start on this machine's iocage (a fake that holds it until told), its processes, and the desktop it runs in. */
    private record Held(FakeIocage fake, DesktopConnector connector, CompletableFuture<?> start, List<ProcessHandle> running) {
        /** Lets the fake's start go, so that a failed test leaves nothing waiting. */
        void release() throws java.io.IOException {
            Files.writeString(fake.executable().getParent().resolve("go"), "");
        }
    }

    private Held holdAStart(String name) throws Exception {
        FakeIocage fake = new FakeIocage(dir.resolve(name), FakeIocage.Kind.PYTHON);
        fake.mode("gate-start");
        DesktopConnector connector = connector(fake);
        CompletableFuture<?> start = connector.open(LOCAL, null, s -> { }).startJail("mail");
        return new Held(fake, connector, start, startRunning(fake));
    }

    @Test
    void nothingRunningQuitsAtOnce() throws Exception {
        FakeIocage fake = new FakeIocage(dir.resolve("fake3"), FakeIocage.Kind.PYTHON);
        DesktopConnector connector = connector(fake);
        connector.open(LOCAL, null, s -> { }).listJails().get(10, TimeUnit.SECONDS);
        connector.open(new HostEntry("demo", "Demo", HostEntry.Kind.DEMO, "", ""), null, s -> { })
                .listJails().get(10, TimeUnit.SECONDS);

        assertEquals(0, connector.closeAllAndWait(Duration.ofSeconds(10)));
        assertEquals(0, connector.closeAllAndWait(Duration.ZERO), "twice: nothing left to wait for");
    }

    private DesktopConnector connector(FakeIocage fake) {
        JobsViewModel jobs = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), (Path) null, m -> { });
        return new DesktopConnector(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), fake.executable(),
                new KnownHosts(dir.resolve("known-hosts-" + fake.executable().getParent().getFileName())),
                new ProtocolLog(), jobs, () -> ProcessRunner.Privilege.NONE, null, Set.of(), (id, has) -> { });
    }

    /** Waits until the fake is holding the start, and returns its processes (the shell and what it waits in). */
    private static List<ProcessHandle> startRunning(FakeIocage fake) throws Exception {
        String where = fake.executable().getParent().toString();
        List<List<ProcessHandle>> found = new java.util.ArrayList<>(List.of(List.of()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            found.set(0, ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(where)).toList());
            return fake.actionCalls().stream().anyMatch(c -> c.get(0).equals("start")) && !found.get(0).isEmpty();
        });
        return found.get(0);
    }

    /**
     * Whether {@code p} still runs: alive and not a zombie. A killed child of the fake's shell (its {@code sleep}) stays
     * a zombie until this machine's init reaps it, which may be after the call returns; it runs nothing.
     */
    private static boolean runs(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException | RuntimeException e) {
            return false; // gone meanwhile
        }
    }
}
