package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.client.Queued;
import org.junit.jupiter.api.Test;

/** Calls made one after another: the next once the one before has ended; a cancelled one ends the run. */
class ActionCallsTest {

    private final List<String> called = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<String>> calls = new ConcurrentHashMap<>();

    /** Each item's waiting job as the run said it: whether the user cancelled it, and whether it was dropped. */
    private final Map<String, boolean[]> waiting = new ConcurrentHashMap<>();

    private CompletableFuture<Void> run(String... items) {
        return ActionCalls.oneAfterAnother(List.of(items), item -> {
            boolean[] flags = new boolean[2];
            waiting.put(item, flags);
            return new Queued() {
                @Override
                public boolean cancelled() {
                    return flags[0];
                }

                @Override
                public void dropped() {
                    flags[1] = true;
                }
            };
        }, item -> {
            called.add(item);
            return calls.computeIfAbsent(item, k -> new CompletableFuture<>());
        });
    }

    private static IocageClientException failed(String message) {
        return new IocageClientException(IocageClientException.Kind.ACTION_FAILED, message);
    }

    @Test
    void eachStartsOnlyWhenTheOneBeforeHasEndedAndAFailureDoesNotStopTheRest() {
        CompletableFuture<Void> all = run("mail", "web02", "git");
        assertEquals(List.of("mail"), called);
        calls.get("mail").complete("mail updated");
        assertEquals(List.of("mail", "web02"), called);
        calls.get("web02").completeExceptionally(failed("etcupdate failed! Rolling back snapshot."));
        assertEquals(List.of("mail", "web02", "git"), called);
        assertFalse(all.isDone());
        calls.get("git").complete("git updated");
        assertTrue(all.isDone() && !all.isCompletedExceptionally());
    }

    @Test
    void aCancelledCallEndsTheRunAndThoseWaitingAreToldTheyWillNotRun() {
        CompletableFuture<Void> all = run("mail", "web02", "git");
        assertEquals(java.util.Set.of("mail", "web02", "git"), waiting.keySet(), "all said to wait, before any ran");
        calls.get("mail").completeExceptionally(new CompletionException(failed("cancelled: iocage was stopped")));
        assertTrue(all.isDone() && !all.isCompletedExceptionally());
        assertEquals(List.of("mail"), called);
        assertFalse(waiting.get("mail")[1]);
        assertTrue(waiting.get("web02")[1] && waiting.get("git")[1], "dropped");
    }

    @Test
    void oneCancelledWhileItWaitsIsLeftOutAndTheOthersGoOn() {
        CompletableFuture<Void> all = run("mail", "web02", "git");
        waiting.get("web02")[0] = true;
        calls.get("mail").complete("mail updated");
        assertEquals(List.of("mail", "git"), called, "web02 not asked for");
        calls.get("git").complete("git updated");
        assertTrue(all.isDone());
        assertFalse(waiting.get("git")[1]);
    }

    @Test
    void aSingleItemIsNotSaidToWait() {
        run("mail");
        assertEquals(java.util.Set.of(), waiting.keySet(), "its job shows when it starts, at once");
        assertEquals(List.of("mail"), called);
    }

    @Test
    void nothingToDoIsDoneAtOnce() {
        assertTrue(run().isDone());
        assertEquals(List.of(), called);
    }
}
