package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.client.Transport;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.protocol.Reply;
import org.jaildesk.protocol.Request;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.settings.Setting;
import org.jaildesk.ui.settings.SettingsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {

    private final IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
            HostOptions.defaults());
    private final Messages msg = new Messages(Locale.ENGLISH);
    /** The app runs view-model work on the FX thread; here one stand-in thread serializes it the same way. */
    private final ExecutorService fxThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));

    @AfterEach
    void close() {
        fxThread.shutdownNow();
        host.close();
    }

    private SettingsViewModel vm(Transport t, boolean defaults) {
        return new SettingsViewModel(new IocageClient(t), fxThread, msg, new Notifier(msg), defaults);
    }

    private static Setting setting(SettingsViewModel vm, String key) {
        return vm.settings().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void marksOverridesReadOnlyAndRestartAgainstTheDefaults() {
        SettingsViewModel vm = vm(new InProcessTransport(host), false);
        vm.load("db01").join();
        assertTrue(setting(vm, "priority").override());
        assertEquals("99", setting(vm, "priority").defaultValue());
        assertFalse(setting(vm, "securelevel").override());
        assertTrue(setting(vm, "release").readOnly());
        assertTrue(setting(vm, "vnet").needsRestart());
        assertEquals("on", setting(vm, "boot").value(), "booleans read as on/off");
        assertTrue(vm.editable().get());
    }

    /** Over a new remote host the first query fails until its certificate is accepted; that must not stick. */
    @Test
    void aHostThatCouldNotBeAskedAtFirstIsAskedAgainAndBecomesEditable() {
        InProcessTransport inner = new InProcessTransport(host);
        int[] asked = {0};
        Transport firstUnreachable = new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request request) {
                return inner.send(request);
            }

            @Override
            public CompletableFuture<java.util.Set<String>> extensions() {
                return asked[0]++ == 0 ? CompletableFuture.failedFuture(new java.io.IOException("certificate not accepted yet"))
                        : inner.extensions();
            }
        };
        SettingsViewModel vm = vm(firstUnreachable, false);
        vm.load("db01").join();
        assertFalse(vm.editable().get(), "while the host cannot be asked, nothing is offered for editing");
        vm.load("db01").join();
        assertTrue(vm.editable().get(), "once the host answers, its extensions count");
        vm.load("mail").join();
        assertEquals(2, asked[0], "the host's own answer is kept");
    }

    @Test
    void severalEditsAtOnceSayWhatTheSheetCannotTake() {
        SettingsViewModel vm = vm(new InProcessTransport(host), false);
        vm.load("web02").join();
        vm.editAll(new java.util.LinkedHashMap<>(java.util.Map.of("ip4_addr", "vnet0|192.168.1.32/24", "release", "x",
                "no_such_setting", "1")));
        assertEquals(java.util.Map.of("ip4_addr", "vnet0|192.168.1.32/24"), vm.edits());
        assertEquals(java.util.Set.of("release", "no_such_setting"), vm.invalid().keySet(), "said, not left out");
        assertTrue(vm.invalid().get("no_such_setting").contains("no_such_setting"), vm.invalid().toString());
    }

    @Test
    void editsValidateDiffAndApplyToEveryTarget() {
        SettingsViewModel vm = vm(new InProcessTransport(host), false);
        vm.load("mail").join();
        assertTrue(vm.edit("priority", "500").isPresent());
        assertTrue(vm.invalid().containsKey("priority"));
        assertTrue(vm.edit("priority", "7").isEmpty());
        assertTrue(vm.invalid().isEmpty());
        assertTrue(vm.edit("boot", "off").isEmpty());
        assertFalse(vm.edits().containsKey("boot"), "the same value is no edit");
        assertTrue(vm.edit("release", "x").isPresent(), "read-only");
        assertEquals(List.of(new SettingsViewModel.Change("mail", "priority", "99", "7"),
                new SettingsViewModel.Change("proxy", "priority", "99", "7")), vm.diff(List.of("mail", "proxy")));
        vm.apply(List.of("mail", "proxy")).join();
        assertEquals("7", setting(vm, "priority").value());
        SettingsViewModel other = vm(new InProcessTransport(host), false);
        other.load("proxy").join();
        assertEquals("7", setting(other, "priority").value());
    }

    @Test
    void defaultsCanBeEditedIncludingDefaultsOnlyProperties() {
        SettingsViewModel vm = vm(new InProcessTransport(host), true);
        vm.load(null).join();
        assertEquals("default", vm.subject().get());
        assertFalse(setting(vm, "nat_prefix").readOnly());
        assertTrue(vm.edit("nat_prefix", "10.7").isEmpty());
        vm.apply(List.of(SettingsViewModel.DEFAULTS)).join();
        assertEquals("10.7", setting(vm, "nat_prefix").value());
    }

    @Test
    void aHostWithoutSetjailsettingsIsReadOnlyAndSaysWhy() {
        InProcessTransport inner = new InProcessTransport(host);
        Transport plain = new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request r) {
                return inner.send(r);
            }
        };
        SettingsViewModel vm = vm(plain, false);
        vm.load("db01").join();
        assertFalse(vm.editable().get());
        assertTrue(vm.readOnlyReason().get().startsWith("This host cannot change settings"));
        vm.edit("priority", "5");
        vm.apply(List.of("db01")).join();
        assertEquals("10", setting(vm, "priority").value(), "nothing was sent");
    }

    /**
     * A snapshot of each jail first, where chosen: the rollback that undoes the change. A jail whose snapshot cannot be
     * taken keeps its settings, and the notice says why; the others go on.
     */
    @Test
    void aSnapshotFirstIsTakenOfEachJailAndOneThatFailsKeepsItsSettings() throws Exception {
        InProcessTransport inner = new InProcessTransport(host);
        Transport proxyBusy = new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request r) {
                if ("snapshotjail".equals(r.action()) && r.args().toString().contains("\"proxy\"")) {
                    return CompletableFuture.failedFuture(new org.jaildesk.client.IocageClientException(
                            org.jaildesk.client.IocageClientException.Kind.ACTION_FAILED, "dataset is busy"));
                }
                return inner.send(r);
            }

            @Override
            public CompletableFuture<java.util.Set<String>> extensions() {
                return inner.extensions();
            }
        };
        Notifier notifier = new Notifier(msg);
        List<String> status = new java.util.concurrent.CopyOnWriteArrayList<>();
        notifier.status().addListener((o, was, now) -> status.add(now));
        SettingsViewModel vm = new SettingsViewModel(new IocageClient(proxyBusy), fxThread, msg, notifier, false);
        assertTrue(vm.canSnapshotFirst().join());
        assertFalse(vm(new InProcessTransport(host), true).canSnapshotFirst().join(), "the defaults are no jail's");
        assertFalse(vm(new Transport() {
            @Override
            public CompletableFuture<Reply> send(Request r) {
                return inner.send(r);
            }
        }, false).canSnapshotFirst().join(), "the original sysadm server has no snapshots");
        vm.load("mail").join();
        assertTrue(vm.edit("priority", "7").isEmpty());
        vm.apply(List.of("mail", "proxy"), true).join();

        IocageClient client = new IocageClient(inner);
        List<String> mailSnapshots = client.listSnapshots("mail").join().stream().map(org.jaildesk.domain.JailSnapshot::name).toList();
        String taken = mailSnapshots.stream().filter(n -> n.startsWith("before_settings_")).findFirst().orElseThrow(
                () -> new AssertionError(mailSnapshots.toString()));
        assertTrue(taken.matches("before_settings_\\d{4}-\\d\\d-\\d\\d_\\d\\d:\\d\\d:\\d\\d"), taken);
        assertEquals("7", setting(vm, "priority").value());
        SettingsViewModel other = vm(inner, false);
        other.load("proxy").join();
        assertEquals("99", setting(other, "priority").value(), "proxy's snapshot failed: its settings stay");
        List<String> said = fxThread.submit(() -> notifier.notices().stream().map(n -> n.message()).toList()).get();
        assertTrue(status.stream().anyMatch(m -> m.startsWith("Settings of mail applied.") && m.endsWith(
                "To undo them, roll mail back to its snapshot " + taken + " (Snapshots tab).")), status.toString());
        assertTrue(said.stream().anyMatch(m -> m.startsWith("Settings of proxy not changed: its snapshot " + taken
                + " could not be taken first") && m.contains("dataset is busy")), said.toString());
    }
}
