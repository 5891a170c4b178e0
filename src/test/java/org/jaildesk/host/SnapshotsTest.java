package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.jaildesk.protocol.ErrorReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The snapshot extensions against fake iocage (Python 1.2 and legacy develop) through the ProcessRunner. */
class SnapshotsTest extends OverFake {

    private static final String WWW = "0bf985de-ca0f-11e5-8d45-d05099728dbf";


    @Test
    void pythonListsEachSnapshotOnceWithItsRootDatasetsSizes() {
        open(FakeIocage.Kind.PYTHON);
        JsonNode body = h.body("listsnapshots", "jail", "db01");
        assertEquals(List.of("snaplist", "-h", "db01"), lastCall());
        assertEquals("db01", body.get("jail").asText());
        JsonNode snaps = body.get("snapshots");
        assertEquals(2, snaps.size(), snaps.toString());
        assertEquals("ioc_update_13.2-RELEASE-p2_2023-11-02_09-14-55", snaps.get(0).get("name").asText());
        assertEquals("Thu Nov  2  9:14 2023", snaps.get(0).get("created").asText());
        assertEquals("1.05G", snaps.get(0).get("rsize").asText(), "the root dataset's, which holds the jail's files");
        assertEquals("2.18M", snaps.get(0).get("used").asText());
        assertEquals("2024-01-15_10:22:33", snaps.get(1).get("name").asText());
    }

    @Test
    void pythonTakesRollsBackAndRemovesByName() {
        open(FakeIocage.Kind.PYTHON);
        assertEquals("before-upgrade", h.body("snapshotjail", "jail", "db01", "snapshot", "before-upgrade").get("snapshot").asText());
        assertEquals(List.of("snapshot", "-n", "before-upgrade", "db01"), lastCall());
        String named = h.body("snapshotjail", "jail", "db01").get("snapshot").asText();
        assertTrue(named.matches("\\d{4}-\\d\\d-\\d\\d_\\d\\d:\\d\\d:\\d\\d"), "named after the time, as iocage would: " + named);
        assertEquals(List.of("snapshot", "-n", named, "db01"), lastCall(), "the host names it, so the reply can say it");
        assertEquals("2024-01-15_10:22:33", h.body("rollbackjail", "jail", "mail", "snapshot", "2024-01-15_10:22:33")
                .get("snapshot").asText());
        assertEquals(List.of("rollback", "-n", "2024-01-15_10:22:33", "-f", "mail"), lastCall(), "-f: never a prompt");
        h.body("removesnapshot", "jail", "mail", "snapshot", "2024-01-15_10:22:33");
        assertEquals(List.of("snapremove", "-n", "2024-01-15_10:22:33", "mail"), lastCall());
        // A failed action answers in the seed's shape: {"error": …} in its body, iocage's words in it.
        assertEquals("Snapshot: tank/iocage/jails/mail@nosuch not found!",
                h.body("removesnapshot", "jail", "mail", "snapshot", "nosuch").get("error").asText());
    }

    @Test
    void aRunningJailIsNotRolledBack() {
        open(FakeIocage.Kind.PYTHON);
        assertEquals("jail db01 is running: stop it before rolling it back",
                h.body("rollbackjail", "jail", "db01", "snapshot", "2024-01-15_10:22:33").get("error").asText());
        assertFalse(fake.actionCalls().stream().anyMatch(c -> c.get(0).equals("rollback")), "iocage was not asked");
    }

    @Test
    void legacyNamesTheJailByItsUuidBeforeTheAt() {
        open(FakeIocage.Kind.LEGACY_DEVELOP);
        JsonNode snaps = h.body("listsnapshots", "jail", "www01").get("snapshots");
        assertEquals(List.of("snaplist", WWW), lastCall());
        assertEquals("before-upgrade", snaps.get(1).get("name").asText());
        assertEquals("Sat Mar 12  8:05 2016", snaps.get(1).get("created").asText());
        assertEquals("18.5M", snaps.get(1).get("used").asText());
        h.body("snapshotjail", "jail", "www01", "snapshot", "s1");
        assertEquals(List.of("snapshot", WWW + "@s1"), lastCall(), "a legacy tag may hold '@' itself");
        h.body("rollbackjail", "jail", "testjail", "snapshot", "s1");
        assertEquals(List.of("rollback", "611c89ae-c43c-11e5-9602-54ee75595566@s1"), lastCall());
        h.body("removesnapshot", "jail", "2016-02-09@23:47:04", "snapshot", "s1");
        assertEquals(List.of("snapremove", "9b8e1033-d065-11e5-8209-d05099728dbf@s1"), lastCall());
        int calls = fake.actionCalls().size();
        h.body("listsnapshots", "jail", WWW);
        assertEquals(List.of(List.of("snaplist", WWW)), fake.actionCalls().subList(calls, fake.actionCalls().size()),
                "a jail given by its UUID (as the desktop does) needs no listing first");
    }

    static Stream<Arguments> hostileNames() {
        return Stream.of("-f", "--help", "a b", "a;touch x", "$(touch x)", "`x`", "a\nb", "", "x".repeat(1024 * 1024),
                "a/root", "a@b", "ALL", "all", "\u0000", "name\u202e", "émile", "a|b").flatMap(v -> Stream.of(
                Arguments.of("snapshotjail", v), Arguments.of("rollbackjail", v), Arguments.of("removesnapshot", v)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileNames")
    void aBadSnapshotNameRunsNothing(String action, String name) {
        open(FakeIocage.Kind.PYTHON);
        ErrorReply e = h.refused(action, "jail", "mail", "snapshot", name);
        assertEquals("400", e.code());
        assertTrue(e.message().length() < 400, "the message does not echo a huge value");
        assertEquals(List.of(), fake.calls(), "nothing ran");
    }

    @Test
    void aSnapshotNeedsItsJailAndRollbackItsName() {
        open(FakeIocage.Kind.PYTHON);
        assertEquals("listsnapshots needs 'jail'", h.refused("listsnapshots").message());
        assertEquals("rollbackjail needs 'snapshot'", h.refused("rollbackjail", "jail", "mail").message());
        assertEquals("400", h.refused("listsnapshots", "jail", "$(x)").code());
        assertEquals(List.of(), fake.calls());
    }
}
