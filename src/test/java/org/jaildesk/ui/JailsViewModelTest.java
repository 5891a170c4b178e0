package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.host.CommandResult;
import org.jaildesk.host.CommandRunner;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notice;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.jails.JailAction;
import org.jaildesk.ui.jails.JailType;
import org.jaildesk.ui.jails.JailsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The jails view model without a window: one thread stands in for the FX thread (the view model's UI-side work is
 * serialized there, as in the app), the demo host behind an in-process transport.
 */
class JailsViewModelTest {

    private IocageHost host;
    private JailsViewModel vm;
    private Notifier notifier;
    private ExecutorService fxThread;

    @BeforeEach
    void open() {
        host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)), HostOptions.defaults());
        Messages msg = new Messages(Locale.ENGLISH);
        notifier = new Notifier(msg);
        fxThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
        vm = new JailsViewModel(new IocageClient(new InProcessTransport(host)), fxThread, msg, notifier);
    }

    @AfterEach
    void close() {
        fxThread.shutdownNow();
        host.close();
    }

    private Jail jail(String name) {
        return vm.jails().stream().filter(j -> j.tag().equals(name)).findFirst().orElseThrow();
    }

    private void select(String... names) {
        vm.selection().setAll(java.util.Arrays.stream(names).map(this::jail).toList());
    }

    @Test
    void refreshLoadsTheJailsAndMarksStaleWhileRunning() {
        assertFalse(vm.loaded().get());
        vm.refresh().join();
        assertTrue(vm.loaded().get());
        assertEquals(12, vm.jails().size());
        assertFalse(vm.stale().get());
        // The count is the status bar's to say, for the host it shows (AllHostsTest, MainWindowTest): a host's
        // listing says nothing of itself, shown or not.
        assertEquals("", notifier.status().get());
    }

    /**
     * A listener added to the jails hears the listing however long it waits, its list view kept by no one else (a
     * view made per call was collected now and then, and the UUID column's first listing went unheard).
     */
    @Test
    void aListenerOnTheJailsHearsTheListingAfterACollection() {
        java.util.concurrent.atomic.AtomicBoolean heard = new java.util.concurrent.atomic.AtomicBoolean();
        java.lang.ref.WeakReference<javafx.collections.ObservableList<Jail>> view = new java.lang.ref.WeakReference<>(vm.jails());
        view.get().addListener((javafx.beans.InvalidationListener) o -> heard.set(true));
        for (int i = 0; i < 20 && view.get() != null; i++) {
            System.gc();
        }
        vm.refresh().join();
        assertEquals(12, vm.jails().size());
        assertTrue(heard.get(), "the listener heard the listing");
        assertTrue(vm.jails() == vm.jails(), "one view for every caller");
    }

    /** The status bar says when the rows were listed: the time a listing came back, kept when a refresh fails. */
    @Test
    void theRowsKnowWhenTheyWereListedAndAFailedRefreshLeavesThat() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        InProcessTransport inner = new InProcessTransport(host);
        org.jaildesk.client.Transport flaky = r -> down.get()
                ? CompletableFuture.failedFuture(new java.io.IOException("connection lost")) : inner.send(r);
        JailsViewModel v = new JailsViewModel(new IocageClient(flaky), fxThread, new Messages(Locale.ENGLISH), notifier);
        java.time.Instant first = java.time.Instant.parse("2026-11-28T06:05:12Z");
        v.wallClock(java.time.Clock.fixed(first, java.time.ZoneOffset.UTC));
        assertEquals(null, v.listedAt().get(), "nothing listed yet");

        fxThread.submit(v::refresh).get().get(10, TimeUnit.SECONDS);
        assertEquals(first, v.listedAt().get());

        v.wallClock(java.time.Clock.fixed(first.plusSeconds(30), java.time.ZoneOffset.UTC));
        down.set(true);
        assertTrue(fxThread.submit(v::refresh).get().handle((r, e) -> e != null || v.lastFailure().get() != null).get(10, TimeUnit.SECONDS));
        assertEquals(first, fxThread.submit(() -> v.listedAt().get()).get(), "a refresh that failed listed nothing");

        down.set(false);
        fxThread.submit(v::refresh).get().get(10, TimeUnit.SECONDS);
        assertEquals(first.plusSeconds(30), fxThread.submit(() -> v.listedAt().get()).get());
    }

    @Test
    void aNewJailsNameMayNotBeOneTheHostAlreadyHas() {
        assertEquals(Optional.empty(), vm.newJails().whyNotNewName("mail"), "nothing listed yet: only iocage's own rules apply");
        vm.refresh().join();
        assertEquals(Optional.of("A jail named mail is already on this host."), vm.newJails().whyNotNewName("mail"));
        assertEquals(Optional.empty(), vm.newJails().whyNotNewName("mail2"));
        assertTrue(vm.newJails().whyNotNewName("-f").orElseThrow().contains("-f"), "iocage's own rules still come first");
    }

    @Test
    void theSearchFiltersWhatTheTableShows() {
        vm.refresh().join();
        vm.query().set("state:up !boot:off");
        assertTrue(vm.visible().stream().allMatch(j -> j.state() == JailState.UP && j.boot()));
        vm.query().set("");
        assertEquals(12, vm.visible().size());
    }

    @Test
    void actionsAreEnabledOnlyWhereTheyApply() {
        vm.refresh().join();
        select("mail");
        assertTrue(vm.can(JailAction.START).get());
        assertFalse(vm.can(JailAction.STOP).get());
        assertTrue(vm.can(JailAction.CLONE).get());
        assertFalse(vm.can(JailAction.EXEC).get());
        select("db01");
        assertFalse(vm.can(JailAction.START).get());
        assertTrue(vm.can(JailAction.EXEC).get());
        assertFalse(vm.can(JailAction.CLONE).get(), "a running jail cannot be cloned");
        select("db01", "mail");
        assertTrue(vm.can(JailAction.START).get());
        assertTrue(vm.can(JailAction.STOP).get());
        assertFalse(vm.can(JailAction.DESTROY).get(), "destroy is one jail at a time");
    }

    @Test
    void aDisabledActionSaysWhyAndAnEnabledOneSaysNothing() {
        vm.refresh().join();
        assertEquals("Select a jail in the table first.", vm.whyNot(JailAction.START).get());
        select("db01");
        assertEquals("db01 is already running.", vm.whyNot(JailAction.START).get());
        assertEquals("db01 is running: iocage clones only a stopped jail. Stop it first.", vm.whyNot(JailAction.CLONE).get());
        assertEquals("", vm.whyNot(JailAction.EXEC).get());
        assertEquals("", vm.whyNot(JailAction.STOP).get());
        select("mail");
        assertEquals("mail is not running.", vm.whyNot(JailAction.STOP).get());
        assertEquals("mail is not running: start it first.", vm.whyNot(JailAction.EXEC).get());
        assertEquals("", vm.whyNot(JailAction.CLONE).get());
        select("db01", "mail");
        assertEquals("2 jails are selected; this works on one jail at a time.", vm.whyNot(JailAction.DESTROY).get());
        assertEquals("", vm.whyNot(JailAction.START).get(), "one of them is stopped");
        assertEquals("", vm.whyNot(JailAction.EXPORT).get(), "mail, the stopped one, is exported");
        assertEquals("", vm.whyNot(JailAction.UPDATE).get(), "each selected jail, one after another");
        assertEquals("", vm.whyNot(JailAction.SNAPSHOT).get(), "one of the same name in each");
        assertEquals("", vm.whyNot(JailAction.EXEC).get(), "the command runs in db01, the running one");
        select("mail", "web02");
        assertEquals("None of the 2 selected jails is running.", vm.whyNot(JailAction.EXEC).get());
        select("test-empty");
        assertEquals("test-empty has no release to update (an empty jail).", vm.whyNot(JailAction.UPDATE).get());
        select("test-empty", "mail");
        assertEquals("", vm.whyNot(JailAction.UPDATE).get(), "mail has one");
        select("db01", "cache");
        assertEquals("None of the 2 selected jails is stopped.", vm.whyNot(JailAction.EXPORT).get());
        select("db01");
        assertEquals("db01 is running: stop it to export it.", vm.whyNot(JailAction.EXPORT).get());
        assertEquals("", vm.whyNot(JailAction.UPGRADE).get(), "a running jail is upgraded too");
        select("test-empty");
        assertEquals("test-empty has no release to upgrade (an empty jail).", vm.whyNot(JailAction.UPGRADE).get());
        select("db01", "mail");
        for (JailAction a : JailAction.values()) {
            assertEquals(vm.whyNot(a).get().isEmpty(), vm.can(a).get(), a + ": enabled exactly when there is no reason");
        }
    }

    @Test
    void aJailInAStateIocageCouldNotTellCannotBeStartedAndSaysSo() {
        Messages msg = new Messages(Locale.ENGLISH);
        Jail corrupt = new Jail("old", "old", null, JailState.CORRUPT, false, "jail", "13.2-RELEASE", "-", "-", "-");
        Jail unknown = new Jail("odd", "odd", null, JailState.UNKNOWN, false, "jail", "13.2-RELEASE", "-", "-", "-");
        assertEquals("iocage cannot read the configuration of old (state CORRUPT).", JailAction.START.whyNot(List.of(corrupt), msg));
        assertEquals("The state of odd is not known; refresh the table.", JailAction.START.whyNot(List.of(unknown), msg));
        assertEquals("None of the 2 selected jails is stopped.", JailAction.START.whyNot(List.of(corrupt, unknown), msg));
        assertEquals("None of the 2 selected jails is running.", JailAction.CAP.whyNot(List.of(corrupt, unknown), msg));
        assertEquals("Wählen Sie zuerst ein Jail in der Tabelle.", JailAction.DESTROY.whyNot(List.of(), new Messages(Locale.GERMAN)));
    }

    @Test
    void startsAndStopsEverySelectedJailThenRefreshesOnce() {
        vm.refresh().join();
        select("mail", "web02", "db01");
        vm.startSelected().join();
        assertEquals(JailState.UP, jail("mail").state());
        assertEquals(JailState.UP, jail("web02").state());
        assertEquals(List.of("mail", "web02", "db01"), vm.selection().stream().map(Jail::tag).toList(), "selection kept");
        vm.stopSelected().join();
        assertEquals(JailState.DOWN, jail("mail").state());
        assertEquals(JailState.DOWN, jail("db01").state());
    }

    @Test
    void destroyWantsTheTypedNameAndAStoppedJail() {
        vm.refresh().join();
        CompletableFuture<String> wrongName = vm.commands().destroy(jail("mail"), "mial", false);
        assertTrue(wrongName.isCompletedExceptionally());
        assertTrue(notifier.notices().get(0).message().contains("does not match mail"));
        CompletableFuture<String> running = vm.commands().destroy(jail("db01"), "db01", false);
        assertTrue(running.isCompletedExceptionally());
        assertEquals(12, vm.jails().size(), "nothing was destroyed");
        vm.commands().destroy(jail("db01"), "db01", true).join();
        vm.refresh().join();
        assertEquals(11, vm.jails().size());
        assertTrue(vm.jails().stream().noneMatch(j -> j.tag().equals("db01")));
    }

    @Test
    void aProtectedJailIsNotDestroyedAndItsMarkFollowsARename() {
        vm.refresh().join();
        select("mail");
        assertEquals("", vm.whyNot(JailAction.DESTROY).get());
        assertEquals("mail is not protected.", vm.whyNot(JailAction.UNPROTECT).get());
        vm.protectSelected();
        assertEquals("mail is protected from destroy: remove its protection first (Jail \u25b8 Remove protection).",
                vm.whyNot(JailAction.DESTROY).get());
        assertEquals("mail is protected already.", vm.whyNot(JailAction.PROTECT).get());
        assertEquals("", vm.whyNot(JailAction.UNPROTECT).get());
        // Even asked directly, as a dialog opened before the mark would: refused before anything runs.
        assertTrue(vm.commands().destroy(jail("mail"), "mail", true).isCompletedExceptionally());
        assertEquals("Not destroyed: mail is protected. Remove its protection first.", notifier.notices().get(0).message());
        vm.refresh().join();
        assertEquals(12, vm.jails().size(), "nothing was destroyed");

        select("mail", "web01");
        assertEquals("", vm.whyNot(JailAction.PROTECT).get(), "one of them is not protected yet");
        vm.protectSelected();
        assertEquals("All 2 selected jails are protected already.", vm.whyNot(JailAction.PROTECT).get());
        assertEquals(List.of("mail", "web01"), List.copyOf(vm.protection().ids()));
        select("web01");
        vm.unprotectSelected();
        assertEquals("web01 is not protected.", vm.whyNot(JailAction.UNPROTECT).get());
        assertEquals("", vm.whyNot(JailAction.DESTROY).get());

        // The search knows the marks, and follows them as they change.
        vm.query().set("protected:yes");
        assertEquals(List.of("mail"), vm.visible().stream().map(Jail::tag).toList());
        select("web01");
        vm.protectSelected();
        assertEquals(List.of("mail", "web01"), vm.visible().stream().map(Jail::tag).sorted().toList());
        vm.unprotectSelected();
        vm.query().set("!protected:yes state:up");
        assertEquals(6, vm.visible().size());
        select("db01");
        vm.protectSelected();
        assertEquals(5, vm.visible().size(), "a running jail marked leaves the search's rows");
        assertTrue(vm.visible().stream().noneMatch(j -> j.tag().equals("db01")));
        vm.unprotectSelected();
        vm.query().set("");

        vm.newJails().rename(jail("mail"), "post").join();
        vm.refresh().join();
        assertEquals(List.of("post"), List.copyOf(vm.protection().ids()), "the mark went with the jail");
        select("post");
        assertEquals("post is protected from destroy: remove its protection first (Jail \u25b8 Remove protection).",
                vm.whyNot(JailAction.DESTROY).get());
    }

    @Test
    void aFailureIsACalmNoticeWithDetails() {
        vm.refresh().join();
        vm.selection().setAll(List.of(jail("test-empty")));
        vm.startSelected().join();
        Notice n = notifier.notices().get(0);
        assertEquals(Notice.Kind.FAILURE, n.kind());
        assertTrue(n.message().startsWith("Start test-empty: "), n.message());
        assertTrue(n.message().contains("/bin/sh"), n.message());
        assertTrue(n.details().contains("IocageClientException"));
    }

    @Test
    void createAndCloneAddJails() {
        vm.refresh().join();
        vm.newJails().create("shop", "14.1-RELEASE", JailType.BASEJAIL, "boot=on").join();
        vm.refresh().join();
        assertEquals("basejail", jail("shop").type());
        vm.newJails().cloneJail(jail("mail"), "mail-copy", "priority=5").join();
        vm.refresh().join();
        assertEquals(14, vm.jails().size());
        assertEquals(List.of("hi"), vm.commands().exec(jail("db01"), "root", "echo hi").join().lines());
    }

    @Test
    void refreshesAskedForWhileOneRunsShareOneListingThatStartsAfterIt() throws Exception {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        CountDownLatch firstListed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger lists = new AtomicInteger();
        // The first listing is taken, then held until the test lets it go: a slow `iocage list` on a large pool.
        CommandRunner slowFirstList = spec -> {
            CommandResult r = sim.run(spec);
            if (spec.args().get(0).equals("list") && lists.incrementAndGet() == 1) {
                firstListed.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return r;
        };
        try (IocageHost slow = new IocageHost(slowFirstList, HostOptions.defaults())) {
            JailsViewModel v = new JailsViewModel(new IocageClient(new InProcessTransport(slow)), fxThread, new Messages(Locale.ENGLISH), notifier);
            CompletableFuture<Void> first = fxThread.submit(v::refresh).get();
            assertTrue(firstListed.await(10, TimeUnit.SECONDS));
            new IocageClient(new InProcessTransport(slow)).startJail("mail").get(10, TimeUnit.SECONDS);
            List<CompletableFuture<Void>> asked = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                asked.add(fxThread.submit(v::refresh).get());
            }
            assertTrue(fxThread.submit(() -> v.refreshing().get()).get());
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertEquals(2, lists.get(), "one listing ran, and one after it for the three asked meanwhile");
            assertEquals(JailState.UP, fxThread.submit(() -> v.jails().stream().filter(j -> j.tag().equals("mail"))
                    .findFirst().orElseThrow().state()).get(), "the shared listing started after the change");
            assertFalse(fxThread.submit(() -> v.refreshing().get() || v.stale().get()).get());
        }
    }
    /**
     * The background refresh comes when the interval has passed since the last listing ended, and on a host whose
     * listing is slow only after four times as long as it took (at most 10 minutes, within the server's token
     * lifetime): an idle window must not keep a large pool listing all the time.
     */
    @Test
    void theBackgroundRefreshWaitsLongerOnAHostWhoseListingIsSlow() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000);
        java.util.concurrent.atomic.AtomicLong listingTakes = new java.util.concurrent.atomic.AtomicLong(TimeUnit.SECONDS.toNanos(2));
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        CommandRunner timed = spec -> {
            if (spec.args().get(0).equals("list")) {
                now.addAndGet(listingTakes.get());
            }
            return sim.run(spec);
        };
        try (IocageHost timedHost = new IocageHost(timed, HostOptions.defaults())) {
            JailsViewModel v = new JailsViewModel(new IocageClient(new InProcessTransport(timedHost)), fxThread,
                    new Messages(Locale.ENGLISH), notifier);
            v.clock(now::get);
            java.time.Duration every = java.time.Duration.ofSeconds(30);
            java.util.function.LongFunction<Boolean> dueAfter = seconds -> {
                now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
                try {
                    return fxThread.submit(() -> v.backgroundRefreshDue(every)).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertTrue(dueAfter.apply(0), "nothing listed yet");

            fxThread.submit(v::refresh).get().get(10, TimeUnit.SECONDS); // a listing of 2 s
            assertFalse(dueAfter.apply(0));
            assertFalse(dueAfter.apply(29));
            assertTrue(dueAfter.apply(1), "the interval, counted from the end of the listing");

            listingTakes.set(TimeUnit.SECONDS.toNanos(90));
            fxThread.submit(v::refresh).get().get(10, TimeUnit.SECONDS);
            assertFalse(dueAfter.apply(30));
            assertFalse(dueAfter.apply(5 * 60 + 29));
            assertTrue(dueAfter.apply(1), "four times the 90 s it took");

            listingTakes.set(TimeUnit.MINUTES.toNanos(60));
            fxThread.submit(v::refresh).get().get(10, TimeUnit.SECONDS);
            assertFalse(dueAfter.apply(10 * 60 - 1));
            assertTrue(dueAfter.apply(1), "never more than 10 minutes");
        }
    }

    /** iocage run without root refuses changes: the notice says how to run it as root. */
    @Test
    void aRefusalForWantOfRootSaysHowToRunIocageAsRoot() throws Exception {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        CommandRunner notRoot = spec -> spec.args().get(0).equals("start")
                ? org.jaildesk.host.CommandResult.of(1, "", "You need to have root privileges to run start\n")
                : sim.run(spec);
        try (IocageHost userHost = new IocageHost(notRoot, HostOptions.defaults())) {
            JailsViewModel v = new JailsViewModel(new IocageClient(new InProcessTransport(userHost)), fxThread,
                    new Messages(Locale.ENGLISH), notifier);
            fxThread.submit(v::refresh).get().get(10, TimeUnit.SECONDS);
            fxThread.submit(() -> v.selection().setAll(v.jails().stream().filter(j -> j.tag().equals("mail")).toList())).get();
            fxThread.submit(v::startSelected).get().handle((x, e) -> null).get(10, TimeUnit.SECONDS);
            String shown = fxThread.submit(() -> notifier.notices().stream().map(n -> n.message()).toList()).get().toString();
            assertTrue(shown.contains("You need to have root privileges to run start"), shown);
            assertTrue(shown.contains("Host \u25b8 Run iocage on this machine"), shown);
        }
    }

    /** On a host that announces its changes, our own change costs one listing (the event's), not two. */
    @Test
    void ourOwnChangeIsListedOnceWhenTheHostAnnouncesIt() throws Exception {
        SimulatedIocage sim = new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON));
        AtomicInteger lists = new AtomicInteger();
        CommandRunner counting = spec -> {
            if (spec.args().get(0).equals("list")) {
                lists.incrementAndGet();
            }
            return sim.run(spec);
        };
        try (IocageHost announcing = new IocageHost(counting, HostOptions.defaults())) {
            IocageClient client = new IocageClient(new InProcessTransport(announcing));
            JailsViewModel v = new JailsViewModel(client, fxThread, new Messages(Locale.ENGLISH), notifier);
            client.onJailsChanged(() -> fxThread.execute(v::hostChanged));
            fxThread.submit(v::refresh).get().get(10, TimeUnit.SECONDS);
            Jail mail = fxThread.submit(() -> v.jails().stream().filter(j -> j.tag().equals("mail")).findFirst().orElseThrow()).get();

            lists.set(0);
            fxThread.submit(() -> v.selection().setAll(mail)).get();
            fxThread.submit(v::startSelected).get().get(10, TimeUnit.SECONDS);
            assertEquals(JailState.UP, fxThread.submit(() -> v.jails().stream().filter(j -> j.tag().equals("mail"))
                    .findFirst().orElseThrow().state()).get(), "the change shows once the action's future is done");
            assertEquals(1, lists.get(), "the event's listing, and none of our own besides");

            // A change that fails is not announced: the table still lists after it (iocage may have changed something).
            lists.set(0);
            CompletableFuture<?> failed = fxThread.submit(() -> v.newJails().create("bad", "99.0-RELEASE", JailType.BASEJAIL, "")).get();
            assertTrue(failed.handle((r, e) -> e != null).get(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lists.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1, lists.get(), "the failed create was followed by a listing of our own");
            assertTrue(fxThread.submit(() -> notifier.notices().stream().anyMatch(n -> n.message().startsWith("Create bad: "))).get(),
                    "named 'Create bad', not 'Create\u2026 bad'");
        }
    }
}
