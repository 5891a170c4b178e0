package org.jaildesk.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.connect.HostsViewModel;
import org.jaildesk.ui.jails.ConsoleOpener;
import org.jaildesk.ui.jails.JailAction;
import org.jaildesk.ui.jails.JailsViewModel;

/**
 * The jail actions of the main window, each once with its shortcut and why it is off: the Jail menu, the toolbar,
 * the table's context menu and the command palette are all made from this list. Each acts on the host shown when it
 * runs.
 */
final class JailActions {

    private final HostsViewModel hosts;
    private final Messages msg;
    private final Stage stage;
    private final Supplier<HostView> current;
    private final Supplier<ConsoleOpener> consoles;
    private final org.jaildesk.ui.common.Notifier notifier;

    private final java.util.function.Function<org.jaildesk.ui.connect.HostEntry, String> sshOf;
    private final javafx.beans.value.ObservableValue<?> consoleSettings;
    /** The All hosts view while shown (else null): start, stop, restart and run command then act on its selection. */
    private final javafx.beans.value.ObservableValue<AllHostsView> allHosts;

    /**
     * {@code sshOf} says how ssh reaches a remote host for its consoles ("" for not at all); {@code consoleSettings}
     * changes when that may have changed.
     */
    JailActions(HostsViewModel hosts, Messages msg, Stage stage, Supplier<HostView> current, Supplier<ConsoleOpener> consoles,
                org.jaildesk.ui.common.Notifier notifier, java.util.function.Function<org.jaildesk.ui.connect.HostEntry, String> sshOf,
                javafx.beans.value.ObservableValue<?> consoleSettings, javafx.beans.value.ObservableValue<AllHostsView> allHosts) {
        this.allHosts = allHosts;
        this.sshOf = sshOf;
        this.consoleSettings = consoleSettings;
        this.hosts = hosts;
        this.msg = msg;
        this.stage = stage;
        this.current = current;
        this.consoles = consoles;
        this.notifier = notifier;
    }

    /**
     * {@code hasHost}: a host is shown (what Refresh and Create need); {@code readOnly}: why its login may change nothing
     * ("" while it may: then Create and Import are on); {@code refresh} refreshes it.
     */
    List<UiAction> all(ObservableBooleanValue hasHost, ObservableStringValue readOnly, Runnable refresh) {
        KeyCombination.Modifier c = KeyCombination.SHORTCUT_DOWN;
        KeyCombination.Modifier s = KeyCombination.SHIFT_DOWN;
        ObservableStringValue anyHost = Bindings.when(hasHost).then("").otherwise(msg.get("why.noHost"));
        ObservableStringValue mayChange = Bindings.when(Bindings.isNotEmpty(readOnly)).then(readOnly).otherwise(anyHost);
        return List.of(
                onEither("start", msg.get("action.start"), new KeyCodeCombination(KeyCode.S, c, s), JailAction.START,
                        () -> vm().startSelected()),
                onEither("stop", msg.get("action.stop"), new KeyCodeCombination(KeyCode.X, c, s), JailAction.STOP,
                        () -> vm().stopSelected()),
                onEither("restart", msg.get("action.restart"), new KeyCodeCombination(KeyCode.R, c, s), JailAction.RESTART,
                        () -> vm().restartSelected()),
                new UiAction("refresh", msg.get("action.refresh"), new KeyCodeCombination(KeyCode.F5), anyHost,
                        refresh),
                new UiAction("create", msg.get("action.create"), new KeyCodeCombination(KeyCode.N, c), mayChange,
                        () -> current.get().dialogs().create(stage).show()),
                new UiAction("clone", msg.get("action.clone"), new KeyCodeCombination(KeyCode.D, c), whyNot(JailAction.CLONE),
                        () -> current.get().dialogs().cloneJail(stage, vm().selection().get(0)).show()),
                new UiAction("import", msg.get("action.import"), null, mayChange,
                        () -> current.get().dialogs().importImage(stage).show()),
                new UiAction("destroy", msg.get("action.destroy"), new KeyCodeCombination(KeyCode.DELETE), whyNot(JailAction.DESTROY),
                        () -> current.get().dialogs().destroy(stage, vm().selection().get(0)).show()),
                new UiAction("protect", msg.get("action.protect"), null, whyNot(JailAction.PROTECT),
                        () -> vm().protectSelected()),
                new UiAction("unprotect", msg.get("action.unprotect"), null, whyNot(JailAction.UNPROTECT),
                        () -> vm().unprotectSelected()),
                onEither("exec", msg.get("action.exec"), new KeyCodeCombination(KeyCode.E, c), JailAction.EXEC,
                        () -> current.get().exec().open(stage, List.copyOf(vm().selection()))),
                new UiAction("console", msg.get("action.console"), new KeyCodeCombination(KeyCode.T, c), whyNoConsole(),
                        this::openConsole),
                new UiAction("log", msg.get("action.log"), new KeyCodeCombination(KeyCode.L, c), whyNot(JailAction.LOG),
                        () -> org.jaildesk.ui.logs.ConsoleLogWindow.open(stage, msg, notifier, vm().client(), vm().selection().get(0))),
                new UiAction("cap", msg.get("action.cap"), new KeyCodeCombination(KeyCode.L, c, s), whyNot(JailAction.CAP),
                        () -> vm().capSelected()),
                new UiAction("snapshot", msg.get("action.snapshot"), null, whyNot(JailAction.SNAPSHOT),
                        () -> current.get().takeSnapshot().accept(stage)),
                new UiAction("rename", msg.get("action.rename"), new KeyCodeCombination(KeyCode.F2), whyNot(JailAction.RENAME),
                        () -> current.get().dialogs().rename(stage, vm().selection().get(0)).show()),
                new UiAction("update", msg.get("action.update"), null, whyNot(JailAction.UPDATE),
                        () -> current.get().dialogs().upkeep().update(stage, List.copyOf(vm().selection())).show()),
                new UiAction("upgrade", msg.get("action.upgrade"), null, whyNot(JailAction.UPGRADE),
                        () -> current.get().dialogs().upkeep().upgrade(stage, List.copyOf(vm().selection())).show()),
                new UiAction("export", msg.get("action.export"), null, whyNot(JailAction.EXPORT),
                        () -> current.get().dialogs().export(stage, List.copyOf(vm().selection())).show()));
    }

