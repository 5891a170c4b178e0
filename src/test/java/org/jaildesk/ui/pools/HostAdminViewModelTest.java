package org.jaildesk.ui.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    private static final class Unreachable implements Transport {
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
    void aHostThatRefusedTheLoginIsAskedNothingMoreAndTheNextAttemptFindsThePool() throws Exception {
        Unreachable t = new Unreachable(new InProcessTransport(host));
        HostAdminViewModel vm = new HostAdminViewModel(new IocageClient(t), fxThread, msg, new Notifier(msg), () -> { });
        vm.refreshPool().get(10, TimeUnit.SECONDS);
        // Each request to an unreachable remote host is a login attempt, and each attempt asks for the password.
        assertEquals(List.of("rpc/query"), t.asked, "no pool question after the host could not be asked at all");
        assertEquals(msg.get("pool.unknown"), fxThread.submit(() -> vm.pool().get()).get());

        t.reachable = true;
        vm.refreshPool().get(10, TimeUnit.SECONDS);
        assertEquals("tank", fxThread.submit(() -> vm.pool().get()).get());
    }
}
