package org.jaildesk.ui.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.Transport;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.protocol.ErrorCode;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.junit.jupiter.api.Test;

/** What the Snapshots tab says when there is nothing to list, and that an older answer never replaces a newer one. */
class SnapshotsViewModelTest {

    private final Messages msg = new Messages(Locale.ENGLISH);

    private SnapshotsViewModel vm(Transport t) {
        return new SnapshotsViewModel(new IocageClient(t), Runnable::run, msg, new Notifier(msg));
    }

    @Test
    void theOriginalSysadmServerHasNoSnapshotsAndIsNotAsked() {
        List<Request> sent = new ArrayList<>();
        SnapshotsViewModel vm = vm(r -> {
            sent.add(r);
            return new CompletableFuture<>();
        });
        vm.load("web").join();
        assertEquals("This host does not offer snapshots: its server is not JailDesk's.", vm.placeholder().get());
        assertFalse(vm.supported().get(), "the buttons stay off");
        assertEquals(List.of(), sent, "no listsnapshots to a host that does not advertise it");
    }

    /** Several jails' snapshots ask the host itself whether it offers them; one that does not is told of, once. */
    @Test
    void aHostIsAskedWhetherItOffersSnapshotsForSeveralJails() {
        Notifier notifier = new Notifier(msg);
        SnapshotsViewModel none = new SnapshotsViewModel(new IocageClient(r -> new CompletableFuture<>()), Runnable::run,
                msg, notifier);
        assertFalse(none.offered("Take snapshot").join());
        assertEquals(List.of("This host does not offer snapshots: its server is not JailDesk's."),
                notifier.notices().stream().map(n -> n.message()).toList());
        SnapshotsViewModel some = vm(new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request r) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletableFuture<Set<String>> extensions() {
                return CompletableFuture.completedFuture(Set.of(SnapshotsViewModel.EXTENSION));
            }
        });
        assertTrue(some.offered("Take snapshot").join());
    }

    @Test
    void aFailedListingSaysWhyInThePlaceholder() {
        SnapshotsViewModel vm = vm(new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request r) {
                return CompletableFuture.completedFuture(ErrorReply.of(r.id(), ErrorCode.INTERNAL, "zfs: pool tank is suspended"));
            }

            @Override
            public CompletableFuture<Set<String>> extensions() {
                return CompletableFuture.completedFuture(Set.of(SnapshotsViewModel.EXTENSION));
            }
        });
        vm.load("web").join();
        assertTrue(vm.placeholder().get().startsWith("The snapshots of web could not be read: "), vm.placeholder().get());
        assertTrue(vm.placeholder().get().contains("zfs: pool tank is suspended"), vm.placeholder().get());
        assertEquals(List.of(), vm.rows());
    }

    @Test
    void aSlowAnswerForTheJailSelectedBeforeIsDropped() {
        CompletableFuture<Reply> slow = new CompletableFuture<>();
        try (IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            InProcessTransport real = new InProcessTransport(host);
            new IocageClient(real).takeSnapshot("db01", "kept").join();
            SnapshotsViewModel vm = vm(new Transport() {
                @Override
                public CompletableFuture<Reply> send(Request r) {
                    return r.args().path("jail").asText().equals("mail") ? slow : real.send(r);
                }

                @Override
                public CompletableFuture<Set<String>> extensions() {
                    return real.extensions();
                }
            });
            CompletableFuture<Void> first = vm.load("mail");
            vm.load("db01").join();
            assertEquals("kept", vm.rows().get(0).name());
            slow.complete(ErrorReply.of("x", ErrorCode.INTERNAL, "late"));
            first.join();
            assertEquals("db01", vm.subject().get());
            assertEquals(1, vm.rows().size(), "mail's late answer did not replace db01's list");
            assertFalse(vm.placeholder().get().contains("late"));
        }
    }

    /**
     * Our own change is read once: by the host's change event, not again when its reply comes. A failed change is not
     * announced, so its reply reads the list again.
     */
    @Test
    void ourOwnAnnouncedChangeIsReadOnce() {
        try (IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            InProcessTransport real = new InProcessTransport(host);
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            IocageClient client = new IocageClient(new Transport() {
                @Override
                public CompletableFuture<Reply> send(Request r) {
                    if (r.args().path("action").asText().equals("listsnapshots")) {
                        reads.incrementAndGet();
                    }
                    return real.send(r);
                }

                @Override
                public CompletableFuture<Set<String>> extensions() {
                    return real.extensions();
                }

                @Override
                public AutoCloseable onEvent(java.util.function.Consumer<org.jaildesk.protocol.Event> listener) {
                    return real.onEvent(listener);
                }
            });
            SnapshotsViewModel vm = new SnapshotsViewModel(client, Runnable::run, msg, new Notifier(msg));
            client.onJailsChanged(() -> vm.hostChanged(true));
            vm.load("mail").join();
            assertEquals(1, reads.get());
            vm.take("mail", "s1").join();
            vm.ready().join();
            assertEquals(2, reads.get(), "read by the change event only");
            assertEquals(List.of("s1"), vm.rows().stream().map(org.jaildesk.domain.JailSnapshot::name).toList());
            vm.remove("mail", "nosuch").handle((x, e) -> null).join();
            vm.ready().join();
            assertEquals(3, reads.get(), "a failed change, not announced, is read after its reply");
        }
    }
}
