package org.jaildesk.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jaildesk.host.parse.CommonOutput;
import org.jaildesk.host.parse.IocageParseException;
import org.jaildesk.host.parse.LegacyOutput;
import org.jaildesk.host.parse.PythonOutput;

/** Every parser fed mutated iocage output: a result or an IocageParseException naming the problem; never anything else. */
class MutatedOutputPropertyTest {

    private interface Parser {
        Object parse(String text) throws IocageParseException;
    }

    private record Case(String sample, Parser parser) {
    }

    private static final List<Case> CASES = List.of(
            new Case("python/list-py-lH.txt", PythonOutput::list), new Case("python/list-py-l.txt", PythonOutput::list),
            new Case("python/list-py-after2020.txt", PythonOutput::list), new Case("python/df-py-H.txt", PythonOutput::df),
            new Case("python/df-py.txt", PythonOutput::df), new Case("python/list-py-r.txt", PythonOutput::releases),
            new Case("python/get-all-py.txt", PythonOutput::getAll), new Case("python/get-r-py.txt", t -> PythonOutput.getAcross(t, "boot")),
            new Case("python/snaplist-py.txt", PythonOutput::snapshots), new Case("python/get-p-py.txt", PythonOutput::pool),
            new Case("python/create-py-count.txt", t -> PythonOutput.createdNames(t, "created")),
            new Case("python/destroy-py-f-running.txt", PythonOutput::destroyed),
            new Case("legacy/list-legacy-develop.txt", LegacyOutput::list), new Case("legacy/list-legacy-1.7.txt", LegacyOutput::list),
            new Case("legacy/df-legacy-1.7.txt", LegacyOutput::df), new Case("legacy/get-all-legacy-1.7.txt", LegacyOutput::getAll),
            new Case("legacy/defaults-legacy-develop.txt", LegacyOutput::defaults),
            new Case("legacy/get-r-legacy.txt", t -> LegacyOutput.getAcross(t, "vnet")),
            new Case("legacy/list-legacy-develop-r.txt", LegacyOutput::releases),
            new Case("legacy/activate-legacy-query.txt", LegacyOutput::pool),
            new Case("legacy/snaplist-legacy.txt", LegacyOutput::snapshots),
            new Case("python/start-py-rctl.txt", t -> CommonOutput.steps(t)));

    private static String read(String name) {
        try (InputStream in = MutatedOutputPropertyTest.class.getResourceAsStream("/iocage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Function<String, String>> mutation() {
        Arbitrary<Function<String, String>> deleteChars = Arbitraries.integers().between(0, 10_000).map(i -> s -> s.isEmpty() ? s
                : s.substring(0, i % s.length()) + s.substring(Math.min(s.length(), i % s.length() + 1 + i % 7)));
        Arbitrary<Function<String, String>> insert = Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.strings().withChars("|+-\t\n\r:= \u0000\u001b[]()#xN0-9").ofMaxLength(12))
                .as((i, junk) -> s -> s.substring(0, i % (s.length() + 1)) + junk + s.substring(i % (s.length() + 1)));
        Arbitrary<Function<String, String>> truncate = Arbitraries.integers().between(0, 10_000)
                .map(i -> s -> s.substring(0, i % (s.length() + 1)));
        Arbitrary<Function<String, String>> swapLines = Arbitraries.integers().between(0, 1000).map(i -> s -> {
            List<String> l = new ArrayList<>(List.of(s.split("\n", -1)));
            if (l.size() > 2) {
                java.util.Collections.swap(l, i % l.size(), (i / 3) % l.size());
            }
            return String.join("\n", l);
        });
        Arbitrary<Function<String, String>> doubleUp = Arbitraries.just(s -> s + s);
        Arbitrary<Function<String, String>> traceback = Arbitraries.just(s -> "Traceback (most recent call last):\n  File \"x\"\nKeyError: 'x'\n" + s);
        return Arbitraries.oneOf(deleteChars, insert, truncate, swapLines, doubleUp, traceback);
    }

    @Property(tries = 1500)
    void parsersNeverThrowAnythingButAParseError(@ForAll("mutation") Function<String, String> m1,
                                                 @ForAll("mutation") Function<String, String> m2,
                                                 @ForAll("caseIndex") int which) {
        Case c = CASES.get(which);
        String mutated = m2.apply(m1.apply(read(c.sample())));
        try {
            c.parser().parse(mutated);
        } catch (IocageParseException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a parse error without a message for " + c.sample());
            }
        } catch (RuntimeException e) {
            throw new AssertionError(c.sample() + " threw " + e + " on:\n" + mutated, e);
        }
    }

    @Provide
    Arbitrary<Integer> caseIndex() {
        return Arbitraries.integers().between(0, CASES.size() - 1);
    }
}
