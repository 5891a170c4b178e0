package org.jaildesk.ui;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.jaildesk.domain.Jail;
import org.jaildesk.ui.common.HeldFlag;
import org.jaildesk.ui.common.JailListModel;
import org.jaildesk.ui.common.LazyTab;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.connect.HostSession;
import org.jaildesk.ui.jails.DetailsPane;
import org.jaildesk.ui.jails.ExecConsole;
import org.jaildesk.ui.jails.JailDialogs;
import org.jaildesk.ui.jails.JailTableView;
import org.jaildesk.ui.jails.JailsViewModel;
import org.jaildesk.ui.mounts.MountsView;
import org.jaildesk.ui.mounts.MountsViewModel;
import org.jaildesk.ui.others.OtherJailsView;
import org.jaildesk.ui.others.OtherJailsViewModel;
import org.jaildesk.ui.pools.HostAdminDialogs;
import org.jaildesk.ui.pools.HostAdminViewModel;
import org.jaildesk.ui.settings.SettingsView;
import org.jaildesk.ui.settings.SettingsViewModel;
import org.jaildesk.ui.snapshots.SnapshotsView;
import org.jaildesk.ui.snapshots.SnapshotsViewModel;
import org.jaildesk.ui.usage.UsageView;
import org.jaildesk.ui.usage.UsageViewModel;

