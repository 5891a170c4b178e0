package org.jaildesk.ui.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jaildesk.ui.common.Messages;

/**
 * The desktop notifications of ended jobs. Jobs that end together (six jails started at once, a command run in each
 * of them) come as one notification that names the first few and counts the rest, instead of a stack of them over
 * the window; a job that ends alone comes as it always did. Used on the FX thread only.
 */
public final class EndedJobs implements Consumer<String> {

    /** The ended jobs one notification names; the rest it counts. */
    static final int NAMED = 3;

    private final Messages msg;
    private final Consumer<String> show;
    private final Consumer<Runnable> afterAWhile;
    private final List<String> gathered = new ArrayList<>();

    /**
     * @param show        shows one notification
     * @param afterAWhile runs what it is given on the FX thread a moment later (the spell in which jobs count as ending
     *                    together: the app's is 0.7 s from the first)
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
        if (gathered.size() == 1) {
            afterAWhile.accept(this::showGathered);
        }
    }

    private void showGathered() {
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
