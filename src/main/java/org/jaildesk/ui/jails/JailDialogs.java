package org.jaildesk.ui.jails;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jaildesk.domain.HostImage;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;

/** The create, clone and destroy dialogs. Each validates as the user types and enables its button only when valid. */
public final class JailDialogs {

    /** An image file's time in its list: the desktop's zone, to the minute, sortable whatever the language. */
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final JailsViewModel vm;
    private final Messages msg;
    private final UpkeepDialogs upkeep;
    /**
     * The network of the last jail created on this host, without its addresses (each jail needs its own): the next
     * create starts from it, as several jails of one host usually share their kind of network, bridge and router.
     */
    private JailNetwork lastNetwork = JailNetwork.unset();

    public JailDialogs(JailsViewModel vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
        this.upkeep = new UpkeepDialogs(vm.upkeep(), msg);
    }

    /** Update and upgrade. */
    public UpkeepDialogs upkeep() {
        return upkeep;
    }

    /**
     * Create: name, type, then what the type makes the jail from (a release of the host's, or one of its templates;
     * nothing for an empty jail), extra properties. Runs the create when confirmed.
     */
    public Dialog<ButtonType> create(Window owner) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "createDialog", msg.get("create.title"));
        TextField name = Dialogs.field("createName", msg.get("create.namePrompt"));
        ComboBox<String> release = fromHost("createRelease", vm.newJails().releases(), msg.get("create.releaseLoading"),
                msg.get("create.noReleases"), msg.get("create.releasePrompt"), true);
        ChoiceBox<JailType> type = new ChoiceBox<>(FXCollections.observableArrayList(JailType.values()));
        type.setId("createType");
        type.setValue(JailType.CLONE);
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(JailType t) {
                return t == null ? "" : msg.get("type." + t.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public JailType fromString(String s) {
                return null;
            }
        });
        release.disableProperty().bind(type.valueProperty().isEqualTo(JailType.EMPTY));
        // From a template: the template takes the release's place (iocage create -t).
        ComboBox<String> template = fromHost("createTemplate", vm.newJails().templates(), msg.get("create.templateLoading"),
                msg.get("create.noTemplates"), msg.get("create.templatePrompt"), false);
        javafx.beans.binding.BooleanBinding fromTemplate = type.valueProperty().isEqualTo(JailType.TEMPLATE);
        template.visibleProperty().bind(fromTemplate);
        release.visibleProperty().bind(fromTemplate.not());
        template.setMaxWidth(Double.MAX_VALUE);
        Label source = new Label();
        source.setMnemonicParsing(true);
        source.textProperty().bind(Bindings.when(fromTemplate).then(msg.get("create.template")).otherwise(msg.get("create.release")));
        source.labelForProperty().bind(Bindings.when(fromTemplate).<javafx.scene.Node>then(template).otherwise(release));
        TextField props = Dialogs.field("createProps", msg.get("create.propsPrompt"));
        // The network, the part of a new jail its users find hardest: chosen here, it becomes the properties iocage takes.
        NetworkFields net = new NetworkFields("create", msg, msg.get("network.mode.unset"));
        net.set(lastNetwork);
        if (net.iface.getText().isEmpty()) {
            // A shared address goes where the host's other jails have theirs, as a rule: suggested, to be changed at will.
            net.iface.setText(NetworkOnHost.usualInterface(vm.jails().stream().map(Jail::ip4).toList()));
        }
        net.offer(vm.newJails().interfaces());
        net.offerForwards(vm.newJails()::forwardsOnHost, "");
        javafx.beans.binding.ObjectBinding<JailNetwork> network = net.network;
        // Host defaults that put new jails behind the NAT: another choice turns nat off for this one.
        javafx.beans.property.BooleanProperty natByDefault = new javafx.beans.property.SimpleBooleanProperty();
        vm.newJails().behindNatByDefault().thenAcceptAsync(natByDefault::set, Platform::runLater);
        javafx.beans.binding.StringBinding allProps = Bindings.createStringBinding(
                () -> network.get().withProps(props.getText(), natByDefault.get()), network, props.textProperty(), natByDefault);
        Label error = Dialogs.errorLabel("createError");
        Label warning = addressWarning("createWarning", allProps, null);
        javafx.scene.layout.StackPane from = new javafx.scene.layout.StackPane(release, template);
        from.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label propsLabel = Dialogs.label(msg.get("create.props"), props);
        Label typeLabel = Dialogs.label(msg.get("create.type"), type);
        Label nameLabel = Dialogs.label(msg.get("create.name"), name);
        GridPane g = Dialogs.form();
        // The type first: it decides what the next row asks for (a release, a template, or nothing for an empty jail).
        // The network's rows are those its choice asks for, laid out again without gaps when it changes.
        net.layOut(g, () -> {
            g.getChildren().clear();
            int row = 0;
            Dialogs.addRow(g, row++, nameLabel, name);
            Dialogs.addRow(g, row++, typeLabel, type);
            Dialogs.addRow(g, row++, source, from);
            row = net.addRows(g, row);
            Dialogs.addRow(g, row++, propsLabel, props);
            g.add(error, 0, row++, 2, 1);
            g.add(warning, 0, row, 2, 1);
        });
        d.getDialogPane().setContent(g);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("create.ok"), "createOk", false);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            Optional<String> p = name.getText().isEmpty() ? Optional.of(msg.get("create.needName"))
                    : vm.newJails().whyNotNewName(name.getText());
            if (p.isEmpty() && type.getValue() == JailType.TEMPLATE && template.getValue() == null) {
                p = Optional.of(msg.get("create.needTemplate"));
            } else if (p.isEmpty() && type.getValue() != JailType.EMPTY
                    && type.getValue() != JailType.TEMPLATE && release.getValue() == null) {
                p = Optional.of(msg.get("create.needRelease"));
            }
            return p.or(() -> network.get().problem(props.getText(), msg))
                    .or(() -> PropsField.check(allProps.get(), msg)).orElse("");
        }, name.textProperty(), release.valueProperty(), template.valueProperty(), type.valueProperty(), props.textProperty(),
                network, allProps, vm.jails()));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(error.textProperty().isNotEmpty());
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.newJails().create(name.getText(), type.getValue() == JailType.TEMPLATE ? template.getValue()
                        : release.getValue(), type.getValue(), allProps.get());
                JailNetwork n = network.get();
                lastNetwork = new JailNetwork(n.mode(), n.iface(), "", n.router(), n.bridge(), "", "", n.slaac());
            }
            return b;
        });
        Dialogs.focusWhenShown(d, name);
        return d;
    }

    /**
     * The line that says which jail already has an address the new jail ({@code source}'s clone, when not null) is to
     * have, as {@code props} are typed: the host's listed jails at once, and those iocage did not make once the host
     * has said which they are (asked when the dialog opens). It warns; the dialog's button stays as it is.
     */
    private Label addressWarning(String id, javafx.beans.value.ObservableStringValue props, Jail source) {
        Label warning = Dialogs.warningLabel(id);
        javafx.beans.property.ObjectProperty<java.util.List<OtherJail>> others =
                new javafx.beans.property.SimpleObjectProperty<>(java.util.List.of());
        vm.newJails().otherJails().thenAcceptAsync(others::set, Platform::runLater);
        warning.textProperty().bind(Bindings.createStringBinding(() -> vm.newJails()
                .addressInUse(props.get(), source, others.get()).orElse(""), props, others, vm.jails()));
        return warning;
    }

    /**
     * A choice the host fills: {@code loading} until it answers, then its items ({@code prompt} over them, the last one
     * chosen if {@code last}), or {@code none} when it has none.
     */
    private static ComboBox<String> fromHost(String id, java.util.concurrent.CompletableFuture<java.util.List<String>> items,
                                             String loading, String none, String prompt, boolean last) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setPromptText(loading);
        items.thenAcceptAsync(list -> {
            box.setItems(FXCollections.observableArrayList(list));
            box.setPromptText(list.isEmpty() ? none : prompt);
            if (last && !list.isEmpty()) {
                box.getSelectionModel().selectLast();
            }
        }, Platform::runLater);
        return box;
    }

    /** Clone the selected (stopped) jail under a new name, with properties that should differ. */
    public Dialog<ButtonType> cloneJail(Window owner, Jail source) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "cloneDialog", msg.get("clone.title", source.displayName()));
        TextField name = Dialogs.field("cloneName", msg.get("create.namePrompt"));
        name.setText(source.displayName() + "-clone");
        TextField props = Dialogs.field("cloneProps", msg.get("create.propsPrompt"));
        // A clone keeps its source's network (and so its address): the choice gives it its own.
        NetworkFields net = new NetworkFields("clone", msg, msg.get("network.mode.keep", source.displayName()));
        net.iface.setText(NetworkOnHost.usualInterface(vm.jails().stream().map(Jail::ip4).toList()));
        net.offer(vm.newJails().interfaces());
        net.offerForwards(vm.newJails()::forwardsOnHost, "");
        // A clone of a jail behind the host's NAT keeps nat on: another choice turns it off.
        javafx.beans.property.BooleanProperty natBefore = new javafx.beans.property.SimpleBooleanProperty();
        vm.newJails().behindNat(source).thenAcceptAsync(natBefore::set, Platform::runLater);
        javafx.beans.binding.StringBinding allProps = Bindings.createStringBinding(
                () -> net.network.get().withProps(props.getText(), natBefore.get()), net.network, props.textProperty(),
                natBefore);
        Label error = Dialogs.errorLabel("cloneError");
        Label warning = addressWarning("cloneWarning", allProps, source);
        Label nameLabel = Dialogs.label(msg.get("create.name"), name);
        Label propsLabel = Dialogs.label(msg.get("create.props"), props);
        GridPane g = Dialogs.form();
        net.layOut(g, () -> {
            g.getChildren().clear();
            Dialogs.addRow(g, 0, nameLabel, name);
            int row = net.addRows(g, 1);
            Dialogs.addRow(g, row++, propsLabel, props);
            g.add(error, 0, row++, 2, 1);
            g.add(warning, 0, row, 2, 1);
        });
        d.getDialogPane().setContent(g);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("clone.ok"), "cloneOk", false);
        error.textProperty().bind(Bindings.createStringBinding(() -> vm.newJails().whyNotNewName(name.getText())
                .or(() -> net.network.get().problem(props.getText(), msg))
                .or(() -> PropsField.check(allProps.get(), msg)).orElse(""),
                name.textProperty(), props.textProperty(), net.network, allProps, vm.jails()));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(error.textProperty().isNotEmpty());
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.newJails().cloneJail(source, name.getText(), allProps.get());
            }
            return b;
        });
        Dialogs.focusWhenShown(d, name);
        return d;
    }

    /**
     * Destroy: says it cannot be undone and what goes with the jail (its data and snapshots, as the host says them),
     * asks for the jail's name typed out, and for a running jail offers "stop it first" (without it, the button stays
     * off).
     */
    public Dialog<ButtonType> destroy(Window owner, Jail jail) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "destroyDialog", msg.get("destroy.title", jail.displayName()));
        Label warning = new Label(msg.get("destroy.warning", jail.displayName()));
        warning.setWrapText(true);
        warning.getStyleClass().add("danger-text");
        TextField typed = Dialogs.field("destroyConfirm", jail.displayName());
        CheckBox stopFirst = new CheckBox(msg.get("destroy.stopFirst"));
        stopFirst.setId("destroyStopFirst");
        stopFirst.setVisible(jail.isRunning());
        stopFirst.setManaged(jail.isRunning());
        Label running = new Label(jail.isRunning() ? msg.get("destroy.isRunning") : "");
        running.setId("destroyRunning");
        running.setWrapText(true);
        // What goes with it (its data, its snapshots), looked up as the dialog opens; said once the host has answered.
        Label goes = Dialogs.noteLabel("destroyGoes");
        goes.setText(msg.get("destroy.goesAsking"));
        goes.managedProperty().bind(goes.visibleProperty());
        WhatGoes.of(vm.client(), msg, jail).thenAcceptAsync(said -> {
            goes.setText(said.orElse(""));
            goes.setVisible(said.isPresent());
        }, javafx.application.Platform::runLater);
        VBox box = new VBox(10, warning, goes, Dialogs.plainLabel(msg.get("destroy.typeName", jail.displayName()), typed), typed,
                running, stopFirst);
        box.setPadding(new Insets(10));
        box.setPrefWidth(440);
        d.getDialogPane().setContent(box);
        ButtonType ok = Dialogs.dangerButton(d, msg.get(jail.isRunning() ? "destroy.okRunning" : "destroy.ok"), "destroyOk");
        BooleanBinding ready = typed.textProperty().isEqualTo(jail.displayName())
                .and(Bindings.createBooleanBinding(() -> !jail.isRunning() || stopFirst.isSelected(), stopFirst.selectedProperty()));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(ready.not());
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.commands().destroy(jail, typed.getText(), stopFirst.isSelected());
            }
            return b;
        });
        Dialogs.focusWhenShown(d, typed);
        return d;
    }

    /** Rename a stopped jail: the new name checked as it is typed, against the host's other jails too. */
    public Dialog<ButtonType> rename(Window owner, Jail jail) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "renameDialog", msg.get("rename.title", jail.displayName()));
        TextField name = Dialogs.field("renameName", msg.get("create.namePrompt"));
        name.setText(jail.displayName());
        Label error = Dialogs.errorLabel("renameError");
        GridPane g = Dialogs.form();
        g.add(Dialogs.explanation(msg.get("rename.explain", jail.displayName())), 0, 0, 2, 1);
        g.addRow(1, Dialogs.label(msg.get("create.name"), name), name);
        g.add(error, 0, 2, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("rename.ok"), "renameOk", false);
        error.textProperty().bind(Bindings.createStringBinding(() -> name.getText().equals(jail.displayName()) ? ""
                : vm.newJails().whyNotNewName(name.getText()).orElse(""), name.textProperty(), vm.jails()));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(error.textProperty().isNotEmpty()
                .or(name.textProperty().isEqualTo(jail.displayName())));
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.newJails().rename(jail, name.getText());
            }
            return b;
        });
        Dialogs.focusWhenShown(d, name);
        return d;
    }

    /** Export: says where the image goes and what a second export on the same day does, before it runs. */
    public Dialog<ButtonType> export(Window owner, List<Jail> selected) {
        List<Jail> stopped = selected.stream().filter(j -> !j.isRunning()).toList();
        List<String> running = selected.stream().filter(Jail::isRunning).map(Jail::displayName).toList();
        Jail first = stopped.get(0);
        boolean one = stopped.size() == 1;
        Dialog<ButtonType> d = Dialogs.titled(owner, "exportDialog", one ? msg.get("export.title", first.displayName())
                : msg.get("export.titleMany", stopped.size()));
        VBox box = new VBox(10);
        if (one) {
            box.getChildren().add(Dialogs.explanation(msg.get("export.explain", first.displayName())));
        } else {
            String explained = msg.get("export.explainMany", stopped.size());
            box.getChildren().addAll(Dialogs.explanation(explained),
                    listOf("exportJails", explained, stopped.stream().map(Jail::displayName).toList()));
        }
        if (!running.isEmpty()) {
            Label left = Dialogs.explanation(msg.get("export.leftOut", String.join(", ", running)));
            left.setId("exportLeftOut");
            box.getChildren().add(left);
        }
        box.getChildren().add(Dialogs.explanation(msg.get("export.back")));
        box.setPadding(new Insets(10));
        box.setPrefWidth(460);
        d.getDialogPane().setContent(box);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("export.ok"), "exportOk", false);
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.newJails().exportAll(stopped);
            }
            return b;
        });
        return d;
    }

    /** The jails a dialog acts on, one a line, as tall as up to eight of them; {@code name} is what a screen reader calls it. */
    static ListView<String> listOf(String id, String name, List<String> lines) {
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(lines));
        list.setId(id);
        list.setAccessibleText(name);
        list.setFocusTraversable(false);
        list.setPrefHeight(Math.min(lines.size(), 8) * 26 + 4);
        return list;
    }

    /**
     * Import: the image's name checked as it is typed, against the host's jails too (an import would overwrite one). Its
     * list holds the image files the host's images folder has, newest first, with their sizes and times, once the host
     * has answered; until then, or where it cannot say, the images exported to this host in this session.
     */
    public Dialog<ButtonType> importImage(Window owner) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "importDialog", msg.get("import.title"));
        ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList(vm.newJails().exportedImages()));
        choice.setId("importImageChoice");
        Label listed = Dialogs.explanation(msg.get("import.looking"));
        listed.setId("importListed");
        Map<String, HostImage> known = new HashMap<>();
        choice.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                HostImage i = item == null ? null : known.get(item);
                // An image of a jail the host has cannot be imported over it: the list says so beside the file.
                setText(item == null ? null : i == null ? item
                        : msg.get(vm.newJails().whyNotImage(item).isPresent() ? "import.fileThere" : "import.file", item,
                                Size.ofBytes(i.size()).text(), FILE_TIME.format(i.modified()), i.jail()));
            }
        });
        vm.newJails().hostImages().whenCompleteAsync((images, failure) -> {
            if (failure != null) {
                listed.setText(msg.get("import.notListed", Notifier.oneLine(Notifier.text(msg, failure))));
                return;
            }
            images.forEach(i -> known.put(i.image(), i));
            List<String> names = new ArrayList<>(images.stream().map(HostImage::image).toList());
            vm.newJails().exportedImages().stream().filter(n -> !known.containsKey(n)).forEach(names::add);
            choice.getItems().setAll(names);
            listed.setText(images.isEmpty() ? msg.get("import.noneFound") : msg.get("import.found", images.size()));
        }, Platform::runLater);
        choice.setEditable(true);
        choice.setMaxWidth(Double.MAX_VALUE);
        TextField image = choice.getEditor();
        image.setId("importImage");
        image.setPromptText(msg.get("import.prompt"));
        image.setPrefColumnCount(25);
        Label error = Dialogs.errorLabel("importError");
        GridPane g = Dialogs.form();
        g.add(Dialogs.explanation(msg.get("import.explain")), 0, 0, 2, 1);
        // The list's lines (name, size, time) are longer than a name: the field keeps its width and its label whole.
        Label imageLabel = Dialogs.label(msg.get("import.image"), choice);
        imageLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        choice.setPrefWidth(460);
        g.addRow(1, imageLabel, choice);
        g.add(listed, 0, 2, 2, 1);
        g.add(error, 0, 3, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("import.ok"), "importOk", false);
        error.textProperty().bind(Bindings.createStringBinding(() -> image.getText().isEmpty() ? ""
                : vm.newJails().whyNotImage(image.getText().strip()).orElse(""), image.textProperty(), vm.jails()));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(error.textProperty().isNotEmpty()
                .or(image.textProperty().isEmpty()));
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.newJails().importImage(image.getText().strip());
            }
            return b;
        });
        Dialogs.focusWhenShown(d, image);
        return d;
    }

}
