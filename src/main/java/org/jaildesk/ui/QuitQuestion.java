package org.jaildesk.ui;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jobs.JobRow;

/** The question before the window closes while jobs run. */
final class QuitQuestion {

    private QuitQuestion() {
    }

    /**
     * Closing the window while jobs run stops those on this machine and the demo host part-way (a create, a fetch):
     * it asks first, naming them as the jobs panel does ({@code actionName}: "Start", not {@code startjail}). Nothing
     * running: no question. {@code stopsWithWindow} tells the hosts whose jobs quitting stops (by name).
     */
    static boolean quitDespite(Stage stage, Messages msg, List<JobRow> running, java.util.function.UnaryOperator<String> actionName,
                               java.util.function.Predicate<String> stopsWithWindow) {
        if (running.isEmpty()) {
            return true;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(stage);
        d.setTitle(msg.get("quit.title"));
        d.setHeaderText(msg.get("quit.header", running.size()));
        d.getDialogPane().setId("quitDialog");
        StringBuilder names = new StringBuilder();
        for (JobRow j : running.subList(0, Math.min(5, running.size()))) {
            names.append(names.length() == 0 ? "" : "\n").append(j.state().get() == JobRow.State.WAITING
                    ? msg.get("quit.jobWaiting", actionName.apply(j.action()), j.target(), j.host())
                    : msg.get("quit.job", actionName.apply(j.action()), j.target(), j.host()));
        }
        if (running.size() > 5) {
            names.append("\n\u2026");
        }
        Label list = new Label(names.toString());
        list.setId("quitJobs");
        Label explain = Dialogs.explanation(msg.get("quit.explain"));
        d.getDialogPane().setContent(new VBox(10, list, explain));
        ButtonType quit = Dialogs.confirmButton(d, msg.get(buttonKey(running, stopsWithWindow)), "quitAnyway", true);
        // Enter keeps the jobs: stopping them takes a click on the button that says so.
        Dialogs.cancelByDefault(d, quit);
        return d.showAndWait().filter(b -> b == quit).isPresent();
    }

    /**
     * The quitting button's words: it stops them where quitting stops a job (this machine's, the demo host's) or keeps
     * one waiting its turn from starting; where every job runs on a remote host, which goes on with it, it says so.
     */
    static String buttonKey(List<JobRow> running, java.util.function.Predicate<String> stopsWithWindow) {
        return running.stream().allMatch(j -> j.goesOnWithoutWindow(stopsWithWindow)) ? "quit.leave" : "quit.anyway";
    }
}
