package org.jaildesk.ui.pools;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jaildesk.domain.HostPool;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/** Activate and deactivate a pool; preview and confirm a clean by a typed word. */
public final class HostAdminDialogs {

    private final HostAdminViewModel vm;
    private final Messages msg;

    public HostAdminDialogs(HostAdminViewModel vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
    }

    /**
     * Activate a pool: the host's pools, listed while the dialog opens with their sizes and health (a click takes one,
     * a double click activates it), and the name, which may also be typed and is checked as you type.
     */
    public Dialog<ButtonType> activate(Window owner) {
        Offered<HostPool> pools = offered("poolsOnHost", 4, msg.get("pool.listAsking"), msg.get("pool.onHost"),
                p -> msg.get(p.active() ? "pool.entryActive" : "pool.entry", p.name(), bytes(p.size()), bytes(p.free()), p.health()));
        Label typed = Dialogs.label(msg.get("pool.name"), null);
        vm.pools().thenAccept(o -> {
            pools.view().getItems().setAll(o.pools());
            pools.waiting().setText(o.problem().isEmpty() ? msg.get("pool.listEmpty") : msg.get("pool.listFailed", o.problem()));
        });
        Asked asked = oneName(owner, "activateDialog", msg.get("pool.activateTitle"), msg.get("pool.activateExplain"),
                new NameField("poolName", "tank", "poolError", text -> vm.poolNameProblem(text).orElse("")),
                msg.get("pool.activateOk"), "poolOk", vm::activate, pools.box(), typed);
        typed.setLabelFor(asked.name());
        pools.feeds(asked, HostPool::name);
        return asked.dialog();
    }

    private String bytes(long n) {
        return n < 0 ? msg.get("pool.unknown") : Size.ofBytes(n).text();
    }

    /**
     * Fetch a release: the releases the host's mirror offers, listed while the dialog opens (a click takes one, a
     * double click fetches it), and the name, which may also be typed and is checked as you type; the download then
     * runs as a job.
     */
    public Dialog<ButtonType> fetch(Window owner) {
        java.util.Set<String> fetched = new java.util.HashSet<>();
        // Eight rows (what a mirror usually offers) without a scroll bar.
        Offered<String> offered = offered("fetchOffered", 8, msg.get("release.mirrorAsking"), msg.get("release.mirror"),
                release -> fetched.contains(release) ? msg.get("release.fetchedMark", release) : release);
        Label typed = Dialogs.label(msg.get("release.name"), null);
        vm.offer().thenAccept(o -> {
            fetched.addAll(o.fetched());
            offered.view().getItems().setAll(o.releases());
            offered.waiting().setText(o.problem().isEmpty() ? msg.get("release.mirrorEmpty")
                    : msg.get("release.mirrorFailed", o.problem()));
        });
        Asked asked = oneName(owner, "fetchDialog", msg.get("release.fetchTitle"), msg.get("release.fetchExplain"),
                new NameField("fetchReleaseName", "14.2-RELEASE", "fetchError",
                        text -> org.jaildesk.domain.ReleaseNames.isValid(text) ? "" : msg.get("release.invalid")),
                msg.get("release.fetchOk"), "fetchOk", vm::fetch, offered.box(), typed);
        typed.setLabelFor(asked.name());
        offered.feeds(asked, release -> release);
        return asked.dialog();
    }

    /** A list the host fills while a dialog is open, under its heading; {@code waiting} stands in it while it is empty. */
    private record Offered<T>(ListView<T> view, Label waiting, VBox box) {

