package org.jaildesk.ui.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.jaildesk.domain.PropertyDef;
import org.jaildesk.domain.Wording;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/**
 * The inspector: properties by category with a search box; overridden values marked "•" and tinted, read-only ones
 * greyed, those that need a restart marked; editors by type that refuse invalid text as it is typed; changes are
 * reviewed as a diff, then applied to every target (all selected jails).
 */
public final class SettingsView extends VBox {

    private final SettingsViewModel vm;
    private final Messages msg;
    private final PropertySheet sheet = new PropertySheet();
    /** The sheet's own least width of an editor (ControlsFX's {@code MIN_COLUMN_WIDTH}). */
    static final double EDITOR_PREF_WIDTH = 100;
    /**
     * The widest name kept on one line: what the inspector at the window's first size leaves beside a field of
     * {@link #EDITOR_PREF_WIDTH}.
     */
    static final double NAME_ONE_LINE_WIDTH = 200;
    /** A label of the view's, styled as the sheet's names are (the theme's font, once the view is shown). */
    private final Label fontOfNames = new Label();
    private final Supplier<List<String>> targets;
    private final java.util.function.Function<java.util.Map<String, String>,
            java.util.concurrent.CompletableFuture<java.util.Optional<String>>> addressCheck;

    public SettingsView(SettingsViewModel vm, Messages msg, Supplier<List<String>> targets, String id) {
        this(vm, msg, targets, id, edits -> java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.empty()));
    }

    /**
     * {@code addressCheck} says, for the pending edits, which jail already has an address they give the targets (or
     * nothing): the review dialog shows it as a warning once it is known.
     */
    public SettingsView(SettingsViewModel vm, Messages msg, Supplier<List<String>> targets, String id,
                        java.util.function.Function<java.util.Map<String, String>,
                                java.util.concurrent.CompletableFuture<java.util.Optional<String>>> addressCheck) {
        this.addressCheck = addressCheck;
        this.vm = vm;
        this.msg = msg;
        this.targets = targets;
        setId(id);
        getStyleClass().add("settings");
        setSpacing(6);
        setPadding(new Insets(6));
        Label reason = new Label();
        reason.setId(id + "-readOnly");
        reason.setWrapText(true);
        reason.getStyleClass().add("banner");
        reason.textProperty().bind(vm.readOnlyReason());
        reason.visibleProperty().bind(vm.readOnlyReason().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        // Nothing to show yet: a jail's sheet says how to get one (the defaults' sheet is read as it opens).
        Label none = new Label(msg.get("settings.none"));
        none.setId(id + "-none");
        none.setWrapText(true);
        none.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.forDefaults() && vm.settings().isEmpty()
                && !vm.loading().get() && vm.readOnlyReason().get().isEmpty(), vm.settings(), vm.loading(), vm.readOnlyReason()));
        none.managedProperty().bind(none.visibleProperty());
        Label legend = new Label(msg.get("settings.legend"));
        legend.setId(id + "-legend");
        legend.getStyleClass().add("legend");
        legend.setWrapText(true);
        // In the narrow inspector the legend takes two lines rather than end in "…".
        legend.setMinHeight(Region.USE_PREF_SIZE);
        sheet.setId(id + "-sheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        // Our own search field: the sheet's is worded by ControlsFX, in English only ("Search" in the German window).
        sheet.setSearchBoxVisible(false);
        TextField filter = new TextField();
        filter.setId(id + "-search");
        filter.setPromptText(msg.get("settings.search"));
        filter.setAccessibleText(msg.get("settings.search"));
        sheet.titleFilter().bind(filter.textProperty());
        sheet.setCategoryComparator(java.util.Comparator.comparingInt(this::categoryOrder));
        sheet.setPropertyEditorFactory(item -> editor((SettingItem) item));
        VBox.setVgrow(sheet, Priority.ALWAYS);
        Button review = new Button(msg.get("settings.review"));
        review.setId(id + "-review");
        review.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !vm.editable().get() || vm.edits().isEmpty() || !vm.invalid().isEmpty(), vm.editable(), vm.edits(), vm.invalid()));
        review.setOnAction(e -> review());
        Button discard = new Button(msg.get("settings.discard"));
        discard.setId(id + "-discard");
        discard.disableProperty().bind(Bindings.isEmpty(vm.edits()).and(Bindings.isEmpty(vm.invalid())));
        discard.setOnAction(e -> {
            vm.discard();
            rebuild();
        });
        Label pending = fontOfNames;
        pending.setId(id + "-pending");
        pending.textProperty().bind(Bindings.createStringBinding(() -> vm.edits().isEmpty() ? ""
                : msg.get("settings.pending", vm.edits().size()), vm.edits()));
        // A field refused as typed is only outlined; what is wrong with it is said under the buttons too, not only in
        // its tooltip, on a line of its own (beside the buttons the narrow inspector wrapped it word by word).
        Label problem = new Label();
        problem.setId(id + "-problem");
        problem.getStyleClass().add("danger-text");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(Bindings.createStringBinding(() -> vm.invalid().isEmpty() ? ""
                : vm.invalid().values().iterator().next(), vm.invalid()));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        // The buttons and the count keep their words whole (the inspector is narrow, German longer): what does not fit
        // beside the buttons goes to the next line. (Beside them in a row, a German count was squeezed to one letter a
        // line, a column as high as the sheet.)
        review.setMinWidth(Region.USE_PREF_SIZE);
        discard.setMinWidth(Region.USE_PREF_SIZE);
        pending.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 4, review, discard, pending);
        if (!vm.forDefaults()) {
            // The create dialog's Network choice for this jail: its changes join the pending ones, reviewed as they are.
            Button network = new Button(msg.get("settings.network"));
            network.setId(id + "-network");
            network.setMinWidth(Region.USE_PREF_SIZE);
            network.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.editable().get() || vm.settings().isEmpty()
                    || vm.loading().get(), vm.editable(), vm.settings(), vm.loading()));
            network.setOnAction(e -> network());
            buttons.getChildren().add(0, network);
        }
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(reason, none, legend, filter, sheet, buttons, problem);
        vm.settings().addListener((ListChangeListener<Setting>) c -> rebuild());
        vm.editable().addListener((o, a, b) -> rebuild());
    }

    private int categoryOrder(String name) {
        for (PropertyDef.Category c : PropertyDef.Category.values()) {
            if (name(c).equals(name)) {
                return c.ordinal();
            }
        }
        return 99;
    }

    private String name(PropertyDef.Category c) {
        return msg.get("category." + c.name().toLowerCase(Locale.ROOT));
    }

    private void rebuild() {
        sheet.getItems().setAll(vm.settings().stream().map(SettingItem::new).toList());
    }

    /** Opens the Network choice for the jail shown; what it would change becomes pending edits of the sheet. */
    private void network() {
        java.util.Map<String, String> now = new java.util.HashMap<>();
        for (Setting s : vm.settings()) {
            now.put(s.key(), s.value());
        }
        now.putAll(vm.edits());
        org.jaildesk.ui.jails.NetworkDialog.of(getScene() == null ? null : getScene().getWindow(), msg, vm.subject().get(), now,
                vm.hostInterfaces(), vm::forwardsOnHost, edits -> {
                    vm.editAll(edits);
                    rebuild();
                }).show();
    }

    /** Whether the last review chose a snapshot first. */
    private boolean snapshotFirstChosen;

    private void review() {
        List<SettingsViewModel.Change> changes = vm.diff(targets.get());
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        d.setTitle(msg.get("settings.reviewTitle"));
        d.setHeaderText(msg.get("settings.reviewHeader", changes.size()));
        d.getDialogPane().setId("settingsDiff");
        StringBuilder b = new StringBuilder();
        for (SettingsViewModel.Change c : changes) {
            b.append(c.jail()).append(": ").append(c.key()).append("  ").append(c.from()).append(" \u2192 ").append(c.to()).append('\n');
        }
        Label warning = Dialogs.warningLabel("settingsDiffWarning");
        warning.managedProperty().bind(warning.textProperty().isNotEmpty());
        addressCheck.apply(java.util.Map.copyOf(vm.edits())).thenAcceptAsync(w -> warning.setText(w.orElse("")),
                javafx.application.Platform::runLater);
        TextArea diff = new TextArea(b.toString());
        diff.setId("settingsDiffText");
        diff.setAccessibleText(d.getHeaderText());
        diff.setEditable(false);
        diff.setPrefRowCount(Math.min(14, changes.size() + 1));
        // Offered where the host can take one (not the original sysadm server, not the defaults); the choice is kept
        // for the next review while the window is open.
        javafx.scene.control.CheckBox snapshotFirst = new javafx.scene.control.CheckBox(msg.get("settings.snapshotFirst"));
        snapshotFirst.setId("settingsSnapshotFirst");
        snapshotFirst.setWrapText(true);
        snapshotFirst.setTooltip(new javafx.scene.control.Tooltip(msg.get("settings.snapshotFirst.help")));
        snapshotFirst.setAccessibleHelp(msg.get("settings.snapshotFirst.help"));
        snapshotFirst.setSelected(snapshotFirstChosen);
        snapshotFirst.setMaxWidth(460);
        snapshotFirst.setMinHeight(Region.USE_PREF_SIZE);
        snapshotFirst.setVisible(false);
        snapshotFirst.managedProperty().bind(snapshotFirst.visibleProperty());
        vm.canSnapshotFirst().thenAcceptAsync(can -> {
            snapshotFirst.setVisible(can);
            // Known after the dialog was sized (a remote host answers later): it grows to show the box whole.
            javafx.application.Platform.runLater(() -> Dialogs.growToFit(snapshotFirst));
        }, javafx.application.Platform::runLater);
        d.getDialogPane().setContent(new javafx.scene.layout.VBox(8, diff, warning, snapshotFirst));
        ButtonType apply = Dialogs.confirmButton(d, msg.get("settings.apply"), "settingsApply", true);
        d.showAndWait().filter(x -> x == apply).ifPresent(x -> {
            snapshotFirstChosen = snapshotFirst.isSelected();
            vm.apply(targets.get(), snapshotFirst.isVisible() && snapshotFirst.isSelected());
        });
    }

    private PropertyEditor<?> editor(SettingItem item) {
        Setting s = item.setting;
        Node node;
        if (s.readOnly() || !vm.editable().get()) {
            TextField t = new TextField(item.getValue().toString());
            t.setEditable(false);
            t.getStyleClass().add("readonly");
            // The narrow field may show only the value's start (a path, a UUID): the tooltip shows it whole.
            if (!t.getText().isEmpty()) {
                t.setTooltip(new Tooltip(t.getText()));
            }
            node = t;
        } else if (s.def().type() == PropertyDef.Type.BOOL || s.def().type() == PropertyDef.Type.ENUM) {
            List<String> choices = s.def().type() == PropertyDef.Type.BOOL ? List.of("on", "off") : s.def().choices();
            ChoiceBox<String> box = new ChoiceBox<>(FXCollections.observableArrayList(choices));
            if (!choices.contains(item.getValue().toString())) {
                box.getItems().add(item.getValue().toString());
            }
            box.setValue(item.getValue().toString());
            box.valueProperty().addListener((o, a, v) -> {
                vm.edit(s.key(), v);
                mark(box, s);
            });
            node = box;
        } else {
            TextField t = new TextField(item.getValue().toString());
            t.setTooltip(new Tooltip(msg.get(s.def().expected())));
            t.textProperty().addListener((o, a, v) -> {
                Optional<String> problem = vm.edit(s.key(), v);
                t.getStyleClass().remove("invalid");
                t.getTooltip().setText(problem.orElse(msg.get(s.def().expected())));
                if (problem.isPresent()) {
                    t.getStyleClass().add("invalid");
                }
                mark(t, s);
            });
            node = t;
        }
        node.setId("setting-" + s.key());
        // The sheet gives each editor what its names leave (editors grow, names do not): asking no more than the
        // sheet's least width for them keeps the names whole in the narrow inspector, instead of both columns cut.
        ((Region) node).setPrefWidth(EDITOR_PREF_WIDTH);
        mark(node, s);
        return new PropertyEditor<Object>() {
            @Override
            public Node getEditor() {
                return node;
            }

            @Override
            public Object getValue() {
                return item.getValue();
            }

            @Override
            public void setValue(Object value) {
                // The editor's own node holds the value being typed.
            }
        };
    }

    /** How wide {@code s} is in the sheet's names' font. */
    private double textWidth(String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(fontOfNames.getFont());
        return t.getLayoutBounds().getWidth();
    }

    private void mark(Node node, Setting s) {
        node.getStyleClass().removeAll("override", "edited");
        if (vm.edits().containsKey(s.key())) {
            node.getStyleClass().add("edited");
        } else if (s.override()) {
            node.getStyleClass().add("override");
        }
    }

    /** One row of the sheet. */
    private final class SettingItem implements PropertySheet.Item {
        final Setting setting;
        private String name;

        SettingItem(Setting s) {
            this.setting = s;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return name(setting.category());
        }

        @Override
        public String getName() {
            // Asked again at each keystroke of the search: measured once.
            if (name == null) {
                name = shownName();
            }
            return name;
        }

        private String shownName() {
            StringBuilder b = new StringBuilder(setting.key());
            if (setting.override()) {
                b.append(" \u2022");
            }
            String mark = "";
            // A setting that cannot be changed takes no effect at a restart either: its one mark says so.
            if (setting.needsRestart() && !setting.readOnly()) {
                mark = msg.get("settings.markRestart");
            }
            if (setting.readOnly()) {
                mark = msg.get("settings.markReadOnly");
            }
            if (mark.isEmpty()) {
                return b.toString();
            }
            // The sheet gives its names one line each (its grid does not wrap them): a name that would not fit beside
            // its field in the narrow inspector has its mark on a second line rather than end in "…".
            String oneLine = b + " " + mark;
            return textWidth(oneLine) <= NAME_ONE_LINE_WIDTH ? oneLine : b + "\n" + mark;
        }

        @Override
        public String getDescription() {
            StringBuilder b = new StringBuilder(setting.key());
            if (setting.def() != null) {
                b.append(": ").append(msg.get(setting.def().expected()));
            }
            if (!setting.defaultValue().isEmpty()) {
                b.append("\n").append(msg.get("settings.default", setting.defaultValue()));
            }
            if (setting.needsRestart() && !setting.readOnly()) {
                b.append("\n").append(msg.get("settings.restartHint"));
            }
            // The name's marks say it short; the tooltip in words.
            if (setting.readOnly()) {
                b.append("\n").append(msg.get(Wording.of(Wording.Phrase.VALUE_READ_ONLY, setting.key())));
            }
            return b.toString();
        }

        @Override
        public Object getValue() {
            return vm.edits().getOrDefault(setting.key(), setting.value());
        }

        @Override
        public void setValue(Object value) {
            vm.edit(setting.key(), String.valueOf(value));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }

        @Override
        public boolean isEditable() {
            return !setting.readOnly() && vm.editable().get();
        }
    }
}
