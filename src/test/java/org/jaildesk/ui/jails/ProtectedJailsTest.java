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

    /** A host's marks, as a server keeps them: it answers its marks after each change; it may refuse. */
    private static class FakeHost implements ProtectedJails.Keeper {
        final java.util.TreeSet<String> marks = new java.util.TreeSet<>();
        final List<String> asked = new ArrayList<>();
        String refuse = "";

        @Override
        public java.util.concurrent.CompletableFuture<List<String>> set(String id, boolean on) {
            asked.add((on ? "+" : "-") + id);
            if (id.equals(refuse)) {
                return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("the host refused " + id));
            }
            if (on) {
                marks.add(id);
            } else {
                marks.remove(id);
            }
            return list();
        }

        @Override
        public java.util.concurrent.CompletableFuture<List<String>> list() {
            return java.util.concurrent.CompletableFuture.completedFuture(List.copyOf(marks));
        }
    }

    /**
     * Where the host keeps the marks, this desktop's go to it first, then what is shown is the host's answer; protect and
     * unprotect ask the host and save nothing here; a rename is the host's to follow.
     */
    @Test
    void aHostThatKeepsMarksGetsThisDesktopsAndAnswersForThemFromThenOn() throws Exception {
        ProtectedJails p = new ProtectedJails();
        List<List<String>> saved = new ArrayList<>();
        p.onChange(saved::add);
        p.restore(List.of("web01"));
        FakeHost host = new FakeHost();
        host.marks.add("db01");
        List<Throwable> failed = new ArrayList<>();
        assertTrue(p.keptBy(host, Runnable::run, failed::add).get());
        assertEquals(List.of("+web01"), host.asked);
        assertTrue(p.onHost());
        assertEquals(java.util.Set.of("db01", "web01"), p.ids());
        p.protect(List.of(jail("mail")));
        p.unprotect(List.of(jail("db01"), jail("nothere")));
        p.protect(List.of(jail("web01")));
        p.unprotect(List.of(jail("nothere")));
        assertEquals(List.of("+web01", "+mail", "-db01"), host.asked, "a jail marked already, or without a mark, is not asked for");
        assertEquals(java.util.Set.of("mail", "web01"), p.ids());
        p.moved("mail", "post");
        assertTrue(p.has("post"));
        assertTrue(saved.isEmpty(), "nothing saved on this desktop");
        // Refused: the failure is told, the marks stay what the host has.
        host.refuse = "web01";
        p.unprotect(List.of(jail("web01")));
        assertEquals(1, failed.size());
        assertTrue(p.has("web01"));
    }

    /** A host that does not take this desktop's marks leaves them the ones that count: nothing goes unprotected. */
    @Test
    void whereTheHostDoesNotTakeThisDesktopsMarksTheyStay() throws Exception {
        ProtectedJails p = new ProtectedJails();
        List<List<String>> saved = new ArrayList<>();
        p.onChange(saved::add);
        p.restore(List.of("web01", "mail"));
        FakeHost host = new FakeHost();
        host.refuse = "web01";
        List<Throwable> failed = new ArrayList<>();
        assertFalse(p.keptBy(host, Runnable::run, failed::add).get());
        assertEquals(1, failed.size());
        assertFalse(p.onHost());
        assertEquals(java.util.Set.of("mail", "web01"), p.ids());
        p.protect(List.of(jail("db01")));
        assertEquals(List.of(List.of("db01", "mail", "web01")), saved, "kept on this desktop as before");
    }

    /** A mark made or taken away here while this desktop's go to the host goes too: none is lost on the way. */
    @Test
    void marksChangedWhileTheyAreHandedOverGoToo() throws Exception {
        ProtectedJails p = new ProtectedJails();
        p.restore(List.of("web01", "db01"));
        List<java.util.concurrent.CompletableFuture<List<String>>> held = new ArrayList<>();
        FakeHost host = new FakeHost() {
            @Override
            public java.util.concurrent.CompletableFuture<List<String>> set(String id, boolean on) {
                java.util.concurrent.CompletableFuture<List<String>> answer = super.set(id, on);
                if (!held.isEmpty()) {
                    return answer;
                }
                // The first answer is held back until the test lets it go.
                held.add(new java.util.concurrent.CompletableFuture<>());
                return held.get(0);
            }
        };
        java.util.concurrent.CompletableFuture<Boolean> taken = p.keptBy(host, Runnable::run, e -> { });
        assertFalse(taken.isDone(), "the first mark is on its way");
        p.protect(List.of(jail("mail")));
        p.unprotect(List.of(jail("db01")));
        held.get(0).complete(List.copyOf(host.marks));
        assertTrue(taken.get());
        assertEquals(java.util.Set.of("mail", "web01"), host.marks);
        assertEquals(java.util.Set.of("mail", "web01"), p.ids());
    }

    /**
     * Another client's change is read again when the host says so; an answer that comes after the answer to a request
     * sent later is not taken (it holds older marks), and where this desktop keeps the marks nothing is asked.
     */
    @Test
    void theHostsMarksAreReadAgainAndAnOlderAnswerDoesNotReplaceANewerOne() throws Exception {
        ProtectedJails p = new ProtectedJails();
        List<String> asks = new ArrayList<>();
        FakeHost host = new FakeHost() {
            @Override
            public java.util.concurrent.CompletableFuture<List<String>> list() {
                asks.add("list");
                return super.list();
            }
        };
        p.reread();
        assertTrue(asks.isEmpty(), "this desktop keeps the marks: nothing to read");
        assertTrue(p.keptBy(host, Runnable::run, e -> { }).get());
        host.marks.add("db01"); // another client's mark
        p.reread();
        assertEquals(java.util.Set.of("db01"), p.ids());

        // The host answers in order, but the answers are handed on late and out of it.
        FakeHost slow = new FakeHost() {
            @Override
            public java.util.concurrent.CompletableFuture<List<String>> set(String id, boolean on) {
                return super.set(id, on).thenApplyAsync(marks -> marks, held);
            }
        };
        ProtectedJails q = new ProtectedJails();
        assertTrue(q.keptBy(slow, Runnable::run, e -> { }).get());
        q.protect(List.of(jail("mail")));  // answered [mail], handed on late
        slow.marks.add("web01");             // another client's mark
        q.reread();                           // answered [mail, web01] at once
        assertEquals(java.util.Set.of("mail", "web01"), q.ids());
        heldBack.forEach(Runnable::run);      // now the older answer
        assertEquals(java.util.Set.of("mail", "web01"), q.ids(), "the older answer is not taken");
    }

    /** Work held back until the test runs it: an answer handed on late. */
    private final List<Runnable> heldBack = new ArrayList<>();
    private final java.util.concurrent.Executor held = heldBack::add;
}
