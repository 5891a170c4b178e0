package org.jaildesk.ui.jails;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.ReleaseNames;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/**
 * Update (to the release's latest patch level) and upgrade (to a newer release): each says what iocage does and how to
 * undo it before anything runs; several jails are listed with their releases and go one after another.
 */
public final class UpkeepDialogs {

    private final JailUpkeep vm;
    private final Messages msg;

    UpkeepDialogs(JailUpkeep vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
    }

    public Dialog<ButtonType> update(Window owner, List<Jail> jails) {
        // An empty jail has no release to update: iocage would fail on it ("has no release to update (EMPTY)").
        List<Jail> targets = jails.stream().filter(j -> ReleaseNames.isValid(j.release())).toList();
        List<String> empty = jails.stream().filter(j -> !ReleaseNames.isValid(j.release())).map(Jail::displayName).toList();
        Jail first = targets.get(0);
        boolean one = targets.size() == 1;
        Dialog<ButtonType> d = Dialogs.titled(owner, "updateDialog", one ? msg.get("update.title", first.displayName())
                : msg.get("update.titleMany", targets.size()));
        CheckBox packages = new CheckBox(msg.get(one ? "update.packages" : "update.packagesMany"));
        packages.setId("updatePackages");
        VBox box = new VBox(10);
        if (one) {
            box.getChildren().addAll(Dialogs.explanation(msg.get("update.explain", first.displayName(), first.release())),
                    Dialogs.explanation(msg.get("update.undo")));
        } else {
            String explained = msg.get("update.explainMany", targets.size());
            box.getChildren().addAll(Dialogs.explanation(explained), listed("updateJails", explained, targets),
                    Dialogs.explanation(msg.get("update.undoMany")));
        }
        if (!empty.isEmpty()) {
            Label leftOut = Dialogs.explanation(msg.get("update.leftOut", String.join(", ", empty)));
            leftOut.setId("updateLeftOut");
            box.getChildren().add(leftOut);
        }
        box.getChildren().add(packages);
        box.setPadding(new Insets(10));
        d.getDialogPane().setContent(box);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("update.ok"), "updateOk", false);
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.updateAll(targets, packages.isSelected());
            }
            return b;
        });
        return d;
    }

    /**
     * Upgrade: the release to go to, chosen from those the host has or the mirror offers (or typed), checked against
     * every selected jail as it is chosen; the jails it is no upgrade for are named as left out.
     */
    public Dialog<ButtonType> upgrade(Window owner, List<Jail> jails) {
        List<Jail> selected = List.copyOf(jails);
        boolean one = selected.size() == 1;
        Jail first = selected.get(0);
        Dialog<ButtonType> d = Dialogs.titled(owner, "upgradeDialog", one ? msg.get("upgrade.title", first.displayName())
                : msg.get("upgrade.titleMany", selected.size()));
        ComboBox<String> release = new ComboBox<>();
        release.setId("upgradeRelease");
        release.setEditable(true);
        release.setPromptText(msg.get("upgrade.releaseAsking"));
        release.setPrefWidth(340);
        // The host's fetched releases, once it has said them: a basejail needs the release there.
        javafx.beans.property.ObjectProperty<List<String>> fetched = new javafx.beans.property.SimpleObjectProperty<>();
        vm.targets(selected).thenAcceptAsync(offer -> {
            release.getItems().setAll(offer.targets());
            release.setPromptText(msg.get(offer.targets().isEmpty() ? "upgrade.releaseNone" : "upgrade.releasePrompt"));
            fetched.set(offer.fetched());
        }, Platform::runLater);
        Label error = Dialogs.errorLabel("upgradeError");
        Label leftOut = Dialogs.explanation("");
        leftOut.setId("upgradeLeftOut");
        Label fetchFirst = Dialogs.explanation("");
        fetchFirst.setId("upgradeFetchFirst");
        fetchFirst.managedProperty().bind(fetchFirst.textProperty().isNotEmpty());
        fetchFirst.visibleProperty().bind(fetchFirst.managedProperty());
        // Its room only when it says something: the other lines do not move down for an empty one.
        leftOut.managedProperty().bind(leftOut.textProperty().isNotEmpty());
        leftOut.visibleProperty().bind(leftOut.managedProperty());
        VBox box = new VBox(10);
        String explained = one ? msg.get("upgrade.explain", first.displayName(), first.release())
                : msg.get("upgrade.explainMany", selected.size());
        box.getChildren().add(Dialogs.explanation(explained));
        if (!one) {
            box.getChildren().add(listed("upgradeJails", explained, selected));
        }
        box.getChildren().addAll(new HBox(10, Dialogs.label(msg.get("upgrade.release"), release), release), error, leftOut, fetchFirst,
                Dialogs.explanation(msg.get(one ? "upgrade.undo" : "upgrade.undoMany")),
                Dialogs.explanation(msg.get("upgrade.packages")));
        box.setPadding(new Insets(10));
        box.setPrefWidth(520);
        d.getDialogPane().setContent(box);
        // What is typed counts as chosen: the editor's text, not only an item picked from the list.
        javafx.beans.binding.StringBinding chosen = Bindings.createStringBinding(() -> release.getEditor().getText().trim(),
                release.getEditor().textProperty());
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            String r = chosen.get();
            if (r.isEmpty()) {
                return msg.get("upgrade.needRelease");
            }
            Optional<String> target = ReleaseNames.checkUpgradeTarget(r).map(msg::get);
            if (target.isPresent()) {
                return target.get();
            }
            List<Jail> going = going(selected, r);
            return going.isEmpty() ? ReleaseNames.checkUpgrade(first.displayName(), first.release(), r).map(msg::get)
                    .orElse("") : "";
        }, chosen));
        leftOut.textProperty().bind(Bindings.createStringBinding(() -> {
            String r = chosen.get();
            if (one || r.isEmpty() || ReleaseNames.checkUpgradeTarget(r).isPresent() || going(selected, r).isEmpty()) {
                return "";
            }
            List<String> out = selected.stream().filter(j -> !going(List.of(j), r).contains(j)).map(Jail::displayName).toList();
            return out.isEmpty() ? "" : msg.get("upgrade.leftOut", String.join(", ", out), r);
        }, chosen));
        fetchFirst.textProperty().bind(Bindings.createStringBinding(() -> {
            String r = chosen.get();
            List<String> own = fetched.get();
            if (own == null || own.contains(r) || ReleaseNames.checkUpgradeTarget(r).isPresent()) {
                return "";
            }
            List<String> basejails = going(selected, r).stream().filter(j -> j.type().equals("basejail"))
                    .map(Jail::displayName).toList();
            return basejails.isEmpty() ? "" : msg.get("upgrade.fetchFirst", String.join(", ", basejails), r);
        }, chosen, fetched));
        ButtonType ok = Dialogs.confirmButton(d, msg.get("upgrade.ok"), "upgradeOk", false);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(error.textProperty().isNotEmpty());
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.upgradeAll(going(selected, chosen.get()), chosen.get());
            }
            return b;
        });
        Dialogs.focusWhenShown(d, release.getEditor());
        return d;
    }

    /** The jails {@code release} is an upgrade for. */
    private static List<Jail> going(List<Jail> jails, String release) {
        return jails.stream().filter(j -> ReleaseNames.checkUpgrade(j.displayName(), j.release(), release).isEmpty()).toList();
    }

    /** The jails with their releases, one a line. */
    private javafx.scene.control.ListView<String> listed(String id, String name, List<Jail> jails) {
        return JailDialogs.listOf(id, name, jails.stream().map(j -> msg.get("update.listed", j.displayName(), j.release())).toList());
    }
}