/** A host's table, inspector, disk usage, defaults and dialogs: built once per host, shown while it is selected. */
record HostView(HostSession session, JailTableView table, Node node, JailDialogs dialogs, ExecConsole exec,
                HostAdminViewModel admin, HostAdminDialogs adminDialogs, Consumer<Window> takeSnapshot,
                ObservableBooleanValue showsOld) {

    /** The inspector's first width; a wider window widens the table, where the columns are. */
    static final double INSPECTOR_WIDTH = 360;

    /**
     * How long a refresh runs before the window says that its rows are the last known ones. A quick refresh (most of
     * them, after every change and every 30 s) would only make the whole table blink, and repaint it twice.
     */
    static final Duration OLD_ROWS_AFTER = Duration.ofMillis(500);

    /** Builds a host's view. */
    static HostView build(HostSession session, Messages msg, Notifier notifier, ContextMenu tableMenu) {
        JailsViewModel vm = session.jails();
        // A host not connected is said at once; a refresh only once it takes a while.
        ObservableBooleanValue showsOld = HeldFlag.of(vm.stale(), OLD_ROWS_AFTER, HeldFlag.FX).or(session.offline());
        JailTableView table = new JailTableView(vm, msg, showsOld);
        table.setContextMenu(tableMenu);
        // A table takes F2 itself (to edit a cell), so the scene never sees it as Rename's shortcut: the menu's item
        // with that shortcut gets it here, if it can run, and the status line says why if it cannot.
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F2) {
                tableMenu.getItems().stream().filter(i -> i.getAccelerator() != null && i.getAccelerator().match(e) && !i.isDisable())
                        .findFirst().ifPresentOrElse(i -> {
                            e.consume();
                            i.fire();
                        }, () -> GreyedMenuItems.whyOff(tableMenu.getItems(), e, msg).ifPresent(why -> {
                            e.consume();
                            notifier.info(why);
                        }));
            }
        });
        DetailsPane details = new DetailsPane(vm, msg);
        SettingsViewModel settings = new SettingsViewModel(vm.client(),
                Platform::runLater, msg, notifier, false);
        // Scrolls in a short window: the figures' lines come last, under the jail's details.
        javafx.scene.control.ScrollPane detailsScroll = new javafx.scene.control.ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        detailsScroll.getStyleClass().add("details-scroll");
        Tab detailsTab = tab("tab-details", msg.get("tab.details"), detailsScroll);
        // The settings' review says which jail already has an address the edits give (the listed ones, and those iocage
        // did not make, asked for then).
        java.util.function.Supplier<List<String>> settingsTargets = () -> vm.selection().stream().map(Jail::id).toList();
        // The tabs behind others are built when first shown: the window's first showing styles and lays out nearly a
        // third fewer nodes (docs/performance.md).
        Tab settingsTab = new LazyTab<>("tab-settings", msg.get("tab.settings"), () -> new SettingsView(settings, msg,
                settingsTargets, "inspector", edits -> {
                    List<String> targets = settingsTargets.get();
                    return vm.newJails().otherJails().thenApplyAsync(others -> vm.newJails().addressInUse(edits, targets, others),
                            Platform::runLater);
                })).tab();
        SnapshotsViewModel snapshots = new SnapshotsViewModel(vm.client(), Platform::runLater, msg, notifier);
        LazyTab<SnapshotsView> snapshotsTab = new LazyTab<>("tab-snapshots", msg.get("tab.snapshots"),
                () -> new SnapshotsView(snapshots, msg, vm.focused(), vm.readOnly()));
        MountsViewModel mounts = new MountsViewModel(vm.client(), Platform::runLater, msg, notifier);
        Tab mountsTab = new LazyTab<>("tab-mounts", msg.get("tab.mounts"), () -> new MountsView(mounts, msg, vm.focused(), vm.readOnly())).tab();
        TabPane side = new TabPane(detailsTab, settingsTab, snapshotsTab.tab(), mountsTab);
        side.setId("sideTabs");
        // Settings are fetched on demand: only for the focused jail, only while the Settings tab is shown.
        // With several jails selected the sheet shows one of them (the one it shows already, if it is among them, else the
        // first): its values stand for the current ones in the review, and Apply changes each selected jail. Opened with
        // several selected, it was empty without a word.
        Runnable loadSettings = () -> {
            Jail subject = vm.focused().get();
            if (subject == null && !vm.selection().isEmpty()) {
                String loaded = settings.subject().get();
                subject = vm.selection().stream().filter(j -> j.id().equals(loaded)).findFirst().orElse(vm.selection().get(0));
            }
            if (settingsTab.isSelected() && subject != null && !subject.id().equals(settings.subject().get())) {
                settings.load(subject.id());
            }
        };
        vm.focused().addListener((o, a, b) -> loadSettings.run());
        vm.selection().addListener((javafx.collections.ListChangeListener<Jail>) c -> loadSettings.run());
        settingsTab.selectedProperty().addListener((o, a, b) -> loadSettings.run());
        readOnDemand(snapshotsTab.tab(), snapshots, vm.focused());
        readOnDemand(mountsTab, mounts, vm.focused());
        SplitPane split = new SplitPane(table, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        // A wider window widens the table, where the columns are; the inspector keeps its width.
        WindowPlacement.placeDivider(split, INSPECTOR_WIDTH, true, 0.4);
        SplitPane.setResizableWithParent(side, false);

        UsageViewModel usage = new UsageViewModel(vm.client(), Platform::runLater, msg, notifier);
        Tab jailsTab = tab("tab-jails", msg.get("tab.jails"), split);
        // A double-clicked jail in the disk usage is shown among the jails: the search is cleared if it hides it.
        Tab usageTab = new LazyTab<>("tab-usage", msg.get("tab.usage"), () -> new UsageView(usage, msg, id -> {
            jailsTab.getTabPane().getSelectionModel().select(jailsTab);
            if (!table.show(id)) {
                vm.query().set("");
                table.show(id);
            }
        })).tab();
        whenShown(usageTab, () -> usage.refresh());
        SettingsViewModel defaults = new SettingsViewModel(vm.client(),
                Platform::runLater, msg, notifier, true);
        Tab defaultsTab = new LazyTab<>("tab-defaults", msg.get("tab.defaults"),
                () -> new SettingsView(defaults, msg, () -> List.of(SettingsViewModel.DEFAULTS), "defaults")).tab();
        whenShown(defaultsTab, () -> defaults.load(null));
        // The host's jails that iocage did not make, read each time the tab is shown (jls is quick; they come and go).
        OtherJailsViewModel others = new OtherJailsViewModel(vm.client(), Platform::runLater, msg);
        Tab othersTab = new LazyTab<>("tab-others", msg.get("tab.others"), () -> new OtherJailsView(others, msg)).tab();
        whenShown(othersTab, () -> others.refresh());
        // While it is shown, each listing of the host (F5, the background refresh, after a change) reads them too.
        vm.listedAt().addListener((o, a, b) -> {
            if (othersTab.isSelected()) {
                others.refresh();
            }
        });
        TabPane tabs = new TabPane(jailsTab, usageTab, defaultsTab, othersTab);
        tabs.setId("hostTabs");
        HostAdminViewModel admin = new HostAdminViewModel(vm.client(), Platform::runLater,
                msg, notifier, () -> {
                    vm.refresh();
                    if (usageTab.isSelected()) {
                        usage.refresh();
                    }
                }, vm.protection()::has);
        admin.refreshPool();
        // A host that could not be reached (or whose certificate was not accepted yet) is asked again once it answers.
        vm.lastFailure().addListener((o, was, now) -> {
            if (was != null && now == null) {
                admin.refreshPool();
            }
        });
        // Another client's snapshot or mount (or our own job's) shows in the open tab. The table itself follows the
        // host's changes through its session (HostsViewModel), shown or not.
        vm.client().onJailsChanged(() -> Platform.runLater(() -> {
            snapshots.hostChanged(snapshotsTab.tab().isSelected());
            mounts.hostChanged(mountsTab.isSelected());
        }));
        // Jail ▸ Take snapshot…: the jail's Snapshots tab, and its dialog once the tab knows whether the host has any.
        // Several jails: the dialog alone (the inspector shows none of them).
        Consumer<Window> takeSnapshot = owner -> {
            if (vm.selection().size() == 1) {
                jailsTab.getTabPane().getSelectionModel().select(jailsTab);
                side.getSelectionModel().select(snapshotsTab.tab());
            }
            snapshotsTab.content().take(owner, List.copyOf(vm.selection()));
        };
        return new HostView(session, table, tabs, new JailDialogs(vm, msg), new ExecConsole(vm, msg), admin,
                new HostAdminDialogs(admin, msg), takeSnapshot, showsOld);
    }

    /**
     * On a host where every jail's id is its name (Python iocage), the "UUID / name" column repeats the Name column:
     * for a host seen for the first time it starts hidden, and the first listing with a jail shows it only where a
     * jail's id is not its name (legacy iocage's UUIDs). The column menu shows it again; the layout keeps the choice.
     */
    void showIdsOnlyWhereTheyDiffer() {
        JailsViewModel vm = session.jails();
        java.util.function.Consumer<Boolean> show = visible -> table.getColumns().stream()
                .filter(c -> "col-id".equals(c.getId())).forEach(c -> c.setVisible(visible));
        // Not shown while the first listing is on its way (a column of nothing beside Name, then gone).
        show.accept(false);
        // Decided by the first listing that shows a jail (a host without jails yet tells nothing).
        if (!vm.jails().isEmpty()) {
            show.accept(vm.jails().stream().anyMatch(j -> !j.id().equals(j.tag())));
            return;
        }
        vm.jails().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (!vm.jails().isEmpty()) {
                    vm.jails().removeListener(this);
                    show.accept(vm.jails().stream().anyMatch(j -> !j.id().equals(j.tag())));
                }
            }
        });
    }

    /** {@code read} each time {@code tab} is shown. */
    private static void whenShown(Tab tab, Runnable read) {
        tab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) {
                read.run();
            }
        });
    }

    /**
     * A jail's list in the inspector (snapshots, mounts) is read each time its tab is shown (changes made while it was
     * hidden are not missed), and again when another jail is focused while it is shown (a refresh keeps the same one
     * focused).
     */
    private static void readOnDemand(Tab tab, JailListModel<?> model, ObservableValue<Jail> focused) {
        java.util.function.Supplier<String> focusedId = () -> focused.getValue() == null ? null : focused.getValue().id();
        focused.addListener((o, a, b) -> {
            if (tab.isSelected() && !java.util.Objects.equals(focusedId.get(), model.subject().get())) {
                model.load(focusedId.get());
            }
        });
        whenShown(tab, () -> model.load(focusedId.get()));
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }
}
