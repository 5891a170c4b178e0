package org.jaildesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Jail's hand-written equality must still be the record's: every component counts, nothing else does. */
class JailTest {

    private static final Jail BASE = new Jail("web", "web", OptionalInt.of(3), JailState.UP, true, "jail",
            "14.1-RELEASE", "em0|10.0.0.3/24", "-", "tmpl");

    @Test
    void equalComponentsMakeEqualJailsWithEqualHashes() {
        Jail copy = new Jail(new String("web"), "web", OptionalInt.of(3), JailState.UP, true, "jail",
                "14.1-RELEASE", "em0|10.0.0.3/24", "-", "tmpl");
        assertEquals(BASE, copy);
        assertEquals(BASE.hashCode(), copy.hashCode());
        assertNotEquals(BASE, null);
        assertNotEquals(BASE, "web");
    }

    @Test
    void everyComponentTakesPartInEquality() {
        List<Jail> oneChangeEach = List.of(
                new Jail("web2", "web", OptionalInt.of(3), JailState.UP, true, "jail", "14.1-RELEASE", "em0|10.0.0.3/24", "-", "tmpl"),
                new Jail("web", "www", OptionalInt.of(3), JailState.UP, true, "jail", "14.1-RELEASE", "em0|10.0.0.3/24", "-", "tmpl"),
                new Jail("web", "web", OptionalInt.of(4), JailState.UP, true, "jail", "14.1-RELEASE", "em0|10.0.0.3/24", "-", "tmpl"),
                new Jail("web", "web", OptionalInt.empty(), JailState.UP, true, "jail", "14.1-RELEASE", "em0|10.0.0.3/24", "-", "tmpl"),
                new Jail("web", "web", OptionalInt.of(3), JailState.DOWN, true, "jail", "14.1-RELEASE", "em0|10.0.0.3/24", "-", "tmpl"),
                new Jail("web", "web", OptionalInt.of(3), JailState.UP, false, "jail", "14.1-RELEASE", "em0|10.0.0.3/24", "-", "tmpl"),
                new Jail("web", "web", OptionalInt.of(3), JailState.UP, true, "basejail", "14.1-RELEASE", "em0|10.0.0.3/24", "-", "tmpl"),
                new Jail("web", "web", OptionalInt.of(3), JailState.UP, true, "jail", "13.2-RELEASE", "em0|10.0.0.3/24", "-", "tmpl"),
                new Jail("web", "web", OptionalInt.of(3), JailState.UP, true, "jail", "14.1-RELEASE", "em0|10.0.0.4/24", "-", "tmpl"),
                new Jail("web", "web", OptionalInt.of(3), JailState.UP, true, "jail", "14.1-RELEASE", "em0|10.0.0.3/24", "fe80::1", "tmpl"),
                new Jail("web", "web", OptionalInt.of(3), JailState.UP, true, "jail", "14.1-RELEASE", "em0|10.0.0.3/24", "-", "other"));
        assertEquals(Jail.class.getRecordComponents().length + 1, oneChangeEach.size(), "one case per component, two for the JID");
        for (Jail j : oneChangeEach) {
            assertNotEquals(BASE, j, j.toString());
            assertNotEquals(j, BASE, j.toString());
        }
    }

    @Test
    void aJailNeedsAnId() {
        assertThrows(IllegalArgumentException.class, () -> new Jail(" ", "", null, null, false, null, null, null, null, null));
    }
}
