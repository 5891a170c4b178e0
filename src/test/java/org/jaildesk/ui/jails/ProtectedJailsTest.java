package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.junit.jupiter.api.Test;

class ProtectedJailsTest {

    private static Jail jail(String id) {
        return new Jail(id, id, OptionalInt.empty(), JailState.DOWN, false, "jail", "14.1-RELEASE", "-", "-", "-");
    }

    @Test
    void marksAreToldOnceAChangeAndNotWhenRestored() {
        ProtectedJails p = new ProtectedJails();
        List<List<String>> told = new ArrayList<>();
        p.onChange(told::add);
        assertEquals(0, p.restore(List.of("web01")));
        assertTrue(told.isEmpty(), "putting back what was saved is not a change to save");
        p.protect(List.of(jail("mail"), jail("db01"), jail("mail")));
        assertEquals(List.of(List.of("db01", "mail", "web01")), told, "once for the three, in order");
        p.protect(List.of(jail("mail")));
        p.unprotect(List.of(jail("nothere")));
        p.moved("nothere", "else");
        p.moved("mail", "mail");
        assertEquals(1, told.size(), "nothing changed, nothing told");
        p.moved("mail", "post");
        p.unprotect(List.of(jail("db01"), jail("web01")));
        assertEquals(List.of("post"), told.get(told.size() - 1));
        assertTrue(p.has("post"));
        assertFalse(p.has("mail"));
    }

    @Test
    void savedMarksThatNameNoJailAreDropped() {
        ProtectedJails p = new ProtectedJails();
        List<String> saved = Arrays.asList("good", "", null, "a\nb", " padded", "x".repeat(256), "y".repeat(10 * 1024 * 1024),
                "-f", "a;b", "$(x)", "6a2f1c9e-1b5d-4b8e-9a3c-0d2e7f4b1a11");
        assertEquals(6, p.restore(saved));
        // Kept as they are: a mark is only ever compared with the ids a host lists, never run.
        assertEquals(List.of("$(x)", "-f", "6a2f1c9e-1b5d-4b8e-9a3c-0d2e7f4b1a11", "a;b", "good"), List.copyOf(p.ids()));
    }

    @Test
    void aHostKeepsAtMostTenThousandMarks() {
        ProtectedJails p = new ProtectedJails();
        List<String> many = IntStream.range(0, ProtectedJails.MOST + 5).mapToObj(i -> "j" + i).toList();
        assertEquals(5, p.restore(many));
        assertEquals(ProtectedJails.MOST, p.ids().size());
        assertFalse(p.protect(List.of(jail("one-more"))), "refused whole");
        assertFalse(p.has("one-more"));
        assertTrue(p.protect(List.of(jail("j1"))), "one marked already adds nothing");
        p.unprotect(List.of(jail("j1")));
        assertTrue(p.protect(List.of(jail("one-more"))));
    }
}
