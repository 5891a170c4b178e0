package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The runner's kept output: blocks filled in turn give back exactly the bytes added, in order, as text. */
class KeptBytesTest {

    /** Pieces of any size (none, one byte, more than a block) through a reused buffer, as the runner reads them. */
    @Property(tries = 300)
    void givesBackExactlyWhatWasAdded(@ForAll("pieces") List<Integer> sizes, @ForAll @IntRange(max = 300_000) int asked) {
        KeptBytes kept = new KeptBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        byte[] buffer = new byte[200_000];
        int next = 0;
        for (int size : sizes) {
            for (int i = 0; i < size; i++) {
                buffer[i + 7] = (byte) ('a' + next++ % 26);
            }
            kept.add(buffer, 7, size);
            expected.write(buffer, 7, size);
            java.util.Arrays.fill(buffer, (byte) '?');
        }
        assertEquals(expected.size(), kept.size());
        String all = expected.toString(StandardCharsets.UTF_8);
        assertEquals(all, kept.text(Integer.MAX_VALUE));
        assertEquals(all.substring(0, Math.min(asked, all.length())), kept.text(asked), "the first bytes only");
    }

    @Provide
    Arbitrary<List<Integer>> pieces() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 70), Arbitraries.integers().between(4_000, 140_000))
                .list().ofMaxSize(12);
    }

    @Test
    void aCharacterSplitBetweenBlocksIsDecodedWhole() {
        byte[] text = ("x".repeat(4095) + "é" + "y".repeat(70_000) + "€").getBytes(StandardCharsets.UTF_8);
        KeptBytes kept = new KeptBytes();
        for (int at = 0; at < text.length; at += 1000) {
            kept.add(text, at, Math.min(1000, text.length - at));
        }
        assertEquals(new String(text, StandardCharsets.UTF_8), kept.text(text.length));
    }
}
