package org.jaildesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeTest {

    @ParameterizedTest
    @CsvSource({"96K,98304", "1.69M,1772093", "83.4G,89550068122", "426G,457414017024", "0B,0", "512,512", "20G,21474836480"})
    void parsesIocageSizes(String text, long bytes) {
        Size s = Size.parse(text);
        assertEquals(Size.Kind.BYTES, s.kind());
        assertEquals(bytes, s.bytes());
        assertEquals(text, s.text());
    }

    @Test
    void parsesRatiosAndPlaceholders() {
        assertEquals(Size.Kind.RATIO, Size.parse("2.30x").kind());
        assertEquals(2.30, Size.parse("2.30x").amount(), 1e-9);
        assertTrue(Size.parse("none").isNone());
        assertTrue(Size.parse("-").isNone());
        assertTrue(Size.parse("readonly").isNone());
    }

    @Test
    void sortsByRealSizeNotByText() {
        List<Size> sizes = new ArrayList<>(List.of(Size.parse("900M"), Size.parse("1.5G"), Size.parse("none"),
                Size.parse("96K"), Size.parse("2T")));
        Collections.sort(sizes);
        assertEquals(List.of("none", "96K", "900M", "1.5G", "2T"), sizes.stream().map(Size::text).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "1.2.3G", "G", "12Q", "-5M"})
    void refusesWhatIsNotASize(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Size.parse(text));
        assertTrue(e.getMessage().contains(text));
    }

    @Test
    void formatsBytesLikeZfs() {
        assertEquals("1.69M", Size.ofBytes(1772093).text());
        assertEquals("412G", Size.ofBytes(412L * 1024 * 1024 * 1024).text());
        assertEquals("96.0K", Size.ofBytes(98304).text());
    }
}
