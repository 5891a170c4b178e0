package org.jaildesk.host;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests of the host over a fake Python iocage: a fresh fake and host for each test, closed after it. */
abstract class OverFakePython {

    @TempDir
    Path dir;
    FakeIocage fake;
    HostHarness h;

    @BeforeEach
    void startFake() {
        fake = new FakeIocage(dir, FakeIocage.Kind.PYTHON);
        h = HostHarness.over(fake);
    }

    @AfterEach
    void stopFake() {
        h.close();
    }
}
