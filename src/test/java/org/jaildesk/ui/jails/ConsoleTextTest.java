package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    @Test
    void aRunIsOneBlockOfItsLastLines() {
        assertEquals("", ConsoleText.block(List.of(), 3));
        assertEquals("a\n\nb\n", ConsoleText.block(List.of("a", "", "b"), 3));
        assertEquals("3\n4\n5\n", ConsoleText.block(List.of("1", "2", "3", "4", "5"), 3));
        String huge = "x".repeat(8_000_000);
        assertEquals("a\n" + "x".repeat(org.jaildesk.ui.common.Scrollback.LINE_LENGTH) + "\u2026\nb\n",
                ConsoleText.block(List.of("a", huge, "b"), 3), "a line of megabytes is cut, not laid out");
    }

    @Test
    void theConsoleDropsWholeLinesFromTheStartToKeepTheLastOnes() {
        assertEquals(0, ConsoleText.excess("", 3));
        assertEquals(0, ConsoleText.excess("a\nb\nc\n", 3));
        assertEquals(2, ConsoleText.excess("a\nb\nc\nd\n", 3));
        assertEquals("c\nd\ne\n", drop("a\nbb\nc\nd\ne\n", 3));
        assertEquals("\n\n\n", drop("\n\n\n\n\n", 3), "empty lines count as lines");
        String big = String.join("\n", IntStream.rangeClosed(1, 20_000).mapToObj(Integer::toString).toList()) + "\n";
        String kept = drop(big, ConsoleText.KEPT_LINES);
        assertEquals(ConsoleText.KEPT_LINES, kept.lines().count());
        assertEquals(Integer.toString(20_000 - ConsoleText.KEPT_LINES + 1), kept.lines().findFirst().orElseThrow());
    }

    private static String drop(String text, int kept) {
        return text.substring(ConsoleText.excess(text, kept));
    }
}
