package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The runner's kept output: read straight into blocks, it gives back exactly what was read, and kept parts never change. */
class KeptBytesTest {

    /** Reads of any size the room allows (none, one byte, a whole block), as the runner makes them. */
    @Property(tries = 300)
    void givesBackExactlyWhatWasReadAndKeptPartsNeverChange(@ForAll("reads") List<Integer> sizes,
                                                             @ForAll @IntRange(max = 600_000) int asked) {
        KeptBytes kept = new KeptBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        List<byte[]> handed = new ArrayList<>();
        List<int[]> where = new ArrayList<>();
        int next = 0;
        for (int size : sizes) {
            int room = kept.room();
            assertTrue(room >= 8 * 1024, "a read always gets room: " + room);
            int n = Math.min(size, room);
            byte[] block = kept.block();
            int at = kept.end();
            for (int i = 0; i < n; i++) {
                block[at + i] = (byte) ('a' + next++ % 26);
            }
            kept.commit(n);
            expected.write(block, at, n);
            handed.add(block);
            where.add(new int[] {at, n});
        }
        assertEquals(expected.size(), kept.size());
        String all = expected.toString(StandardCharsets.UTF_8);
        assertEquals(all, kept.text(Integer.MAX_VALUE));
        assertEquals(all.substring(0, Math.min(asked, all.length())), kept.text(asked), "the first bytes only");
        // What was handed over (a block and a place in it) still holds the same bytes after all the later reads.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        for (int i = 0; i < handed.size(); i++) {
            again.write(handed.get(i), where.get(i)[0], where.get(i)[1]);
        }
        assertEquals(all, again.toString(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<Integer>> reads() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 70), Arbitraries.integers().between(4_000, 70_000))
                .list().ofMaxSize(14);
    }

    @Test
    void aCharacterSplitBetweenBlocksIsDecodedWhole() {
        byte[] text = ("x".repeat(KeptBytes.BLOCK - 1) + "é" + "y".repeat(70_000) + "€").getBytes(StandardCharsets.UTF_8);
        KeptBytes kept = new KeptBytes();
        int at = 0;
        while (at < text.length) {
            int n = Math.min(kept.room(), text.length - at);
            System.arraycopy(text, at, kept.block(), kept.end(), n);
            kept.commit(n);
            at += n;
        }
        assertEquals(new String(text, StandardCharsets.UTF_8), kept.text(text.length));
    }

    @Test
    void moreThanTheRoomIsRefused() {
        KeptBytes kept = new KeptBytes();
        assertThrows(IllegalArgumentException.class, () -> kept.commit(kept.room() + 1));
        assertThrows(IllegalArgumentException.class, () -> kept.commit(-1));
        assertEquals(0, kept.size());
    }
}
