package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jaildesk.client.KnownHosts;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.host.HostOptions;
import org.jaildesk.host.IocageHost;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.server.ServerConfig;
import org.jaildesk.server.SysadmServer;
import org.jaildesk.server.UserStore;
import org.jaildesk.sim.SimulatedIocage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.connect.HostConnector;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.jobs.JobRow;
import org.jaildesk.ui.jobs.JobsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop looks the jobs it left running on a remote host up in that host's audit log as soon as it is connected
 * there again, without the user opening anything.
 */
class LeftJobsOnConnectTest {

    @TempDir
    Path dir;

    private static final String PASSWORD = "a long passphrase";

    @Test
    void connectingToAHostSettlesTheJobsLeftRunningThere() throws Exception {
        Instant started = Instant.now().minusSeconds(120);
        Path state = dir.resolve("server");
        Files.createDirectories(state);
        UserStore users = UserStore.load(state.resolve("users"));
        users.put("admin", PASSWORD.toCharArray());
        // What the server wrote while this desktop was closed: the start's end, under the id it was sent with.
        Files.writeString(state.resolve("audit.log"), started.plusSeconds(30) + " user=admin from=127.0.0.1 action=startjail"
                + " target=mail result=error:jail_mail_is_running request=jd0123456789ab-4\n");
        IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults());
        SysadmServer server = new SysadmServer(host, ServerConfig.defaults(InetAddress.getLoopbackAddress(), state, "nas")
                .withPorts(0, 0).withTls(false), users, null, "test").start();
        DesktopConnector connector = null;
        try {
            Path history = dir.resolve("jobs.json");
            Files.writeString(history, "[{\"host\":\"nas\",\"action\":\"startjail\",\"target\":\"mail\",\"started\":\"" + started
                    + "\",\"millis\":0,\"state\":\"LEFT\",\"result\":\"Left running on its host\",\"output\":[],\"request\":\"\","
                    + "\"sentAs\":\"jd0123456789ab-4\"}]");
            JobsViewModel jobs = new JobsViewModel(Runnable::run, new Messages(Locale.ENGLISH), history, m -> { });
            JobRow row = jobs.jobs().get(0);
            assertEquals(JobRow.State.LEFT, row.state().get());
            connector = new DesktopConnector(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON), null,
                    new KnownHosts(dir.resolve("known-hosts")), new ProtocolLog(), jobs, () -> ProcessRunner.Privilege.NONE,
                    null, Set.of(), (id, has) -> { });
            HostConnector.Prompts prompts = (h, keyOffered, ended) -> new HostConnector.Password(PASSWORD.toCharArray(), false);

            connector.open(HostEntry.remote("nas", "ws://127.0.0.1:" + server.wsPort(), "admin"), prompts, s -> { })
                    .listJails().get(30, TimeUnit.SECONDS);

            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> row.state().get() != JobRow.State.LEFT);
            assertEquals(JobRow.State.FAILED, row.state().get());
            assertTrue(row.result().get().startsWith("Failed while JailDesk was closed: ended ")
                    && row.result().get().endsWith(" with jail_mail_is_running (the host's action log)"), row.result().get());
            // The end found is kept (written after the row changed; nothing writes the history after it).
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.readString(history).contains("\"state\":\"FAILED\""));
            jobs.flush().get(30, TimeUnit.SECONDS);
        } finally {
            if (connector != null) {
                connector.closeAllAndWait(java.time.Duration.ofSeconds(10));
            }
            server.close();
            host.close();
        }
    }
}
