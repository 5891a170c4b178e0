package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jaildesk.host.parse.PythonOutput;
import org.junit.jupiter.api.Test;

class CommandResultTest {

    private static final String TB = "Traceback (most recent call last):";

    @Test
    void aTracebackCountsWhereItStartsALineOnEitherStream() {
        assertTrue(CommandResult.of(1, "", TB + "\n  File \"x\"\nKeyError: 'x'\n").crashed());
        assertTrue(CommandResult.of(1, "1\tdb01\n" + TB + "\n", "").crashed());
        assertTrue(CommandResult.of(1, "", "INFO: x\r\n" + TB + "\r\n").crashed());
        assertFalse(CommandResult.of(0, "-\tdb01 " + TB + "\n", "").crashed(), "inside a line it is text, not a crash");
        assertFalse(CommandResult.of(1, "", "ValueError: no\n").crashed());
        assertFalse(CommandResult.of(0, "", "").crashed());
    }

    /**
     * The listing skips the traceback search over its stdout when it was read cleanly as it arrived. That holds only
     * if no cleanly read output has a line starting with a traceback: checked over generated outputs in pieces.
     */
    @Property(tries = 1000)
    void aCleanlyReadListingNeverHoldsATraceback(@ForAll("outputs") String output, @ForAll("cuts") List<Integer> cuts) {
        byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        PythonOutput.ListReader reader = new PythonOutput.ListReader();
        int at = 0;
        for (int cut : cuts) {
            int to = Math.min(bytes.length, at + cut);
            reader.feed(bytes, at, to - at);
            at = to;
        }
        reader.feed(bytes, at, bytes.length - at);
        reader.finish();
        if (reader.readCleanly()) {
            assertFalse(CommandResult.hasTraceback(output), output);
        }
    }

    @Provide
    Arbitrary<String> outputs() {
        Arbitrary<String> line = Arbitraries.of(
                "1\tdb01\ton\tup\tjail\t13.2-RELEASE-p4\tem0|10.0.0.1/24\t-\t-\tno",
                "-\tmail\toff\tdown\tjail\t13.2-RELEASE-p4\t-\t-\t-\tyes",
                "None\tweb\tup\t14.1-RELEASE\t-",
                "-\t" + TB + "\toff\tdown\tjail\t-\t-\t-\t-\tno",
                TB, " " + TB, "\t" + TB, TB + "\t1\t2\t3\t4", "\r" + TB, "  File \"/usr/local/bin/iocage\", line 10",
                "TypeError: boom", "", "Creating tank/iocage", "*".repeat(80));
        Arbitrary<String> ending = Arbitraries.of("\n", "\r\n");
        return net.jqwik.api.Combinators.combine(line, ending).as((l, e) -> l + e).list().ofMaxSize(8)
                .map(ls -> String.join("", ls));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 30).list().ofMaxSize(20);
    }
    @Test
    void standardOutputIsDecodedOnceAndOnlyWhenAskedFor() {
        AtomicInteger decoded = new AtomicInteger();
        CommandResult r = new CommandResult(0, () -> "out " + decoded.incrementAndGet(), "", false, false, Duration.ZERO);
        assertEquals(0, decoded.get());
        assertEquals("out 1", r.stdout());
        assertEquals("out 1", r.stdout());
        assertEquals(1, decoded.get());
        assertEquals(CommandResult.ok("out 1"), r);
        assertTrue(r.toString().contains("stdout=5 chars"), "sizes, not megabytes of output: " + r);
    }

    /**
     * A Python listing read cleanly as it arrived is answered from what was read: its 300 KB are never decoded into
     * one more string. Output that was not (a bordered table) is decoded and read as before.
     */
    @Test
    void aListingReadAsItArrivedNeverDecodesItsOutputAgain() {
        String tabs = "1\tdb01\ton\tup\tjail\t13.2-RELEASE-p4\tem0|10.0.0.1/24\t-\t-\tno\n"
                + "-\tmail\toff\tdown\tjail\t14.1-RELEASE\t-\t-\t-\tyes\n";
        String table = """
                +-----+------+------+-------+------+-----------------+-----+-----+----------+----------+
                | JID | NAME | BOOT | STATE | TYPE |     RELEASE     | IP4 | IP6 | TEMPLATE | BASEJAIL |
                +=====+======+======+=======+======+=================+=====+=====+==========+==========+
                | -   | web  | off  | down  | jail | 13.2-RELEASE-p4 | -   | -   | -        | no       |
                +-----+------+------+-------+------+-----------------+-----+-----+----------+----------+
                """;
        for (String output : List.of(tabs, table)) {
            AtomicInteger decoded = new AtomicInteger();
            CommandRunner streaming = spec -> {
                if (spec.args().contains("--version")) {
                    return CommandResult.ok("Version\t1.13\n");
                }
                byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
                spec.output().accept(bytes, 0, bytes.length);
                spec.output().end();
                return new CommandResult(0, () -> {
                    decoded.incrementAndGet();
                    return output;
                }, "", false, false, Duration.ZERO);
            };
            try (HostHarness h = new HostHarness(streaming)) {
                JsonNode jails = h.body("listjails");
                assertEquals(output == tabs ? 2 : 1, jails.size(), jails.toString());
                assertEquals(output == tabs ? 0 : 1, decoded.get(), output == tabs ? "read as it arrived" : "a table");
            }
        }
    }
}
