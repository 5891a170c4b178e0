package org.jaildesk.ui.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.Transport;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status bar's pool: asked once the host answers, and not pressed on a host that cannot be reached. */
class HostAdminViewModelTest {

    private final Messages msg = new Messages(Locale.ENGLISH);
    private final ExecutorService fxThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
    private final IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
            HostOptions.defaults());

    @AfterEach
    void close() {
        fxThread.shutdownNow();
        host.close();
    }

    /** A transport whose host cannot be reached until {@code reachable} is set; it counts what it is asked. */
    private static class Unreachable implements Transport {
        final Transport inner;
        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile boolean reachable;

        Unreachable(Transport inner) {
            this.inner = inner;
        }

        private static <T> CompletableFuture<T> refused() {
            return CompletableFuture.failedFuture(new IocageClientException(IocageClientException.Kind.PROTOCOL_ERROR,
                    "login refused: wrong user name or password", "401", null));
        }

        @Override
        public CompletableFuture<Reply> send(Request request) {
            asked.add(request.action());
            return reachable ? inner.send(request) : refused();
        }

        @Override
        public CompletableFuture<Set<String>> extensions() {
            asked.add("rpc/query");
            return reachable ? inner.extensions() : refused();
        }
    }

    @Test
    void fetchingAReleaseMakesItAvailableAndABadNameRunsNothing() throws Exception {
        Unreachable t = new Unreachable(new InProcessTransport(host));
        t.reachable = true;
        Notifier notifier = new Notifier(msg);
        IocageClient client = new IocageClient(t);
        HostAdminViewModel vm = new HostAdminViewModel(client, fxThread, msg, notifier, () -> { });
        for (String bad : List.of("", "-f", "14.2-RELEASE; touch /tmp/x", "$(touch x)", "14.2-RELEASE\n", "../13.2-RELEASE",
                "14.2-RELEASE".repeat(1_000_000))) {
            assertThrows(java.util.concurrent.ExecutionException.class, () -> vm.fetch(bad).get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), t.asked, "nothing asked of the host");
        assertEquals(msg.get("release.invalid"), fxThread.submit(() -> notifier.notices().get(0).message()).get());

        assertFalse(client.listReleases().get(10, TimeUnit.SECONDS).contains("13.4-RELEASE"));
        vm.fetch("13.4-RELEASE").get(10, TimeUnit.SECONDS);
        assertTrue(t.asked.contains("fetchrelease"), t.asked.toString());
        assertTrue(client.listReleases().get(10, TimeUnit.SECONDS).contains("13.4-RELEASE"));
    }

    @Test
    void aHostThatDoesNotOfferFetchingIsNotAskedToFetch() throws Exception {
        Unreachable t = new Unreachable(new InProcessTransport(host)) {
            @Override
            public CompletableFuture<Set<String>> extensions() {
                asked.add("rpc/query");
                return CompletableFuture.completedFuture(Set.of()); // an original sysadm server
            }
        };
        t.reachable = true;
        Notifier notifier = new Notifier(msg);
        HostAdminViewModel vm = new HostAdminViewModel(new IocageClient(t), fxThread, msg, notifier, () -> { });
        assertThrows(java.util.concurrent.ExecutionException.class, () -> vm.fetch("13.4-RELEASE").get(10, TimeUnit.SECONDS));
        assertFalse(t.asked.contains("fetchrelease"), t.asked.toString());
        String shown = fxThread.submit(() -> notifier.notices().get(0).message()).get();
        assertTrue(shown.contains(msg.get("release.notOffered")), shown);
        // Nor asked for the mirror's releases: the fetch dialog says why it has no list.
        HostAdminViewModel.Offer offer = vm.offer().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), offer.releases());
        assertEquals(msg.get("release.noMirrorList"), offer.problem());
        assertFalse(t.asked.contains("listremotereleases"), t.asked.toString());
    }

    @Test
    void thePoolOfferIsTheHostsPoolsOrWhyNot() throws Exception {
        HostAdminViewModel vm = new HostAdminViewModel(new IocageClient(new InProcessTransport(host)), fxThread, msg,
                new Notifier(msg), () -> { });
        HostAdminViewModel.PoolOffer offer = vm.pools().get(10, TimeUnit.SECONDS);
        assertEquals("", offer.problem());
        assertEquals(List.of("tank", "backup"), offer.pools().stream().map(org.jaildesk.domain.HostPool::name).toList());

        Unreachable original = new Unreachable(new InProcessTransport(host)) {
            @Override
            public CompletableFuture<Set<String>> extensions() {
                asked.add("rpc/query");
                return CompletableFuture.completedFuture(Set.of()); // an original sysadm server
            }
        };
        original.reachable = true;
        HostAdminViewModel old = new HostAdminViewModel(new IocageClient(original), fxThread, msg, new Notifier(msg), () -> { });
        assertEquals(msg.get("pool.listUnsupported"), old.pools().get(10, TimeUnit.SECONDS).problem());
        assertFalse(original.asked.contains("listpools"), original.asked.toString());

        // A host's long refusal is one short line in the dialog.
        Unreachable refusing = new Unreachable(new InProcessTransport(host)) {
            @Override
            public CompletableFuture<Reply> send(Request request) {
                return CompletableFuture.failedFuture(new IocageClientException(IocageClientException.Kind.ACTION_FAILED,
                        "zpool failed (exit 1): " + "x".repeat(10_000_000)));
            }
        };
        refusing.reachable = true;
        String problem = new HostAdminViewModel(new IocageClient(refusing), fxThread, msg, new Notifier(msg), () -> { })
                .pools().get(10, TimeUnit.SECONDS).problem();
        assertTrue(problem.startsWith("zpool failed (exit 1): xxx") && problem.length() < 400, problem.substring(0, 40));
    }

    @Test
    void theFetchOfferIsTheMirrorsReleasesWithThoseFetched() throws Exception {
        HostAdminViewModel vm = new HostAdminViewModel(new IocageClient(new InProcessTransport(host)), fxThread, msg,
                new Notifier(msg), () -> { });
        HostAdminViewModel.Offer offer = vm.offer().get(10, TimeUnit.SECONDS);
        assertEquals("", offer.problem());
        assertEquals(8, offer.releases().size());
        assertEquals(Set.of("13.2-RELEASE", "14.1-RELEASE"), offer.fetched());
    }

    @Test
    void aHostThatRefusedTheLoginIsAskedNothingMoreAndTheNextAttemptFindsThePool() throws Exception {
        Unreachable t = new Unreachable(new InProcessTransport(host));
        HostAdminViewModel vm = new HostAdminViewModel(new IocageClient(t), fxThread, msg, new Notifier(msg), () -> { });
        vm.refreshPool().get(10, TimeUnit.SECONDS);
        // Each request to an unreachable remote host is a login attempt, and each attempt asks for the password.
        assertEquals(List.of("rpc/query"), t.asked, "no pool question after the host could not be asked at all");
        assertEquals(msg.get("pool.unknown"), fxThread.submit(() -> vm.pool().get()).get());
        assertEquals("", fxThread.submit(() -> vm.activePool().get()).get(), "an unknown pool is nothing to deactivate");

        t.reachable = true;
        vm.refreshPool().get(10, TimeUnit.SECONDS);
        assertEquals("tank", fxThread.submit(() -> vm.pool().get()).get());
        assertEquals("tank", fxThread.submit(() -> vm.activePool().get()).get());
    }

    @Test
    void deactivatingAsksNothingOfTheHostForNoPoolOrABadName() throws Exception {
        Unreachable t = new Unreachable(new InProcessTransport(host));
        t.reachable = true;
        Notifier notifier = new Notifier(msg);
        HostAdminViewModel vm = new HostAdminViewModel(new IocageClient(t), fxThread, msg, notifier, () -> { });
        for (String bad : java.util.Arrays.asList(null, "", msg.get("pool.none"), "-f", "a;b", "$(x)",
                "tank\n", "tank".repeat(2_500_000))) {
            assertThrows(java.util.concurrent.ExecutionException.class, () -> vm.deactivate(bad).get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), t.asked, "nothing asked of the host");
        assertEquals("enter a pool name", fxThread.submit(() -> notifier.notices().get(0).message()).get());

        vm.deactivate("tank").handle((r, e) -> null).get(10, TimeUnit.SECONDS);
        assertTrue(t.asked.contains("deactivatepool"), t.asked.toString());
    }

    @Test
    void aBadPoolNameIsQuotedShortAndInTheWindowsLanguage() {
        HostAdminViewModel vm = new HostAdminViewModel(new IocageClient(new InProcessTransport(host)), fxThread,
                new Messages(Locale.GERMAN), new Notifier(msg), () -> { });
        String huge = vm.poolNameProblem("a;" + "b".repeat(10 * 1024 * 1024)).orElseThrow();
        assertTrue(huge.startsWith("'a;bbbb") && huge.length() < 200, huge.length() + " characters");
        assertEquals("'tank\\u000arm' ist kein ZFS-Pool-Name: er beginnt mit einem Buchstaben und enthält Buchstaben, Ziffern, _ . -",
                vm.poolNameProblem("tank\nrm").orElseThrow());
        assertEquals("einen Pool-Namen angeben", vm.poolNameProblem(" ").orElseThrow());
        assertTrue(vm.poolNameProblem("backup_2.x-1").isEmpty());
    }

    @Test
    void aCleanThatWouldDestroyAProtectedJailOrTemplateRefusesWhole() throws Exception {
        Set<String> marked = Set.of("mail", "tmpl-web");
        Notifier notifier = new Notifier(msg);
        IocageClient client = new IocageClient(new InProcessTransport(host));
        HostAdminViewModel vm = new HostAdminViewModel(client, fxThread, msg, notifier, () -> { }, marked::contains);
        for (HostAdminViewModel.Clean kind : List.of(HostAdminViewModel.Clean.JAILS, HostAdminViewModel.Clean.RELEASES,
                HostAdminViewModel.Clean.ALL)) {
            HostAdminViewModel.Preview p = vm.preview(kind).get(10, TimeUnit.SECONDS);
            assertEquals(kind == HostAdminViewModel.Clean.ALL ? List.of("mail", "tmpl-web") : List.of("mail"), p.protectedNames(),
                    kind.toString());
            assertThrows(java.util.concurrent.ExecutionException.class, () -> vm.clean(p, p.word()).get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("tmpl-web"), vm.preview(HostAdminViewModel.Clean.TEMPLATES).get(10, TimeUnit.SECONDS).protectedNames());
        assertEquals(List.of(), vm.preview(HostAdminViewModel.Clean.IMAGES).get(10, TimeUnit.SECONDS).protectedNames());
        String shown = fxThread.submit(() -> notifier.notices().get(0).message()).get();
        assertEquals("Not cleaned: mail protected from destroy.", shown);
        assertEquals(12, client.listJails().get(10, TimeUnit.SECONDS).size(), "nothing was cleaned");

        // Without a mark the same clean runs.
        HostAdminViewModel free = new HostAdminViewModel(client, fxThread, msg, notifier, () -> { });
        HostAdminViewModel.Preview p = free.preview(HostAdminViewModel.Clean.JAILS).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), p.protectedNames());
        free.clean(p, "jails").get(10, TimeUnit.SECONDS);
        assertEquals(0, client.listJails().get(10, TimeUnit.SECONDS).size());
    }

    @Test
    void aLongListOfProtectedNamesIsCut() {
        HostAdminViewModel vm = new HostAdminViewModel(new IocageClient(new InProcessTransport(host)), fxThread, msg,
                new Notifier(msg), () -> { });
        assertEquals("a, b", vm.named(List.of("a", "b")));
        assertEquals("j0, j1, j2, j3, j4, j5, 3 more", vm.named(java.util.stream.IntStream.range(0, 9).mapToObj(i -> "j" + i).toList()));
    }
}
