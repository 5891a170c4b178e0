package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.protocol.Request;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.junit.jupiter.api.Test;

/** The releases an upgrade can go to: newer ones only, newest first, and a host asked only what it offers. */
class JailUpkeepTest {

    private final Messages msg = new Messages(Locale.ENGLISH);

    private static Jail jail(String name, String type, String release) {
        return new Jail(name, name, null, JailState.DOWN, false, type, release, "-", "-", "-");
    }

    private JailUpkeep upkeep(IocageClient client) {
        return new JailUpkeep(client, msg, new Notifier(msg), new NewJails.After() {
            @Override
            public <T> CompletableFuture<T> apply(CompletableFuture<T> change, String what) {
                return change;
            }
        });
    }

    @Test
    void newerReleasesOnlyNewestFirstWithTheHostsOwn() {
        try (IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            JailUpkeep.Offer offer = upkeep(new IocageClient(new InProcessTransport(host)))
                    .targets(List.of(jail("web01", "basejail", "14.1-RELEASE-p2"))).join();
            assertEquals(List.of("15.0-RELEASE", "14.2-RELEASE"), offer.targets());
            assertEquals(List.of("13.2-RELEASE", "14.1-RELEASE"), offer.fetched());
            JailUpkeep.Offer two = upkeep(new IocageClient(new InProcessTransport(host)))
                    .targets(List.of(jail("web01", "basejail", "14.1-RELEASE-p2"), jail("mail", "jail", "13.2-RELEASE-p4"))).join();
            assertEquals(List.of("15.0-RELEASE", "14.2-RELEASE", "14.1-RELEASE", "14.0-RELEASE", "13.4-RELEASE", "13.3-RELEASE"),
                    two.targets(), "an upgrade for at least one of them");
        }
    }

    /** The original sysadm server lists no releases: it is not asked, and nothing is offered (a name can be typed). */
    @Test
    void aHostWithoutTheListingsIsNotAsked() {
        List<Request> sent = new ArrayList<>();
        JailUpkeep.Offer offer = upkeep(new IocageClient(r -> {
            sent.add(r);
            return new CompletableFuture<>();
        })).targets(List.of(jail("mail", "jail", "13.2-RELEASE-p4"))).join();
        assertEquals(List.of(), offer.targets());
        assertNull(offer.fetched(), "not known");
        assertEquals(List.of(), sent);
    }
}
