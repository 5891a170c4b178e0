package org.jaildesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jaildesk.client.CreatedJail;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.JobOutput;
import org.jaildesk.client.PropertyRow;
import org.jaildesk.client.SettingsChange;
import org.jaildesk.domain.DiskUsage;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailSettings;
import org.jaildesk.domain.JailState;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every seed action and every extension, through the typed client, the in-process transport and IocageHost, over
 * the simulator in both dialects. The client only accepts the seed's shapes, so a reply that parses has the shape.
 */
class DemoHostRoundTripTest {

    private IocageHost host;

    private IocageClient client(SimulatedIocage.Flavor flavor) {
        host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(flavor)), HostOptions.defaults());
        return new IocageClient(new InProcessTransport(host));
    }

    @AfterEach
    void close() {
        host.close();
    }

    private static String idOf(IocageClient c, String tag) {
        return c.listJails().join().stream().filter(j -> j.tag().equals(tag)).findFirst().orElseThrow().id();
    }

    private static IocageClientException failure(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return assertInstanceOf(IocageClientException.class, e.getCause());
    }

    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void readsListingsSettingsAndDiskUsage(SimulatedIocage.Flavor flavor) {
        IocageClient c = client(flavor);
        List<Jail> jails = c.listJails().join();
        assertEquals(12, jails.size());
        Jail db01 = jails.stream().filter(j -> j.tag().equals("db01")).findFirst().orElseThrow();
        assertEquals(JailState.UP, db01.state());
        assertTrue(db01.jid().isPresent());
        assertTrue(db01.boot());

        JailSettings defaults = c.getDefaultSettings().join();
        assertTrue(defaults.values().size() > 90);
        JailSettings all = c.getJailSettings(db01.id()).join();
        assertEquals("10", all.get("priority"));
        assertEquals(all.values(), c.getAllJailSettings(db01.id()).join().values());
        assertEquals("10", c.getJailSetting(db01.id(), "priority").join());
        List<PropertyRow> across = c.getSettingOfAllJails("priority").join();
        assertEquals(12, across.size());

        List<DiskUsage> df = c.df().join();
        assertEquals(12, df.size());
        DiskUsage mail = df.stream().filter(d -> d.tag().equals("mail")).findFirst().orElseThrow();
        assertEquals("20G", mail.quota().text());
        assertTrue(mail.quotaPressure() > 0.1 && mail.quotaPressure() < 0.5);
    }

    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void startsStopsAndSaysWhenNothingWasNeeded(SimulatedIocage.Flavor flavor) {
        IocageClient c = client(flavor);
        String mail = idOf(c, "mail");
        JobOutput started = c.startJail(mail).join();
        assertFalse(started.alreadyInState());
        assertTrue(started.lines().get(0).startsWith("* Starting"));
        assertTrue(c.startJail(mail).join().alreadyInState(), "already running");
        assertFalse(c.stopJail(mail).join().alreadyInState());
        assertTrue(c.stopJail(mail).join().alreadyInState(), "not running");
        assertFalse(c.restartJail(idOf(c, "db01")).join().lines().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void createsClonesExecsAndDestroys(SimulatedIocage.Flavor flavor) {
        IocageClient c = client(flavor);
        CreatedJail made = c.createJail("tag=web09 release=14.1-RELEASE", "").join();
        assertEquals("web09", made.tag());
        CreatedJail empty = c.createJail("tag=scratch", "-e").join();
        assertFalse(empty.id().isEmpty());
        CreatedJail clone = c.cloneJail(idOf(c, "mail"), "tag=mail2").join();
        assertEquals("mail2", clone.tag());
        assertEquals(15, c.listJails().join().size());
        c.startJail(made.id()).join();
        assertEquals(List.of("hi"), c.execJail(made.id(), "root", "echo hi").join().lines());
        // jot N, to try a long output in the console: 1 to N, for N up to 100,000.
        assertEquals(List.of("1", "2", "3"), c.execJail(made.id(), "root", "jot 3").join().lines());
        List<String> many = c.execJail(made.id(), "root", "jot 100000").join().lines();
        assertEquals(100_000, many.size());
        assertEquals("100000", many.get(many.size() - 1));
        String tooMany = failure(c.execJail(made.id(), "root", "jot 100001")).getMessage();
        assertTrue(tooMany.contains("jot"), tooMany);
        // freebsd-version as admins type it: one line per flag of -k, -r, -u.
        List<String> userland = c.execJail(made.id(), "root", "freebsd-version").join().lines();
        assertEquals(1, userland.size());
        assertTrue(userland.get(0).startsWith("14.1-RELEASE"), userland.toString());
        assertEquals(List.of(userland.get(0), userland.get(0)), c.execJail(made.id(), "root", "freebsd-version -ku").join().lines());
        // A command that fails: what it printed comes with the failure.
        Throwable failed = failure(c.execJail(made.id(), "root", "nosuchcommand"));
        assertEquals(List.of("sh: nosuchcommand: not found"), ((org.jaildesk.client.IocageClientException) failed).output());
        assertTrue(failure(c.destroyJail(made.id())).getMessage().contains("is running"));
        c.stopJail(made.id()).join();
        assertEquals(made.id(), c.destroyJail(made.id()).join());
        assertEquals(14, c.listJails().join().size());
    }

    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void extensionsAnswerInTheirDocumentedShapes(SimulatedIocage.Flavor flavor) {
        IocageClient c = client(flavor);
        String proxy = idOf(c, "proxy");
        SettingsChange change = c.setJailSettings(proxy, Map.of("priority", "42", "vnet", "on")).join();
        assertEquals(List.of("vnet"), change.needRestart());
        assertEquals("42", c.getJailSetting(proxy, "priority").join());
        assertEquals(Optional.of("tank"), c.activateStatus().join());
        assertEquals(List.of("13.2-RELEASE", "14.1-RELEASE"), c.listReleases().join());
        assertEquals(1, c.listTemplates().join().size());
        assertEquals("release 14.2-RELEASE fetched.", c.fetchRelease("14.2-RELEASE").join());
        assertTrue(c.listReleases().join().contains("14.2-RELEASE"));
        assertEquals("pool tank activated.".replace("tank", "backup"),
                flavor == SimulatedIocage.Flavor.LEGACY ? stopAllThenActivate(c, "backup") : c.activatePool("backup").join());
        assertEquals(Optional.of("backup"), c.currentPool().join());
        // Each pool has its own datasets: the other pool's jails, releases and templates are not seen meanwhile.
        assertEquals(List.of(), c.listJails().join());
        assertEquals(List.of(), c.listReleases().join());
        assertEquals(List.of(), c.listTemplates().join());
        c.activatePool("tank").join();
        assertEquals(12, c.listJails().join().size(), "back on tank, its jails are there again");
        assertTrue(c.listReleases().join().contains("14.2-RELEASE"));
    }

    private static String stopAllThenActivate(IocageClient c, String pool) {
        // Legacy iocage refuses to change pools while jails run.
        assertTrue(failure(c.activatePool(pool)).getMessage().contains("all jails are stopped"));
        c.listJails().join().stream().filter(Jail::isRunning).forEach(j -> c.stopJail(j.id()).join());
        return c.activatePool(pool).join();
    }

    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void cleansAndPoolActions(SimulatedIocage.Flavor flavor) {
        IocageClient c = client(flavor);
        assertEquals("All templates have been cleaned.", c.cleanTemplates().join());
        assertEquals("All jails have been cleaned.", c.cleanJails().join());
        assertEquals(List.of(), c.listJails().join());
        assertEquals("All RELEASEs have been cleaned.", c.cleanReleases().join());
        assertEquals(List.of(), c.listReleases().join());
        assertEquals("All iocage datasets have been cleaned.", c.cleanAll().join());
        if (flavor == SimulatedIocage.Flavor.LEGACY) {
            assertEquals("pool tank deactivated.", c.deactivatePool("tank").join());
            assertEquals(Optional.empty(), c.activateStatus().join());
            assertTrue(failure(c.listJails()).getMessage().contains("you need to activate a pool"), "pool not active");
            assertEquals("jail x capped.", c.capJail(idOf(restore(c), "x")).join().replace(idOf(c, "x"), "x"));
        } else {
            assertTrue(failure(c.deactivatePool("tank")).getMessage().contains("not supported by iocage 1.13"));
            assertTrue(failure(c.capJail("db01")).getMessage().contains("not supported"));
        }
    }

    private static IocageClient restore(IocageClient c) {
        c.activatePool("tank").join();
        c.fetchRelease("14.1-RELEASE").join();
        c.createJail("tag=x release=14.1-RELEASE", "").join();
        c.startJail(idOf(c, "x")).join();
        return c;
    }

    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void iocagesErrorsComeBackAsActionFailures(SimulatedIocage.Flavor flavor) {
        IocageClient c = client(flavor);
        assertTrue(failure(c.startJail("nosuch")).getMessage().contains("nosuch"), "unknown jail");
        assertEquals(IocageClientException.Kind.ACTION_FAILED, failure(c.getJailSettings("nosuch")).kind());
        String missing = flavor == SimulatedIocage.Flavor.PYTHON ? "99.0-RELEASE was not found!" : "not found locally";
        assertTrue(failure(c.createJail("tag=y release=99.0-RELEASE", "")).getMessage().contains(missing), "release not fetched");
        assertTrue(failure(c.destroyJail(idOf(c, "db01"))).getMessage().contains("is running: stop it first"));
        assertTrue(failure(c.execJail(idOf(c, "mail"), "root", "id")).getMessage().length() > 0, "exec in a stopped jail");
        assertEquals(IocageClientException.Kind.PROTOCOL_ERROR, failure(c.startJail("-f")).kind());
    }
}
