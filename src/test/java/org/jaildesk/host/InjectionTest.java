package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.jaildesk.protocol.ErrorReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile names and values are refused before any process starts: the fake's argv log stays empty (not even the
 * version check runs), and the reply is a 400 that says what was wrong.
 */
class InjectionTest extends OverFakePython {

    static Stream<String> hostile() {
        return Stream.of("-f", "--help", "a b", "a;touch x", "$(touch x)", "`touch x`", "..", ".", "a\nb", "a\rb", "",
                "x".repeat(1024 * 1024), "../../etc", "/etc/passwd", "ALL", "myALLjail", "a|b", "a&b", "a>b", "\u0000",
                "name\u202e", "émile");
    }

    /** Fields that name a jail: every hostile value is refused, "ALL" included (iocage reads it as every jail). */
    static Stream<Arguments> jailFields() {
        return hostile().flatMap(v -> Stream.of(
                Arguments.of("startjail", "jail", v), Arguments.of("stopjail", "jail", v),
                Arguments.of("restartjail", "jail", v), Arguments.of("destroyjail", "jail", v),
                Arguments.of("capjail", "jail", v), Arguments.of("clonejail", "jail", v),
                Arguments.of("getjailsettings", "jail", v), Arguments.of("execjail", "jail", v),
                Arguments.of("setjailsettings", "jail", v), Arguments.of("listsnapshots", "jail", v),
                Arguments.of("snapshotjail", "jail", v), Arguments.of("rollbackjail", "jail", v),
                Arguments.of("removesnapshot", "jail", v), Arguments.of("renamejail", "jail", v),
                Arguments.of("updatejail", "jail", v), Arguments.of("exportjail", "jail", v),
                Arguments.of("upgradejail", "jail", v),
                Arguments.of("listmounts", "jail", v),
                Arguments.of("createjail", "props", "tag=" + v + " release=13.2-RELEASE"),
                Arguments.of("clonejail", "props", "tag=" + v)));
    }

    /** Other names: users, pools, releases. "ALL" is an ordinary word there. */
    static Stream<Arguments> otherNames() {
        return hostile().filter(v -> !v.contains("ALL")).flatMap(v -> Stream.of(
                Arguments.of("execjail", "user", v), Arguments.of("activatepool", "pool", v),
                Arguments.of("deactivatepool", "pool", v), Arguments.of("fetchrelease", "release", v),
                Arguments.of("upgradejail", "release", v),
                Arguments.of("createjail", "props", "tag=ok release=" + v)));
    }

    /** Free-text property values: anything printable goes (it is one key=value argument); not these. */
    static Stream<Arguments> propertyValues() {
        return Stream.of("", "a\nb", "a\rb", "x".repeat(1024 * 1024), "\u0000", "name\u202e", "a\u0007")
                .map(v -> Arguments.of("setjailsettings", "props", "notes=" + v));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource({"jailFields", "otherNames", "propertyValues"})
    void refusedBeforeAnyProcessStarts(String action, String field, String value) {
        List<String> kv = new java.util.ArrayList<>(List.of(field, value));
        if (action.equals("execjail")) {
            if (!field.equals("jail")) {
                kv.addAll(List.of("jail", "plex"));
            }
            if (!field.equals("user")) {
                kv.addAll(List.of("user", "root"));
            }
            kv.addAll(List.of("command", "id"));
        }
        if (action.equals("setjailsettings") && field.equals("props")) {
            kv.addAll(List.of("jail", "plex"));
        }
        if (action.equals("setjailsettings") && field.equals("jail")) {
            kv.addAll(List.of("props", "boot=on"));
        }
        if ((action.equals("rollbackjail") || action.equals("removesnapshot")) && field.equals("jail")) {
            kv.addAll(List.of("snapshot", "s1"));
        }
        if (action.equals("renamejail")) {
            kv.addAll(List.of("name", "ok"));
        }
        if (action.equals("upgradejail")) {
            kv.addAll(field.equals("jail") ? List.of("release", "14.1-RELEASE") : List.of("jail", "mail"));
        }
        ErrorReply e = h.refused(action, kv.toArray(String[]::new));
        assertEquals("400", e.code());
        assertFalse(e.message().isBlank());
        assertTrue(e.message().length() < 400, "the message does not echo a huge value");
        assertEquals(List.of(), fake.calls(), "nothing ran");
    }

    @Test
    void aCommandForExecIsOneArgumentInsideTheJailNeverOnTheHost() {
        h.body("execjail", "jail", "plex", "user", "root", "command", "echo hi; touch /tmp/x");
        assertEquals(List.of("exec", "-U", "root", "plex", "--", "echo hi; touch /tmp/x"),
                fake.actionCalls().get(0));
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void aCommandWithANewlineOrHugeIsRefused() {
        assertEquals("400", h.refused("execjail", "jail", "plex", "user", "root", "command", "id\nrm -rf /").code());
        assertEquals("400", h.refused("execjail", "jail", "plex", "user", "root", "command", "x".repeat(1 << 20)).code());
        assertEquals(List.of(), fake.calls());
    }

    @Test
    void propertyKeysThatLookLikeFlagsOrUnknownAreRefused() {
        for (String props : List.of("-f=1", "--force=1", "a;b=1", "nosuch=1", "boot", "=1", "boot=on boot=off")) {
            assertEquals("400", h.refused("setjailsettings", "jail", "plex", "props", props).code(), props);
        }
        assertEquals(List.of(), fake.calls());
    }

    @Test
    void wrongTypesAreRefusedWithTheFieldNamed() throws Exception {
        ErrorReply e = (ErrorReply) h.send(HostHarness.CODEC.mapper().readTree("{\"action\":\"startjail\",\"jail\":5}"));
        assertEquals("'jail' must be a string, not a number", e.message());
        e = (ErrorReply) h.send(HostHarness.CODEC.mapper().readTree("{\"action\":\"startjail\",\"jail\":{\"a\":1}}"));
        assertEquals("400", e.code());
        e = (ErrorReply) h.send(HostHarness.CODEC.mapper().readTree("{\"action\":7}"));
        assertEquals("args.action must be a string", e.message());
        e = (ErrorReply) h.send(HostHarness.CODEC.mapper().readTree("[\"listjails\"]"));
        assertEquals("args must be an object", e.message());
        assertEquals(List.of(), fake.calls());
    }

    @Test
    void missingArgumentsAndUnknownActionsAre400() {
        assertEquals("startjail needs 'jail'", h.refused("startjail").message());
        assertEquals("execjail needs 'user'", h.refused("execjail", "jail", "plex", "command", "id").message());
        assertEquals("unknown action 'formatdisk'", h.refused("formatdisk").message());
        assertEquals(List.of(), fake.calls());
    }

    @Test
    void aNameWithAllInsideIsRefusedBecauseIocageWouldActOnEveryJail() {
        assertTrue(h.refused("stopjail", "jail", "FALLBACK").message().contains("ALL"));
    }
}
