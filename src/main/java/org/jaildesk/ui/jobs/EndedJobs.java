package org.jaildesk.ui.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jaildesk.ui.common.Messages;

/**
 * The desktop notifications of ended jobs. Jobs that end together (six jails started at once, a command run in each
 * of them) or one after another (jails updated in turn, each a moment after the last) come as one notification that
 * names the first few and counts the rest, instead of a stack of them over the window; a job that ends alone comes as
 * it always did. The notification waits for a quiet moment after the last ending, but never longer than
 * {@link #LONGEST} after the first. Used on the FX thread only.
 */
public final class EndedJobs implements Consumer<String> {

    /** The ended jobs one notification names; the rest it counts. */
    static final int NAMED = 3;
    /** The longest an ending waits for those after it, so that a long run of endings is still told as it goes. */
    static final java.time.Duration LONGEST = java.time.Duration.ofSeconds(5);

    private final Messages msg;
    private final Consumer<String> show;
    private final Consumer<Runnable> afterAWhile;
    private final List<String> gathered = new ArrayList<>();
    /** How many endings came so far: a moment's wait that ends with another ending since is not quiet. */
    private long endings;
    private long firstAt;
    private java.util.function.LongSupplier nanos = System::nanoTime;

    /**
     * @param show        shows one notification
     * @param afterAWhile runs what it is given on the FX thread a moment later (the quiet spell after which the
     *                    endings gathered are told: the app's is one second)
     */
    public EndedJobs(Messages msg, Consumer<String> show, Consumer<Runnable> afterAWhile) {
        this.msg = msg;
        this.show = show;
        this.afterAWhile = afterAWhile;
    }

    /** One job's ending ("Start mail on Demo host: done"). */
    @Override
    public void accept(String ended) {
        gathered.add(ended);
        long mine = ++endings;
        if (gathered.size() == 1) {
            firstAt = nanos.getAsLong();
        }
        afterAWhile.accept(() -> {
            if (mine == endings || nanos.getAsLong() - firstAt >= LONGEST.toNanos()) {
                showGathered();
            }
        });
    }

    /** The clock that says how long the first ending gathered has waited (for tests). */
    void clock(java.util.function.LongSupplier nanos) {
        this.nanos = nanos;
    }

    private void showGathered() {
        if (gathered.isEmpty()) {
            return;
        }
        List<String> ended = List.copyOf(gathered);
        gathered.clear();
        if (ended.size() == 1) {
            show.accept(ended.get(0));
            return;
        }
        StringBuilder text = new StringBuilder(msg.get("jobs.endedMany", ended.size()));
        for (String one : ended.subList(0, Math.min(NAMED, ended.size()))) {
            text.append('\n').append(one);
        }
        if (ended.size() > NAMED) {
            text.append('\n').append(msg.get("jobs.endedMore", ended.size() - NAMED));
        }
        show.accept(text.toString());
    }
}
