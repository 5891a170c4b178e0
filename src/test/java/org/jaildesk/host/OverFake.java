package org.jaildesk.host;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests of the host over a fake iocage of a dialect each test chooses: {@link #open}, closed after the test. */
abstract class OverFake {

    @TempDir
    Path dir;
    FakeIocage fake;
    HostHarness h;

    void open(FakeIocage.Kind kind) {
        fake = new FakeIocage(dir, kind);
        h = HostHarness.over(fake);
    }

    @AfterEach
    void closeHost() {
        if (h != null) {
            h.close();
        }
    }

    /** The lines of long jobs that {@code host} publishes as progress events from now on, as they come. */
    static List<String> progressLines(IocageHost host) {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        host.subscribe(e -> {
            if (org.jaildesk.protocol.Protocol.DISPATCHER_EVENT.equals(e.name()) && e.args().has("line")) {
                lines.add(e.args().get("line").asText());
            }
        });
        return lines;
    }

    /** The arguments of the last iocage run but {@code --version}. */
    List<String> lastCall() {
        List<List<String>> calls = fake.actionCalls();
        return calls.get(calls.size() - 1);
    }
}
