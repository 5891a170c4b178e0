package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fakes' record of what ran is what the tests trust, so it must hold when calls overlap (a listing beside a job).
 * It once wrote each argument separately: two calls at once then made one mangled line and one empty one.
 */
class FakeIocageTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FakeIocage.Kind.class)
    void callsMadeAtOnceAreRecordedWholeOnePerLine(FakeIocage.Kind kind) throws Exception {
        FakeIocage fake = new FakeIocage(dir, kind);
        // Many arguments each, so that a call writing them one by one would be caught half-way by another.
        List<String> many = IntStream.range(0, 100).mapToObj(i -> "arg" + i).toList();
        List<List<String>> expected = new ArrayList<>();
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> args = new ArrayList<>(many);
            args.add(0, "call" + i);
            expected.add(args);
            List<String> argv = new ArrayList<>(args);
            argv.add(0, fake.executable().toString());
            running.add(new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process p : running) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
        // In any order: the calls ran at once.
        Comparator<List<String>> byText = Comparator.comparing(List::toString);
        List<List<String>> recorded = new ArrayList<>(fake.calls());
        recorded.sort(byText);
        expected.sort(byText);
        assertEquals(expected, recorded);
    }
}
