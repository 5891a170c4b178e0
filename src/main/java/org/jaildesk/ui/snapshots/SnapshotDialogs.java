package org.jaildesk.ui.snapshots;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailSnapshot;
import org.jaildesk.domain.Size;
import org.jaildesk.domain.SnapshotNames;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/**
 * Take (a name checked as it is typed, or none), roll back (says what is lost: the changes since, and the later
 * snapshots by name) and remove (says what it frees). Rollback and removal have Cancel as their default button.
 */
final class SnapshotDialogs {

    private final SnapshotsViewModel vm;
    private final Messages msg;

    SnapshotDialogs(SnapshotsViewModel vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
    }

    /** One jail's snapshot, or one of the same name of each of several jails (each a job of its own). */
    Dialog<ButtonType> take(Window owner, List<String> jails) {
        boolean one = jails.size() == 1;
        Dialog<ButtonType> d = Dialogs.titled(owner, "snapshotTakeDialog", one ? msg.get("snapshots.take.title", jails.get(0))
                : msg.get("snapshots.take.titleMany", jails.size()));
        // The example is what the name would be now (the host names it by its own clock, in UTC as iocage does).
        TextField name = Dialogs.field("snapshotName",
                msg.get("snapshots.take.prompt", SnapshotNames.at(java.time.Instant.now())));
        Label error = Dialogs.errorLabel("snapshotNameError");
        error.textProperty().bind(Bindings.createStringBinding(() -> name.getText().isEmpty() ? ""
                : SnapshotNames.check(name.getText()).map(msg::get).orElse(""), name.textProperty()));
        GridPane g = Dialogs.form();
        g.add(Dialogs.explanation(one ? msg.get("snapshots.take.explain")
                : msg.get("snapshots.take.explainMany", named(jails))), 0, 0, 2, 1);
        g.addRow(1, Dialogs.label(msg.get("snapshots.take.name"), name), name);
        g.add(error, 0, 2, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("snapshots.take.ok"), "snapshotTakeOk", false);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(error.textProperty().isNotEmpty());
        d.setResultConverter(b -> {
            if (b == ok) {
                // Several jails' snapshots share one name, the time now if none was typed.
                String given = one || !name.getText().isEmpty() ? name.getText() : SnapshotNames.at(java.time.Instant.now());
                jails.forEach(jail -> vm.take(jail, given));
            }
            return b;
        });
        Dialogs.focusWhenShown(d, name);
        return d;
    }

    /** The jails by name, the first ten of a long selection and how many in all. */
    private static String named(List<String> jails) {
        int shown = Math.min(jails.size(), 10);
        String names = String.join(", ", jails.subList(0, shown));
        return shown == jails.size() ? names : names + ", \u2026 (" + jails.size() + ")";
    }

    Dialog<ButtonType> rollback(Window owner, Jail jail, JailSnapshot to) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "snapshotRollbackDialog",
                msg.get("snapshots.rollback.title", jail.displayName(), to.name()));
        Label warning = Dialogs.explanation(msg.get("snapshots.rollback.warning", jail.displayName(),
                to.created().isEmpty() ? to.name() : to.taken()));
        warning.getStyleClass().add("danger-text");
        VBox box = new VBox(10, warning);
        String later = vm.after(to).stream().map(JailSnapshot::name).collect(Collectors.joining(", "));
        if (!later.isEmpty()) {
            Label lost = Dialogs.explanation(msg.get("snapshots.rollback.later", later));
            lost.setId("snapshotRollbackLater");
            box.getChildren().add(lost);
        }
        box.setPadding(new Insets(10));
        d.getDialogPane().setContent(box);
        ButtonType ok = Dialogs.dangerButton(d, msg.get("snapshots.rollback.ok"), "snapshotRollbackOk");
        d.setResultConverter(b -> {
            if (b == ok) {
                vm.rollback(jail.id(), to.name());
            }
            return b;
        });
        return d;
    }

    /**
     * Removes one snapshot, or several (each a job of its own); says what that frees: what each alone holds, added up
     * (several removed together may free more, as data only they shared goes too).
     */
    Dialog<ButtonType> remove(Window owner, String jail, List<JailSnapshot> snapshots) {
        JailSnapshot s = snapshots.get(0);
        boolean one = snapshots.size() == 1;
        Dialog<ButtonType> d = Dialogs.titled(owner, "snapshotRemoveDialog", one ? msg.get("snapshots.remove.title", jail, s.name())
                : msg.get("snapshots.remove.titleMany", jail, snapshots.size()));
        long held = snapshots.stream().mapToLong(x -> x.used().bytes()).sum();
        VBox box = new VBox(10, Dialogs.explanation(one ? msg.get("snapshots.remove.warning", s.used().text())
                : msg.get("snapshots.remove.warningMany", snapshots.stream().map(JailSnapshot::name).collect(Collectors.joining(", ")),
                        Size.ofBytes(held).text())));
        box.setPadding(new Insets(10));
        d.getDialogPane().setContent(box);
        ButtonType ok = Dialogs.dangerButton(d, one ? msg.get("snapshots.remove.ok")
                : msg.get("snapshots.remove.okMany", snapshots.size()), "snapshotRemoveOk");
        d.setResultConverter(b -> {
            if (b == ok) {
                snapshots.forEach(x -> vm.remove(jail, x.name()));
            }
            return b;
        });
        return d;
    }
}
