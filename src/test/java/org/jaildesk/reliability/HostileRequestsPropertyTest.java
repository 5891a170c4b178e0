package org.jaildesk.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jaildesk.host.FakeIocage;
import org.jaildesk.host.HostHarness;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Reply;

/**
 * Generated hostile requests to IocageHost over a fake iocage: each gets a well-formed 400/404 error envelope and
 * nothing runs (the fake's argv log stays empty; not even the version check).
 */
class HostileRequestsPropertyTest {

    private static Path dir;
    private static FakeIocage fake;
    private static HostHarness h;

    @BeforeContainer
    static void open() throws Exception {
        dir = Files.createTempDirectory("hostile");
        fake = new FakeIocage(dir, FakeIocage.Kind.PYTHON);
        h = HostHarness.over(fake);
    }

    @AfterContainer
    static void close() {
        h.close();
    }

    /** Strings no jail, pool, user or release may be: flags, shell, paths, controls, huge, reserved. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> flags = Arbitraries.strings().withChars("abcxyz-").ofMinLength(1).ofMaxLength(8).map(s -> "-" + s);
        Arbitrary<String> shell = Arbitraries.of(";", "|", "&", "$(", "`", ">", "<", "\\", "'", "\"", " ", "*", "?", "~", "{", "#")
                .flatMap(m -> Arbitraries.strings().alpha().ofMaxLength(6).map(s -> s + m + "rm -rf /"));
        Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4)
                .map(s -> "a" + s + "b");
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u00a0', '\uffff').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> huge = Arbitraries.integers().between(9_000, 2_000_000).map(n -> "j".repeat(n));
        Arbitrary<String> paths = Arbitraries.of("..", ".", "/etc/passwd", "../../x", "./a", "ALL", "xALLy", "");
        return Arbitraries.oneOf(flags, shell, controls, unicode, huge, paths);
    }

    @Provide
    Arbitrary<String[]> fieldOfAction() {
        return Arbitraries.of(new String[] {"startjail", "jail"}, new String[] {"stopjail", "jail"},
                new String[] {"restartjail", "jail"}, new String[] {"destroyjail", "jail"}, new String[] {"capjail", "jail"},
                new String[] {"clonejail", "jail"}, new String[] {"getjailsettings", "jail"}, new String[] {"execjail", "jail"},
                new String[] {"execjail", "user"}, new String[] {"activatepool", "pool"}, new String[] {"deactivatepool", "pool"},
                new String[] {"fetchrelease", "release"}, new String[] {"setjailsettings", "jail"});
    }

    @Property(tries = 400)
    void hostileValuesAreRefusedAndNothingRuns(@ForAll("fieldOfAction") String[] target, @ForAll("hostile") String value) {
        // "ALL" inside a name is only dangerous for jails (iocage reads it as every jail); a user or pool may be called so.
        net.jqwik.api.Assume.that(!value.contains("ALL") || target[1].equals("jail"));
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.put("action", target[0]);
        args.put("jail", "plex");
        args.put("user", "root");
        args.put("command", "id");
        args.put("props", "boot=on");
        args.put(target[1], value);
        assertRefused(args);
    }

    /** Wrong types, missing actions, deep nesting, unknown actions. */
    @Provide
    Arbitrary<JsonNode> malformed() {
        ObjectMapper m = new ObjectMapper();
        Arbitrary<JsonNode> wrongType = Combinators.combine(fieldOfAction(),
                Arbitraries.of("5", "true", "[]", "{}", "[\"plex\"]", "{\"a\":1}", "1.5e300")).as((t, v) -> {
                    try {
                        ObjectNode o = JsonNodeFactory.instance.objectNode();
                        o.put("action", t[0]);
                        // (A missing field is not generated here: activatepool without a pool is a valid read.)
                        o.set(t[1], m.readTree(v));
                        return (JsonNode) o;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        Arbitrary<JsonNode> badAction = Arbitraries.strings().ofMaxLength(30).filter(s -> !s.endsWith("jail") && !s.equals("df"))
                .map(s -> (JsonNode) JsonNodeFactory.instance.objectNode().put("action", s));
        Arbitrary<JsonNode> notObjects = Arbitraries.of("[]", "\"listjails\"", "42", "[{\"action\":\"listjails\"}]").map(s -> {
            try {
                return m.readTree(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Arbitrary<JsonNode> deep = Arbitraries.integers().between(2, 30).map(n -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("action", "startjail");
            ObjectNode cur = o.putObject("jail");
            for (int i = 0; i < n; i++) {
                cur = cur.putObject("x");
            }
            return (JsonNode) o;
        });
        return Arbitraries.oneOf(wrongType, badAction, notObjects, deep);
    }

    @Property(tries = 300)
    void malformedRequestsAreRefusedAndNothingRuns(@ForAll("malformed") JsonNode args) {
        assertRefused(args);
    }

    private static void assertRefused(JsonNode args) {
        Reply r = h.send(args);
        if (!(r instanceof ErrorReply e)) {
            String text = HostHarness.CODEC.write(r);
            throw new AssertionError("not refused: " + args + " -> " + text.substring(0, Math.min(300, text.length())));
        }
        if (!List.of("400", "404").contains(e.code()) || e.message().isBlank() || e.message().length() > 400) {
            throw new AssertionError("a bad error reply: " + e);
        }
        if (!fake.calls().isEmpty()) {
            throw new AssertionError("iocage ran for " + args.toString().substring(0, Math.min(200, args.toString().length()))
                    + ": " + fake.calls());
        }
    }
}