    /** The selected jail's console in a terminal; the status line says where, a notice why not. */
    private void openConsole() {
        org.jaildesk.domain.Jail jail = vm().selection().get(0);
        org.jaildesk.ui.connect.HostEntry host = hosts.selected().get();
        CompletableFuture<String> opened = host != null && host.kind() == org.jaildesk.ui.connect.HostEntry.Kind.REMOTE
                ? consoles.get().openOver(sshOf.apply(host), jail.id()) : consoles.get().open(jail.id());
        opened.handleAsync((terminal, error) -> {
            if (error != null) {
                notifier.refusal(msg.get("console.failed", jail.displayName(),
                        org.jaildesk.ui.common.Notifier.oneLine(org.jaildesk.ui.common.Notifier.text(msg, error))));
            } else {
                notifier.info(msg.get("console.opened", jail.displayName(), terminal));
            }
            return null;
        }, javafx.application.Platform::runLater);
    }

    /**
     * Why no console can open now: the demo host's jails are simulated, a remote host's need to be reached with ssh
     * as the user says (Host ▸ Console over SSH…); then as the selection allows ({@link JailAction#CONSOLE}).
     */
    private ObservableStringValue whyNoConsole() {
        SimpleStringProperty p = new SimpleStringProperty(msg.get("why.noHost"));
        Runnable decide = () -> {
            org.jaildesk.ui.connect.HostEntry b = hosts.selected().get();
            p.unbind();
            if (b == null) {
                p.set(msg.get("why.noHost"));
            } else if (b.kind() == org.jaildesk.ui.connect.HostEntry.Kind.DEMO || consoles.get() == null) {
                p.set(msg.get("why.consoleDemo"));
            } else if (b.kind() == org.jaildesk.ui.connect.HostEntry.Kind.REMOTE && sshOf.apply(b).isBlank()) {
                p.set(msg.get("why.consoleNoSsh", b.name()));
            } else {
                p.bind(hosts.session(b).jails().whyNot(JailAction.CONSOLE));
            }
        };
        hosts.selected().addListener((o, a, b) -> decide.run());
        consoleSettings.addListener((o, a, b) -> decide.run());
        return p;
    }

    /**
     * An action of the host's selection that All hosts does on its own selection too (its button of the same id): the
     * menus, toolbar, shortcut and palette act on whichever table is shown.
     */
    private UiAction onEither(String id, String text, KeyCombination keys, JailAction action, Runnable onHost) {
        return new UiAction(id, text, keys, whyNot(action, id), () -> {
            AllHostsView all = allHosts.getValue();
            javafx.scene.control.Button there = all == null ? null : all.action(id);
            if (all == null) {
                onHost.run();
            } else if (there != null && !there.isDisabled()) {
                there.fire();
            }
        });
    }

    private JailsViewModel vm() {
        return current.get().session().jails();
    }

    /** Why {@code action} cannot run now, following the current host's selection; empty when it can. */
    private ObservableStringValue whyNot(JailAction action) {
        return whyNot(action, null);
    }

    /**
     * {@link #whyNot(JailAction)}, and while All hosts is shown, following its selection for its action {@code
     * allHostsId} (null: none there, so "choose a host"): in the words the host's table gives, or, where its jails are
     * all on hosts whose login may only read, that.
     */
    private ObservableStringValue whyNot(JailAction action, String allHostsId) {
        // Rebound when the host changes: the reason follows the current host's view model.
        SimpleStringProperty p = new SimpleStringProperty(msg.get("why.noHost"));
        Runnable decide = () -> {
            p.unbind();
            org.jaildesk.ui.connect.HostEntry b = hosts.selected().get();
            AllHostsView all = allHosts.getValue();
            javafx.scene.control.Button there = all == null || allHostsId == null ? null : all.action(allHostsId);
            if (b != null) {
                p.bind(hosts.session(b).jails().whyNot(action));
            } else if (there != null) {
                p.bind(Bindings.createStringBinding(() -> {
                    if (!there.isDisabled()) {
                        return "";
                    }
                    String why = action.whyNot(all.selected().stream().map(AllHosts.Row::jail).toList(), msg);
                    return why.isEmpty() ? msg.get("why.readOnly") : why;
                }, there.disabledProperty(), all.selected()));
            } else {
                p.set(msg.get("why.noHost"));
            }
        };
        hosts.selected().addListener((o, a, b) -> decide.run());
        allHosts.addListener((o, a, b) -> decide.run());
        return p;
    }
}
