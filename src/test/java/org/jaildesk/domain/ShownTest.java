package org.jaildesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShownTest {

    @Test
    void keepsFortyCharactersAndWritesOutControlCharacters() {
        assertEquals("", Shown.of(null));
        assertEquals("db01", Shown.of("db01"));
        assertEquals("a\\u000ab\\u001b[31mc\\u0000", Shown.of("a\nb\u001b[31mc\u0000"));
        assertEquals("x".repeat(40), Shown.of("x".repeat(40)));
        assertEquals("x".repeat(40) + "…", Shown.of("x".repeat(10 * 1024 * 1024)));
        // Shortened first: a control character past the first 40 is not written out at all.
        assertEquals("y".repeat(40) + "…", Shown.of("y".repeat(40) + "\n"));
        assertEquals("wörter ünd 漢字", Shown.of("wörter ünd 漢字"));
    }

    @Test
    void cutKeepsAtMostTheGivenNumberOfCharacters() {
        assertEquals("abc", Shown.cut("abc", 3));
        assertEquals("ab\u2026", Shown.cut("abc", 2));
        assertEquals("", Shown.cut("", 0));
        assertEquals("\u2026", Shown.cut("a", 0));
    }
}
