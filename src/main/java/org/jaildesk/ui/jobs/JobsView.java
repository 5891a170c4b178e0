package org.jaildesk.ui.jobs;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jaildesk.ui.common.FileThreads;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/** The jobs panel: every job with its state, progress and duration; the selected job's live output; cancel. */
public final class JobsView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** A state cell's padding on both sides, and room so that its word is not cut by rounding. */
    private static final double STATE_PADDING = 14;

    /** 4.2 s, 3 min 07 s, 2 h 05 min. */
    static String elapsed(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format("%.1f s", d.toMillis() / 1000.0);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    public JobsView(JobsViewModel vm, Messages msg) {
        this(vm, msg, host -> Optional.empty());
    }

    /**
     * {@code callPrefix} gives, for a job's host (see {@link JobRow#ranOn}), the start of a {@code jaildesk call} command line that
     * reaches it ({@code jaildesk call --demo}); empty where there is none (a host no longer saved).
     */
    public JobsView(JobsViewModel vm, Messages msg, java.util.function.Function<JobRow, Optional<String>> callPrefix) {
        setId("jobs");
        setSpacing(4);
        setPadding(new Insets(4, 6, 6, 6));
        TableView<JobRow> table = new TableView<>(vm.jobs());
        table.setId("jobsTable");
        table.setPlaceholder(new Label(msg.get("jobs.empty")));
        TableColumn<JobRow, String> state = new TableColumn<>(msg.get("jobs.state"));
        state.setCellValueFactory(c -> Bindings.createStringBinding(() -> msg.get("jobs.state." + c.getValue().state().get().name()
                .toLowerCase(java.util.Locale.ROOT)), c.getValue().state()));
        TableColumn<JobRow, String> host = text(msg.get("jobs.host"), JobRow::host);
        TableColumn<JobRow, String> action = text(msg.get("jobs.action"), r -> vm.actionName(r.action()));
        TableColumn<JobRow, String> target = text(msg.get("jobs.target"), JobRow::target);
        TableColumn<JobRow, String> started = text(msg.get("jobs.started"), r -> TIME.format(r.started()));
        TableColumn<JobRow, String> duration = new TableColumn<>(msg.get("jobs.duration"));
        duration.setCellValueFactory(c -> Bindings.createStringBinding(() -> elapsed(c.getValue().duration().get()),
                c.getValue().duration()));
        // While a job runs its duration counts up once a second; the timeline stops when none runs (an animation
        // that keeps going would keep the FX thread pulsing on an idle window).
        Timeline clock = new Timeline();
        clock.getKeyFrames().add(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            if (!vm.tick(Instant.now())) {
                clock.stop();
            }
        }));
        clock.setCycleCount(Animation.INDEFINITE);
        vm.jobs().addListener((ListChangeListener<JobRow>) c -> {
            if (vm.jobs().stream().anyMatch(r -> r.state().get() == JobRow.State.RUNNING)) {
                clock.play();
            }
        });
        TableColumn<JobRow, Number> progress = new TableColumn<>(msg.get("jobs.progress"));
        progress.setCellValueFactory(c -> c.getValue().progress());
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(v.doubleValue() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : v.doubleValue());
                bar.setMaxWidth(Double.MAX_VALUE);
                setGraphic(bar);
            }
        });
        progress.setPrefWidth(100);
        TableColumn<JobRow, String> result = new TableColumn<>(msg.get("jobs.result"));
        result.setCellValueFactory(c -> c.getValue().result());
        // The result says most ("release 14.2-RELEASE fetched", why a job failed): it takes the width the others leave,
        // and its tooltip holds what the cell cuts short. The cell shows the first line: a label lays out all of its text,
        // and a result may be a few thousand characters (JobsViewModel.RESULT).
        result.setCellFactory(c -> new TableCell<>() {
            private final Tooltip whole = new Tooltip();

            {
                whole.setWrapText(true);
                whole.setMaxWidth(640);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean none = empty || text == null || text.isEmpty();
                setText(none ? null : Notifier.oneLine(text));
                whole.setText(none ? "" : text);
                setTooltip(none ? null : whole);
            }
        });
        result.setMinWidth(160);
        state.setPrefWidth(75);
        host.setPrefWidth(120);
        action.setPrefWidth(110);
        target.setPrefWidth(110);
        started.setPrefWidth(80);
        duration.setPrefWidth(80);
        // The short columns keep their headings whole ("Durat…" at 1280 pixels, "Fortsch…" in German); the host and the
        // result give way.
        for (TableColumn<JobRow, ?> c : java.util.List.of(state, started, duration, progress)) {
            c.setMinWidth(c.getPrefWidth());
        }
        table.getColumns().addAll(java.util.List.of(state, host, action, target, started, duration, progress, result));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.skinProperty().addListener((o, was, skin) -> {
            if (skin != null) {
                Platform.runLater(() -> fitStates(table, state, msg));
            }
        });

        TextArea output = new TextArea();
        output.setId("jobOutput");
        output.setEditable(false);
        output.getStyleClass().add("console");
        // The selected job's request above its output, as the command line that repeats it (or as the JSON sent,
        // where no command line can say it): what the window asked, without a trip to the clipboard.
        TextField request = new TextField();
        request.setId("jobRequest");
        request.setEditable(false);
        request.getStyleClass().add("console");
        request.setAccessibleText(msg.get("jobs.requestName"));
        request.setTooltip(new Tooltip(msg.get("jobs.requestTip")));
        request.managedProperty().bind(request.visibleProperty());
        request.setVisible(false); // until a job with a request is selected
        Consumer<JobRow> showAll = r -> {
            String sent = r == null ? "" : callPrefix.apply(r).flatMap(p -> CallLine.of(p, r.request())).orElse(r.request());
            // A text field drops line breaks and tabs; shown as marks, the line does not seem to say something else.
            request.setText(sent.replace("\n", "\u23ce").replace("\t", "\u2192"));
            request.setVisible(!sent.isEmpty());
            output.setText(r == null ? "" : String.join("\n", r.output()));
            OutputPane.showLastLine(output, r == null ? List.of() : r.output());
        };
        ListChangeListener<String> follow = c -> {
            if (OutputPane.follow(output, c)) {
                OutputPane.showLastLine(output, c.getList());
            } else {
                showAll.accept(table.getSelectionModel().getSelectedItem());
            }
        };
        Button cancel = new Button(msg.get("jobs.cancel"));
        cancel.setId("jobCancel");
        cancel.setOnAction(e -> vm.cancel(table.getSelectionModel().getSelectedItem()));
        // What follows the selected job and its state: whether it can be cancelled, what its empty output pane says.
        Runnable showSelected = () -> {
            JobRow r = table.getSelectionModel().getSelectedItem();
            cancel.setDisable(r == null || !r.cancellable());
            // Shown while the text is empty: a blank pane would not say whether anything is missing.
            output.setPromptText(msg.get(r == null ? "jobs.output.select"
                    : r.state().get() == JobRow.State.WAITING ? "jobs.output.queued"
                    : r.state().get() == JobRow.State.RUNNING ? "jobs.output.waiting" : "jobs.output.none"));
        };
        javafx.beans.value.ChangeListener<JobRow.State> stateChanged = (o, a, b) -> showSelected.run();
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.output().removeListener(follow);
                a.state().removeListener(stateChanged);
            }
            showAll.accept(b);
            if (b != null) {
                b.output().addListener(follow);
                b.state().addListener(stateChanged);
            }
            showSelected.run();
        });
        showSelected.run();
        Button clear = new Button(msg.get("jobs.clear"));
        clear.setId("jobsClear");
        clear.setOnAction(e -> vm.clearFinished());
        Label saved = new Label();
        saved.setId("jobsSaved");
        Button export = new Button(msg.get("jobs.export"));
        export.setId("jobsExport");
        export.setTooltip(new Tooltip(msg.get("jobs.exportTip")));
        // Off while there is nothing to save, and while a file is being written.
        javafx.beans.property.BooleanProperty writing = new javafx.beans.property.SimpleBooleanProperty();
        export.disableProperty().bind(Bindings.isEmpty(vm.jobs()).or(writing));
        export.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName("jaildesk-jobs.csv");
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                writing.set(true);
                export(vm, msg, f.toPath(), saved).whenComplete((ok, error) -> javafx.application.Platform.runLater(
                        () -> writing.set(false)));
            }
        });
        table.setContextMenu(requestMenu(table, msg, callPrefix));
        Label title = new Label(msg.get("jobs.title"));
        title.setLabelFor(table);
        output.setAccessibleText(msg.get("jobs.outputName"));
        title.getStyleClass().add("section-title");
        HBox top = new HBox(8, title, cancel, clear, export, saved);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(output, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, new VBox(4, request, output));
        split.setDividerPositions(0.66);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, split);
    }

    /**
     * The jobs table's context menu: the selected job's request as a {@code jaildesk call} command line, or as the
     * JSON it was sent as, for a script ("show your work"). Off for a job whose request is not known (one waiting its
     * turn, or from before JailDesk kept them).
     */
    private static javafx.scene.control.ContextMenu requestMenu(TableView<JobRow> table, Messages msg,
                                                                java.util.function.Function<JobRow, Optional<String>> callPrefix) {
        javafx.scene.control.MenuItem asCall = new javafx.scene.control.MenuItem(msg.get("jobs.copyCall"));
        asCall.setId("jobCopyCall");
        javafx.scene.control.MenuItem asJson = new javafx.scene.control.MenuItem(msg.get("jobs.copyRequest"));
        asJson.setId("jobCopyRequest");
        java.util.function.Supplier<Optional<String>> call = () -> {
            JobRow r = table.getSelectionModel().getSelectedItem();
            return r == null ? Optional.empty() : callPrefix.apply(r).flatMap(p -> CallLine.of(p, r.request()));
        };
        asCall.setOnAction(e -> call.get().ifPresent(org.jaildesk.ui.common.TableCopy::toClipboard));
        asJson.setOnAction(e -> {
            JobRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                org.jaildesk.ui.common.TableCopy.toClipboard(r.request());
            }
        });
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(asCall, asJson);
        menu.setOnShowing(e -> {
            JobRow r = table.getSelectionModel().getSelectedItem();
            asJson.setDisable(r == null || r.request().isEmpty());
            asCall.setDisable(call.get().isEmpty());
        });
        return menu;
    }

    /**
     * Writes the jobs listed now to {@code to} as CSV ({@link JobsCsv}) off the FX thread; {@code said} tells how it
     * went. Call on the FX thread.
     */
    static CompletableFuture<Void> export(JobsViewModel vm, Messages msg, Path to, Label said) {
        List<JobsCsv.Row> rows = JobsCsv.rows(vm, List.copyOf(vm.jobs()),
                st -> msg.get("jobs.state." + st.name().toLowerCase(Locale.ROOT)));
        List<String> header = List.of(msg.get("jobs.started"), msg.get("jobs.host"), msg.get("jobs.action"), msg.get("jobs.target"),
                msg.get("jobs.state"), msg.get("jobs.duration") + " (s)", msg.get("jobs.result"));
        said.setText(msg.get("jobs.saving", to.getFileName()));
        // Owner-only: a job's result may name what a host printed.
        return org.jaildesk.ui.common.TextExport.write(to, EXPORTS, w -> JobsCsv.write(header, rows, ZoneId.systemDefault(), w))
                .whenComplete((ok, error) -> javafx.application.Platform.runLater(() -> said.setText(error == null
                ? msg.get("jobs.saved", rows.size(), to)
                : msg.get("jobs.exportFailed", Notifier.oneLine(org.jaildesk.ui.common.FileWords.of(msg, error))))));
    }


    /** Where the history is written: a file on a slow disk or share must not hold the window. */
    private static final Executor EXPORTS = FileThreads.named("jobs-export");

    private static TableColumn<JobRow, String> text(String title, java.util.function.Function<JobRow, String> f) {
        TableColumn<JobRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }


    /**
     * Widens the state column to its longest word in the window's language ("left running", "abgebrochen"), measured
     * in the cells' font once they are styled: a fixed width cut "left run…".
     */
    private static void fitStates(TableView<JobRow> table, TableColumn<JobRow, String> state, Messages msg) {
        table.applyCss();
        javafx.scene.text.Font font = table.lookup(".column-header .label") instanceof Label title ? title.getFont()
                : javafx.scene.text.Font.getDefault();
        double widest = 0;
        for (JobRow.State s : JobRow.State.values()) {
            javafx.scene.text.Text word = new javafx.scene.text.Text(msg.get("jobs.state." + s.name().toLowerCase(java.util.Locale.ROOT)));
            word.setFont(font);
            widest = Math.max(widest, word.getLayoutBounds().getWidth());
        }
        double need = Math.ceil(widest + STATE_PADDING);
        if (state.getMinWidth() < need) {
            state.setMinWidth(need);
            state.setPrefWidth(need);
            table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
        }
    }
}
