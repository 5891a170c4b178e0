package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.Jail;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code renamejail} extension: Python's {@code rename}, legacy's tag, and what is refused before either runs. */
class RenameTest extends OverFake {

    @Test
    void pythonRenamesAStoppedJail() {
        open(FakeIocage.Kind.PYTHON);
        JsonNode body = h.body("renamejail", "jail", "mail", "name", "post");
        assertEquals(List.of("rename", "mail", "post"), lastCall());
        assertEquals("post", body.get("id").asText(), "a Python jail's id is its name");
        assertEquals("jail mail renamed to post", body.get("success").asText());
    }

    @Test
    void legacyChangesTheTagOfTheUuid() {
        open(FakeIocage.Kind.LEGACY_DEVELOP);
        JsonNode body = h.body("renamejail", "jail", "testjail", "name", "test2");
        assertEquals(List.of("set", "tag=test2", "611c89ae-c43c-11e5-9602-54ee75595566"), lastCall());
        assertEquals("611c89ae-c43c-11e5-9602-54ee75595566", body.get("id").asText(), "a legacy jail keeps its UUID");
    }

    @Test
    void aRunningJailOrATakenNameIsRefusedBeforeIocageIsAsked() {
        open(FakeIocage.Kind.LEGACY_DEVELOP);
        assertEquals("jail www01 is running: stop it before renaming it",
                h.body("renamejail", "jail", "www01", "name", "w2").get("error").asText());
        // Legacy iocage would give the other jail a timestamp for a tag, without a word to the user.
        assertEquals("a jail or template named www01 exists already",
                h.body("renamejail", "jail", "testjail", "name", "www01").get("error").asText());
        assertFalse(fake.actionCalls().stream().anyMatch(c -> c.get(0).equals("set")), "nothing was renamed");
    }

    static Stream<String> hostileNames() {
        return Stream.of("-f", "a b", "a;touch x", "$(touch x)", "a\nb", "", "x".repeat(1024 * 1024), "ALL", "default",
                "../x", "a@b", "émile");
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void aBadNewNameRunsNothing(String name) {
        open(FakeIocage.Kind.PYTHON);
        ErrorReply e = h.refused("renamejail", "jail", "mail", "name", name);
        assertEquals("400", e.code());
        assertTrue(e.message().length() < 400);
        assertEquals(List.of(), fake.calls(), "nothing ran");
    }

    /** On the demo host the jail keeps its place in the listing, and its snapshots. */
    @ParameterizedTest
    @EnumSource(SimulatedIocage.Flavor.class)
    void theRenamedJailKeepsItsPlaceAndSnapshots(SimulatedIocage.Flavor flavor) {
        try (IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(flavor)), HostOptions.defaults())) {
            IocageClient c = new IocageClient(new InProcessTransport(host));
            List<String> before = new ArrayList<>(c.listJails().join().stream().map(Jail::displayName).toList());
            String id = c.listJails().join().stream().filter(j -> j.displayName().equals("mail")).findFirst().orElseThrow().id();
            c.takeSnapshot(id, "s1").join();
            String renamed = c.renameJail(id, "post").join().id();
            before.set(before.indexOf("mail"), "post");
            assertEquals(before, c.listJails().join().stream().map(Jail::displayName).toList());
            assertEquals("s1", c.listSnapshots(renamed).join().get(0).name());
        }
    }
}
