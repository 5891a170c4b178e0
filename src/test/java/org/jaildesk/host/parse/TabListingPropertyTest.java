package org.jaildesk.host.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one-pass TAB listing reader against the plain reading it replaced (split into lines, drop blanks and banners,
 * split each at TABs, trim, check): same jails, or the same error naming the same line, for generated listings that
 * mix good rows with every kind of damage.
 */
class TabListingPropertyTest {

    @Property(tries = 2000)
    void readsExactlyAsThePlainSplitDoes(@ForAll("listings") String output) {
        assertEquals(plain(output), fast(output));
    }

    /** Read as it arrives: {@link PythonOutput#list}'s result for the same output cut into pieces anywhere (inside a line, a CR LF, a UTF-8 character). */
    @Property(tries = 1000)
    void piecesAnywhereReadAsTheWhole(@ForAll("listings") String output, @ForAll("cuts") List<Integer> cuts) {
        byte[] bytes = output.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PythonOutput.ListReader reader = new PythonOutput.ListReader();
        int at = 0;
        for (int cut : cuts) {
            int to = Math.min(bytes.length, at + cut);
            // Through a buffer reused between pieces, as the runner does: nothing may be kept by reference.
            byte[] buffer = new byte[to - at + 3];
            System.arraycopy(bytes, at, buffer, 3, to - at);
            reader.feed(buffer, 3, to - at);
            java.util.Arrays.fill(buffer, (byte) '?');
            at = to;
        }
        reader.feed(bytes, at, bytes.length - at);
        reader.finish();
        assertEquals(whole(output), streamed(reader, output));
    }

    /** Not everything fed (a runner that gave up): the whole text is read instead, with the same result. */
    @Property(tries = 300)
    void anUnfinishedFeedFallsBackToTheWholeText(@ForAll("listings") String output) {
        byte[] bytes = output.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PythonOutput.ListReader reader = new PythonOutput.ListReader();
        reader.feed(bytes, 0, bytes.length / 2);
        assertEquals(whole(output), streamed(reader, output));
    }

    /** {@link PythonOutput#list}: the TAB listing, or the bordered table where the first real line is one. */
    private static Object whole(String output) {
        try {
            return PythonOutput.list(output);
        } catch (IocageParseException e) {
            return e.getMessage();
        }
    }

    private static Object streamed(PythonOutput.ListReader reader, String output) {
        try {
            return reader.jails(() -> output);
        } catch (IocageParseException e) {
            return e.getMessage();
        }
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 40).list().ofMaxSize(30);
    }

    private static Object fast(String output) {
        try {
            return TabListing.read(output);
        } catch (IocageParseException e) {
            return e.getMessage();
        }
    }

    /** The plain reading the one-pass reader replaced: lines, banners dropped, TAB split, then the table form's row rules. */
    private static Object plain(String output) {
        try {
            List<ListedJail> out = new ArrayList<>();
            for (Lines.Line line : Lines.meaningful(output)) {
                String[] f = line.text().split("\t", -1);
                if (f.length != 10 && f.length != 5) {
                    throw IocageParseException.at("expected 10 TAB-separated fields, got " + f.length, line.number(), line.text());
                }
                out.add(PythonOutput.row(List.of(f), line));
            }
            return out;
        } catch (IocageParseException e) {
            return e.getMessage();
        }
    }

    @Provide
    Arbitrary<String> listings() {
        Arbitrary<String> jid = Arbitraries.of("-", "None", "1", "42", "123456789", "1234567890", "x", "", " 7 ", "-1");
        Arbitrary<String> name = Arbitraries.of("db01", "web", " mail ", "", "a b", "jail-1", "ü", "None", "long".repeat(100));
        Arbitrary<String> boot = Arbitraries.of("on", "off", "1", "0", "yes", "no", "maybe", " on", "");
        Arbitrary<String> state = Arbitraries.of("up", "down", "CORRUPT", "Up", "", " down ");
        Arbitrary<String> type = Arbitraries.of("jail", "basejail", "template", "pluginv2", "-", "", " jail ");
        Arbitrary<String> release = Arbitraries.of("13.2-RELEASE-p4", "14.1-RELEASE", "-", "None", "none", "", " 13.2-RELEASE-p4 ");
        Arbitrary<String> ip = Arbitraries.of("-", "em0|10.0.0.1/24", "DHCP (not running)", "vnet0|10.0.0.2/24,vnet1|fe80::1", "None", "");
        Arbitrary<String> yes = Arbitraries.of("yes", "no", "", " yes");
        Arbitrary<String> longRow = net.jqwik.api.Combinators.combine(List.of(jid, name, boot, state, type, release, ip, ip, name, yes))
                .as(f -> String.join("\t", f));
        Arbitrary<String> shortRow = net.jqwik.api.Combinators.combine(List.of(jid, name, state, release, ip))
                .as(f -> String.join("\t", f));
        Arbitrary<String> other = Arbitraries.of("", "   ", "\t", "********************************************************************************",
                "Creating tank/iocage", "INFO: Creating tank/iocage/jails...", "mount -t fdescfs null /dev/fd",
                "-\tonly\tthree", "None", "Nothing", "+-----+", "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11", "\u00a0");
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, longRow), net.jqwik.api.Tuple.of(3, shortRow), net.jqwik.api.Tuple.of(2, other));
        Arbitrary<String> ending = Arbitraries.of("\n", "\r\n", "\n\n");
        return net.jqwik.api.Combinators.combine(line, ending).as((l, e) -> l + e).list().ofMaxSize(12)
                .map(ls -> String.join("", ls));
    }
}
