package org.jaildesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** create, start, exec, stop, clone, set, destroy, clean: after each step the listing and df agree. */
class DemoHostScenarioTest {

    private static void agree(IocageClient c) {
        List<Jail> jails = c.listJails().join();
        List<DiskUsage> df = c.df().join();
        Set<String> listed = jails.stream().map(Jail::id).collect(Collectors.toSet());
        Set<String> used = df.stream().map(DiskUsage::id).collect(Collectors.toSet());
        assertEquals(listed, used, "every listed jail has a df row and no other");
        Map<String, String> tags = jails.stream().collect(Collectors.toMap(Jail::id, Jail::tag));
        df.forEach(d -> assertEquals(tags.get(d.id()), d.tag(), "df and list name the same jail"));
    }

    private static Jail jail(IocageClient c, String id) {
        return c.listJails().join().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void aDayOnTheDemoHost(SimulatedIocage.Flavor flavor) {
        try (IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(flavor)),
                HostOptions.defaults())) {
            IocageClient c = new IocageClient(new InProcessTransport(host));
            agree(c);
            long usedBefore = c.df().join().stream().mapToLong(d -> d.used().bytes()).sum();

            String id = c.createJail("tag=shop release=14.1-RELEASE", "").join().id();
            agree(c);
            assertEquals(JailState.DOWN, jail(c, id).state());
            assertTrue(c.df().join().stream().mapToLong(d -> d.used().bytes()).sum() > usedBefore, "creating a jail uses space");

            c.startJail(id).join();
            agree(c);
            Jail up = jail(c, id);
            assertEquals(JailState.UP, up.state());
            assertTrue(up.jid().isPresent());

            assertEquals(List.of("root"), c.execJail(id, "root", "whoami").join().lines());

            c.stopJail(id).join();
            agree(c);
            assertEquals(JailState.DOWN, jail(c, id).state());

            String clone = c.cloneJail(id, "tag=shop-staging").join().id();
            agree(c);
            assertEquals("shop-staging", jail(c, clone).tag());

            c.setJailSettings(clone, Map.of("quota", "10G", "boot", "on")).join();
            agree(c);
            assertTrue(jail(c, clone).boot());
            DiskUsage staging = c.df().join().stream().filter(d -> d.id().equals(clone)).findFirst().orElseThrow();
            assertEquals("10G", staging.quota().text());

            c.destroyJail(clone).join();
            agree(c);
            assertTrue(c.listJails().join().stream().noneMatch(j -> j.id().equals(clone)));

            c.cleanJails().join();
            agree(c);
            assertEquals(List.of(), c.listJails().join());
            assertEquals(List.of(), c.df().join());
        }
    }
}
