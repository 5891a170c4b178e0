package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jaildesk.client.JobOutput;
import org.jaildesk.domain.CommandLines;
import org.jaildesk.domain.Jail;
import org.jaildesk.ui.common.Messages;

/**
 * Run a command inside a jail: user, command (with this session's history), output and result. Not modal: several
 * consoles may be open, and the main window stays usable while a command runs. With several jails selected, the
 * console for several ({@link ExecBatchConsole}) opens instead, sharing the history.
 */
public final class ExecConsole {

    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final JailsViewModel vm;
    private final Messages msg;

    public ExecConsole(JailsViewModel vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
    }

    /** The console for one jail, or, for several, the one that runs a command in each running one among them. */
    public Stage open(Window owner, List<Jail> selection) {
        return selection.size() == 1 ? open(owner, selection.get(0))
                : new ExecBatchConsole(msg, history).open(owner,
                        selection.stream().map(j -> new ExecBatch.Target(j.displayName(), j, vm.commands()::exec, vm.commands()::snapshotBefore)).toList());
    }

    public Stage open(Window owner, Jail jail) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(msg.get("exec.title", jail.displayName()));
        CommandRow fields = CommandRow.of(msg, history, "exec");
        ComboBox<String> command = fields.command();
        Button run = fields.run();
        TextArea output = new TextArea();
        output.setId("execOutput");
        output.setAccessibleText(msg.get("exec.outputName"));
        output.setEditable(false);
        output.getStyleClass().add("console");
        Label result = new Label();
        result.setId("execResult");
        result.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(result, Priority.ALWAYS);
        Button clear = new Button(msg.get("exec.clear"));
        clear.setId("execClear");
        clear.setOnAction(e -> output.clear());
        // Esc closes the console (a command still running finishes, and shows in the jobs panel).
        Button close = new Button(msg.get("exec.close"));
        close.setId("execClose");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox top = fields.row();
        top.setPadding(new Insets(10));
        HBox bottom = new HBox(8, result, clear, close);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(6, 10, 10, 10));
        BorderPane root = new BorderPane(output, top, null, bottom, null);
        run.setOnAction(e -> {
            String cmd = fields.typed();
            if (cmd == null) {
                return;
            }
            fields.remember(cmd);
            result.getStyleClass().removeAll("ok", "failed");
            Optional<String> refused = CommandLines.check(fields.user().getText(), cmd).map(msg::get);
            if (refused.isPresent()) {
                // Nothing is sent: the host would refuse it the same way.
                result.setText(refused.get());
                result.getStyleClass().add("failed");
                return;
            }
            run.setDisable(true);
            result.setText(msg.get("exec.running"));
            add(output, "$ " + cmd + "\n");
            vm.commands().exec(jail, fields.user().getText(), cmd).whenCompleteAsync((JobOutput out, Throwable err) -> {
                run.setDisable(false);
                if (err != null) {
                    // What the command printed before it failed (its own error, as "sh: x: not found"), then the
                    // host's error, which may be a traceback of any length: bounded as output is.
                    List<String> lines = new ArrayList<>(ConsoleText.printedBefore(err));
                    lines.addAll(ConsoleText.hostError(msg, err));
                    add(output, ConsoleText.block(lines, ConsoleText.KEPT_LINES));
                    result.setText(msg.get("exec.failed"));
                    result.getStyleClass().add("failed");
                } else {
                    add(output, ConsoleText.block(out.lines(), ConsoleText.KEPT_LINES));
                    result.setText(out.lines().size() > ConsoleText.KEPT_LINES
                            ? msg.get("exec.okCut", out.lines().size(), ConsoleText.KEPT_LINES)
                            : msg.get("exec.ok", out.lines().size()));
                    result.getStyleClass().add("ok");
                }
            }, Platform::runLater);
        });
        Scene scene = new Scene(root, 720, 420);
        CommandRow.styledAs(scene, owner);
        stage.setScene(scene);
        stage.show();
        followEnd(output);
        Platform.runLater(command::requestFocus);
        return stage;
    }

    /**
     * Shows the end of the output whenever it grows, as a terminal does. The text area's own scroll position cannot do
     * it: set before the new text is laid out, the layout puts it back; so this follows the laid-out content instead.
     */
    private static void followEnd(TextArea output) {
        output.applyCss();
        if (output.lookup(".scroll-pane") instanceof ScrollPane pane && pane.getContent() != null) {
            pane.getContent().layoutBoundsProperty().addListener((o, was, now) -> {
                if (now.getHeight() != was.getHeight()) {
                    pane.setVvalue(pane.getVmax());
                }
            });
        }
    }

    /** Adds {@code text} in one piece and drops the oldest lines past {@link ConsoleText#KEPT_LINES}. */
    private static void add(TextArea output, String text) {
        output.appendText(text);
        int drop = ConsoleText.excess(output.getText(), ConsoleText.KEPT_LINES);
        if (drop > 0) {
            output.deleteText(0, drop);
        }
        // The caret stays at the end (dropping the first lines put it at the start, and a focused area scrolls to it).
        output.positionCaret(output.getLength());
    }
}
