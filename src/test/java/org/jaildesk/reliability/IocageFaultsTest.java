package org.jaildesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.jaildesk.host.FakeIocage;
import org.jaildesk.host.HostHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iocage dying half-way: the reply says so, and the state can be read again right after. */
class IocageFaultsTest {

    @TempDir
    Path dir;

    @Test
    void iocageKilledHalfWayIsReportedAndTheHostReadsStateAgain() {
        FakeIocage fake = new FakeIocage(dir, FakeIocage.Kind.PYTHON);
        try (HostHarness h = HostHarness.over(fake)) {
            fake.mode("die");
            JsonNode body = h.body("startjail", "jail", "plex");
            assertEquals("iocage exited with status 137 (killed by signal 9); its last output: + Started OK",
                    body.get("error").asText());
            assertTrue(body.get("plex").has("* Starting plex"), "the steps it printed are kept: " + body);
            fake.mode("");
            assertEquals(5, h.body("listjails").size(), "the state is read again");
        }
    }
}
