package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jobs.JobRow;
import org.jaildesk.ui.jobs.JobsViewModel;
import org.junit.jupiter.api.Test;

/** The quit question's button says what quitting does to the jobs it names. */
class QuitQuestionTest {

    private static final Predicate<String> LOCAL = "This machine (iocage)"::equals;
    private final Messages msg = new Messages(Locale.ENGLISH);

    @Test
    void jobsThatQuittingStopsOrDropsAreStopped() {
        JobsViewModel vm = new JobsViewModel(Runnable::run, msg, (Path) null, m -> { });
        vm.sinkFor("nas").started("fetchrelease", "14.2-RELEASE", null);
        vm.sinkFor("This machine (iocage)").started("startjail", "mail", null);
        assertEquals("Quit and stop them", msg.get(QuitQuestion.buttonKey(live(vm), LOCAL)));

        JobsViewModel waiting = new JobsViewModel(Runnable::run, msg, (Path) null, m -> { });
        waiting.sinkFor("nas").started("updatejail", "web", null);
        waiting.sinkFor("nas").queued("updatejail", "git");
        assertEquals("Quit and stop them", msg.get(QuitQuestion.buttonKey(live(waiting), LOCAL)),
                "a remote job waiting its turn here is never sent");
    }

    @Test
    void jobsThatAllGoOnAtTheirRemoteHostAreLeftRunning() {
        JobsViewModel vm = new JobsViewModel(Runnable::run, msg, (Path) null, m -> { });
        vm.sinkFor("nas").started("fetchrelease", "14.2-RELEASE", null);
        vm.sinkFor("backup").started("startjail", "mail", null);
        assertEquals("Quit and leave them running", msg.get(QuitQuestion.buttonKey(live(vm), LOCAL)));
        assertEquals("Beenden, sie laufen weiter",
                new Messages(Locale.GERMAN).get(QuitQuestion.buttonKey(live(vm), LOCAL)));
    }

    private static List<JobRow> live(JobsViewModel vm) {
        return vm.jobs().stream().filter(j -> j.state().get().live()).toList();
    }
}
