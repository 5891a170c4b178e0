package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code listpools} extension: iocage lists no pools, so the host asks {@code zpool}, through a stand-in here. */
class PoolListTest extends OverFake {

    private void open(FakeIocage.Kind kind, String zpoolOut, int code) throws Exception {
        Path zpool = FakeTool.write(dir, "zpool", zpoolOut, code != 0 ? "zpool: no such thing" : null, code);
        fake = new FakeIocage(dir, kind);
        h = new HostHarness(new ProcessRunner(fake.executable(), ProcessRunner.Privilege.NONE).withTool(Tool.ZPOOL, zpool));
    }

    @Test
    void thePoolsAreListedInExactBytesWithTheActiveOneMarked() throws Exception {
        open(FakeIocage.Kind.PYTHON, "tank\t996432412672\t442000000000\tONLINE\nzroot\t-\t-\tFAULTED\n", 0);
        JsonNode pools = h.body("listpools").get("pools");
        assertEquals(2, pools.size());
        assertEquals("tank", pools.get(0).get("name").asText());
        assertEquals("996432412672", pools.get(0).get("size").asText());
        assertEquals("442000000000", pools.get(0).get("free").asText());
        assertEquals("ONLINE", pools.get(0).get("health").asText());
        assertEquals("true", pools.get(0).get("active").asText(), "iocage get -p says tank");
        assertEquals("-", pools.get(1).get("size").asText());
        assertEquals("FAULTED", pools.get(1).get("health").asText());
        assertEquals("false", pools.get(1).get("active").asText());
        assertEquals(List.of("list", "-Hp", "-o", "name,size,free,health"), FakeTool.argv(dir, "zpool"));
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.get(0).equals("activate")), "nothing changes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tank 996432412672 442000000000 ONLINE", "tank\t996432412672\t442000000000",
        "tank\t996G\t442G\tONLINE", "-f\t1\t1\tONLINE", "ta;nk\t1\t1\tONLINE", "tank\t1\t1\tonline"})
    void aLineItCannotReadIsAnErrorNamingIt(String line) throws Exception {
        open(FakeIocage.Kind.PYTHON, "backup\t1\t1\tONLINE\n" + line + "\n", 0);
        String error = h.body("listpools").get("error").asText();
        assertTrue(error.startsWith("zpool printed output JailDesk cannot read: ") && error.contains("(line 2: '"), error);
    }

    @Test
    void aFailingZpoolIsAnErrorWithWhatItSaid() throws Exception {
        open(FakeIocage.Kind.PYTHON, "", 1);
        assertEquals("zpool failed (exit 1): zpool: no such thing", h.body("listpools").get("error").asText());
    }

    @Test
    void legacyIocageHostsListTheirPoolsToo() throws Exception {
        open(FakeIocage.Kind.LEGACY_DEVELOP, "tank\t100\t50\tDEGRADED\n", 0);
        JsonNode pools = h.body("listpools").get("pools");
        assertEquals(1, pools.size());
        assertEquals("DEGRADED", pools.get(0).get("health").asText());
    }

    /** The demo host's two pools, the active one marked, and what iocage's datasets use taken from its free space. */
    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void theDemoHostListsItsPools(SimulatedIocage.Flavor flavor) {
        try (HostHarness sim = new HostHarness(new SimulatedIocage(SimulatedIocage.Config.instant(flavor)), HostOptions.defaults())) {
            JsonNode pools = sim.body("listpools").get("pools");
            assertEquals(List.of("tank", "backup"), List.of(pools.get(0).get("name").asText(), pools.get(1).get("name").asText()));
            assertEquals("true", pools.get(0).get("active").asText());
            assertTrue(Long.parseLong(pools.get(0).get("free").asText()) < Long.parseLong(pools.get(0).get("size").asText()));
            assertEquals(pools.get(1).get("size").asText(), pools.get(1).get("free").asText(), "nothing of iocage on backup");
            if (flavor == SimulatedIocage.Flavor.LEGACY) {
                return; // legacy iocage activates another pool only with every jail stopped
            }
            assertTrue(sim.body("activatepool", "pool", "backup").has("success"));
            JsonNode after = sim.body("listpools").get("pools");
            assertEquals("false", after.get(0).get("active").asText());
            assertEquals("true", after.get(1).get("active").asText());
            assertEquals(pools.get(0).get("free").asText(), after.get(0).get("free").asText(), "tank's jails are still on it");
        }
    }
}
