package org.jaildesk.ui.logs;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.Jail;
import org.jaildesk.ui.common.FileThreads;
import org.jaildesk.ui.common.FileWords;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.common.TextExport;

/**
 * Jail ▸ Console log…: a jail's console log in a window of its own, a line a row in the console's font, the newest at
 * the bottom and in view; found lines and problems only on asking; the lines copied or saved. It follows the host:
 * read again whenever the host says this jail changed (a start or stop adds to it), until the window is closed.
 */
public final class ConsoleLogWindow {

    /** Each save on a thread of its own, which ends with it. */
    private static final Executor SAVES = FileThreads.named("console-log-save");

    private ConsoleLogWindow() {
    }

    /** Opens {@code jail}'s log, read through {@code client}. Call on the FX thread. */
    public static Stage open(Window owner, Messages msg, Notifier notifier, IocageClient client, Jail jail) {
        ConsoleLogViewModel vm = new ConsoleLogViewModel(client, Platform::runLater, msg, notifier);
        FilteredList<String> shown = new FilteredList<>(vm.rows(), l -> true);
        TextField find = new TextField();
        find.setId("consoleLogFind");
        find.setPromptText(msg.get("consoleLog.find"));
        find.setAccessibleText(msg.get("consoleLog.find"));
        CheckBox problems = new CheckBox(msg.get("consoleLog.problems"));
        problems.setId("consoleLogProblems");
        Runnable filter = () -> shown.setPredicate(l -> ConsoleLogViewModel.matches(l, find.getText())
                && (!problems.isSelected() || ConsoleLogViewModel.problem(l)));
        find.textProperty().addListener((o, a, b) -> filter.run());
        problems.selectedProperty().addListener((o, a, b) -> filter.run());

        ListView<String> lines = new ListView<>(shown);
        lines.setId("consoleLogLines");
        lines.setAccessibleText(msg.get("consoleLog.title", jail.displayName()));
        // The lines in the console's font; what the empty list says, in the window's.
        lines.setCellFactory(v -> {
            javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String line, boolean empty) {
                    super.updateItem(line, empty);
                    setText(empty ? null : line);
                }
            };
            cell.getStyleClass().add("console");
            return cell;
        });
        lines.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("empty-state");
        placeholder.textProperty().bind(Bindings.when(Bindings.isEmpty(vm.rows())).then(vm.placeholder())
                .otherwise(msg.get("consoleLog.noMatch")));
        lines.setPlaceholder(placeholder);
        // The newest lines are what a failed start is about: in view after each read.
        vm.rows().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!shown.isEmpty()) {
                lines.scrollTo(shown.size() - 1);
            }
        });
        Runnable copy = () -> {
            List<String> chosen = lines.getSelectionModel().getSelectedItems();
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join("\n", chosen.isEmpty() ? shown : chosen) + "\n");
            Clipboard.getSystemClipboard().setContent(content);
        };
        lines.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copy.run();
                e.consume();
            }
        });

        Label count = new Label();
        count.setId("consoleLogCount");
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.rows().isEmpty() ? ""
                : shown.size() == vm.rows().size() ? msg.get("consoleLog.count", vm.rows().size())
                : msg.get("consoleLog.countShown", shown.size(), vm.rows().size()), vm.rows(), shown));
        Button refresh = new Button(msg.get("consoleLog.refresh"));
        refresh.setId("consoleLogRefresh");
        refresh.setOnAction(e -> vm.reload());
        Button copyButton = new Button(msg.get("consoleLog.copy"));
        copyButton.setId("consoleLogCopy");
        copyButton.setTooltip(new javafx.scene.control.Tooltip(msg.get("consoleLog.copyTip")));
        copyButton.disableProperty().bind(Bindings.isEmpty(shown));
        copyButton.setOnAction(e -> copy.run());
        Label saved = new Label();
        saved.setId("consoleLogSaved");
        Button save = new Button(msg.get("consoleLog.save"));
        save.setId("consoleLogSave");
        javafx.beans.property.BooleanProperty saving = new javafx.beans.property.SimpleBooleanProperty();
        save.disableProperty().bind(Bindings.isEmpty(vm.rows()).or(saving));
        Stage stage = new Stage();
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("ioc-" + jail.id() + "-console.log");
            java.io.File f = chooser.showSaveDialog(stage);
            if (f != null) {
                saving.set(true);
                save(List.copyOf(vm.rows()), f.toPath(), msg, saved).whenComplete((ok, error) -> Platform.runLater(() ->
                        saving.set(false)));
            }
        });
        Label about = new Label();
        about.setId("consoleLogAbout");
        about.setWrapText(true);
        about.textProperty().bind(Bindings.when(vm.about().isEmpty()).then(msg.get("consoleLog.explain", jail.displayName()))
                .otherwise(vm.about()));
        HBox.setHgrow(find, Priority.ALWAYS);
        HBox bar = new HBox(8, find, problems, refresh, copyButton, save, count, saved);
        bar.setAlignment(Pos.CENTER_LEFT);
        BorderPane root = org.jaildesk.ui.common.ListWindow.layout("consoleLog", about, bar, lines);
        stage.initOwner(owner);
        stage.setTitle(msg.get("consoleLog.title", jail.displayName()));
        stage.setScene(new Scene(root, 900, 560));
        // Following the host: a start or stop of this jail (by anyone) adds to its log; a change that names no jail (a
        // clean) may have taken it away. Other jails' changes do not touch it.
        AutoCloseable following = client.onJailChanged(changed -> {
            if (changed.isEmpty() || changed.equals(jail.id()) || changed.equals(jail.tag())) {
                Platform.runLater(vm::reload);
            }
        });
        stage.setOnHidden(e -> {
            try {
                following.close();
            } catch (Exception ignored) {
                // a listener list's removal does not fail
            }
        });
        stage.show();
        // Typing finds: the list would otherwise take the focus, its first row framed.
        find.requestFocus();
        vm.load(jail.id());
        return stage;
    }

    /** Writes the lines, whole or not at all, owner-only, off the FX thread; {@code said} tells how it went. */
    static CompletableFuture<Void> save(List<String> lines, Path to, Messages msg, Label said) {
        said.setText(msg.get("consoleLog.saving", to.getFileName()));
        return TextExport.write(to, SAVES, w -> {
            for (String l : lines) {
                w.append(l).append('\n');
            }
        }).whenComplete((ok, error) -> Platform.runLater(() -> said.setText(error == null
                ? msg.get("consoleLog.saved", lines.size(), to)
                : msg.get("consoleLog.saveFailed", Notifier.oneLine(FileWords.of(msg, error))))));
    }
}