        /** A click takes a row's name into the dialog's name field; a double click confirms it. */
        void feeds(Asked asked, java.util.function.Function<T, String> name) {
            view.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
                if (now != null) {
                    asked.name().setText(name.apply(now));
                }
            });
            view.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && view.getSelectionModel().getSelectedItem() != null && !asked.ok().isDisabled()) {
                    asked.ok().fire();
                }
            });
        }
    }

    /** An {@link Offered} list {@code rows} rows high without a scroll bar, each row shown as {@code text} says. */
    private static <T> Offered<T> offered(String id, int rows, String asking, String heading,
                                          java.util.function.Function<T, String> text) {
        ListView<T> view = new ListView<>();
        view.setId(id);
        view.setFixedCellSize(24);
        view.setPrefHeight(rows * 24 + 4);
        Label waiting = new Label(asking);
        waiting.setWrapText(true);
        view.setPlaceholder(waiting);
        view.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        Label head = new Label(heading);
        head.setWrapText(true);
        head.setLabelFor(view);
        return new Offered<>(view, waiting, new VBox(4, head, view));
    }

    /** The name a dialog asks for: ids, an example, and the problem with a typed value ("" when fine). */
    private record NameField(String id, String example, String errorId, java.util.function.Function<String, String> problem) {
    }

    /** A dialog asking for one name, with its name field and its OK button. */
    private record Asked(Dialog<ButtonType> dialog, TextField name, javafx.scene.control.Button ok) {
    }

    /**
     * A dialog that asks for one name: focused when it opens, its problem shown as you type, OK only for a name
     * without one; on OK, {@code run} gets the name. {@code above} goes between the explanation and the name.
     */
    private Asked oneName(Window owner, String id, String title, String explanation, NameField field,
                                       String okText, String okId, java.util.function.Consumer<String> run,
                                       javafx.scene.Node... above) {
        Dialog<ButtonType> d = Dialogs.titled(owner, id, title);
        TextField name = new TextField();
        name.setId(field.id());
        name.setPromptText(field.example());
        Label error = Dialogs.errorLabel(field.errorId());
        error.textProperty().bind(Bindings.createStringBinding(() -> name.getText().isEmpty() ? ""
                : field.problem().apply(name.getText()), name.textProperty()));
        Label explain = Dialogs.explanation(explanation);
        java.util.List<javafx.scene.Node> content = new java.util.ArrayList<>(java.util.List.of(explain));
        content.addAll(java.util.List.of(above));
        content.addAll(java.util.List.of(name, error));
        d.getDialogPane().setContent(box(content.toArray(javafx.scene.Node[]::new)));
        Dialogs.focusWhenShown(d, name);
        ButtonType ok = Dialogs.confirmButton(d, okText, okId, false);
        javafx.scene.control.Button okButton = (javafx.scene.control.Button) d.getDialogPane().lookupButton(ok);
        okButton.disableProperty().bind(name.textProperty().isEmpty().or(error.textProperty().isNotEmpty()));
        d.setResultConverter(b -> {
            if (b == ok) {
                run.accept(name.getText());
            }
            return b;
        });
        return new Asked(d, name, okButton);
    }

    public Dialog<ButtonType> deactivate(Window owner, String pool) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "deactivateDialog", msg.get("pool.deactivateTitle", pool));
        Label explain = Dialogs.explanation(msg.get("pool.deactivateExplain", pool));
        d.getDialogPane().setContent(box(explain));
        ButtonType ok = Dialogs.confirmButton(d, msg.get("pool.deactivateOk"), "deactivateOk", true);
        // Every jail of the pool goes out of iocage's reach: not on a stray Enter.
        Dialogs.cancelByDefault(d, ok);
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.deactivate(pool);
            }
            return b;
        });
        return d;
    }

    /** Shows what will be destroyed, then asks for the confirmation word. */
    public void clean(Window owner, HostAdminViewModel.Clean kind) {
        vm.preview(kind).thenAcceptAsync(p -> cleanDialog(owner, p).show(), javafx.application.Platform::runLater);
    }

    Dialog<ButtonType> cleanDialog(Window owner, HostAdminViewModel.Preview p) {
        String action = msg.get("clean." + p.kind().name().toLowerCase(java.util.Locale.ROOT) + ".action");
        Dialog<ButtonType> d = Dialogs.titled(owner, "cleanDialog", action);
        Label warning = new Label(msg.get("clean.warning"));
        warning.setWrapText(true);
        warning.getStyleClass().add("danger-text");
        TextArea list = new TextArea(String.join("\n", p.lines()));
        list.setId("cleanPreview");
        list.setEditable(false);
        list.setPrefRowCount(Math.min(12, p.lines().size() + 1));
        // What goes, named by the warning above it.
        list.setAccessibleText(warning.getText());
        TextField typed = new TextField();
        typed.setId("cleanConfirm");
        typed.setPromptText(p.word());
        VBox content = box(warning, list, Dialogs.plainLabel(msg.get("clean.typeWord", p.word()), typed), typed);
        ButtonType ok = Dialogs.confirmButton(d, action, "cleanOk", true);
        d.getDialogPane().lookupButton(ok).getStyleClass().add("danger");
        if (p.protectedNames().isEmpty()) {
            d.getDialogPane().lookupButton(ok).disableProperty().bind(typed.textProperty().isNotEqualTo(p.word()));
        } else {
            // Nothing may go while one of them is protected: said above the word, which cannot be typed.
            Label guarded = Dialogs.errorLabel("cleanProtected");
            guarded.setText(msg.get("clean.protected", vm.named(p.protectedNames())));
            guarded.setWrapText(true);
            content.getChildren().add(2, guarded);
            typed.setDisable(true);
            d.getDialogPane().lookupButton(ok).setDisable(true);
        }
        d.getDialogPane().setContent(content);
        if (p.protectedNames().isEmpty()) {
            Dialogs.focusWhenShown(d, typed);
        } else {
            // Cancel, the one way on: Enter or Esc closes the dialog, and nothing in the list is marked.
            d.setOnShown(e -> d.getDialogPane().lookupButton(ButtonType.CANCEL).requestFocus());
        }
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.clean(p, typed.getText());
            }
            return b;
        });
        return d;
    }

    private static VBox box(javafx.scene.Node... nodes) {
        VBox b = new VBox(10, nodes);
        b.setPadding(new Insets(10));
        b.setPrefWidth(480);
        return b;
    }
}
