package org.jaildesk.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.jaildesk.client.ProtocolLog;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.connect.HostConnector;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.connect.HostsViewModel;
import org.jaildesk.ui.jails.JailsViewModel;
import org.jaildesk.ui.jobs.JobRow;
import org.jaildesk.ui.jobs.JobsView;
import org.jaildesk.ui.jobs.JobsViewModel;

/**
 * The main window: hosts on the left, the selected host's jail table and details in the middle, failures and the
 * status line at the bottom. Every jail action is in the Jail menu (with its shortcut), the toolbar and the
 * table's context menu.
 */
public final class MainWindow {

    private static final double HOST_LIST_WIDTH = 210;

    private final HostsViewModel hosts;
    private final Messages msg;
    private final Notifier notifier;
    private final UiState uiState;
    private final Stage stage;
    private final HostDialogs hostDialogs;
    private final Theme theme;
    private final TextField search;
    private final StatusBar statusBar;
    private final BackgroundRefresh background = new BackgroundRefresh(this::backgroundHosts);
    /** The jails' last day of figures saved every ten minutes, so that a crash loses little of it. */
    private javafx.animation.Timeline usageSaves;
    private java.util.function.Function<String, java.util.Optional<String>> fingerprints = url -> java.util.Optional.empty();
    private final JobsViewModel jobs;
    private final ProtocolLog protocolLog;
    private final Consumer<Locale> switchLanguage;
    private final HelpMenu.About about;
    /** What the middle shows: a host's view or All hosts. */
    private final HostSwitch hostSwitch;
    private ProtocolLogWindow logWindow;
    private List<UiAction> actionList = List.of();
    private ContextMenu tableMenu;
    private Runnable jobsPanel = () -> { };
    private HostListPane hostList;
    /** The window's menus, which the command palette offers too. */
    private MenuBar menuBar;

    public MainWindow(HostsViewModel hosts, Messages msg, Notifier notifier, UiState uiState, Stage stage) {
        this(hosts, msg, notifier, uiState, stage, new JobsViewModel(Runnable::run, msg, (Path) null, m -> { }),
                new ProtocolLog(), l -> { }, "", null);
    }

    /** {@code version} and {@code files} (the folder of the desktop's own files) are what Help ▸ About tells. */
    public MainWindow(HostsViewModel hosts, Messages msg, Notifier notifier, UiState uiState, Stage stage,
                      JobsViewModel jobs, ProtocolLog protocolLog,
                      Consumer<Locale> switchLanguage, String version, Path files) {
        this.about = new HelpMenu.About(version, files);
        this.jobs = jobs;
        jobs.onSaveFailed((path, why) -> notifier.refusal(msg.get("jobs.notSaved", path, Notifier.oneLine(why))));
        this.protocolLog = protocolLog;
        this.switchLanguage = switchLanguage;
        this.hosts = hosts;
        this.msg = msg;
        this.notifier = notifier;
        this.uiState = uiState;
        uiState.onSaveFailed((path, why) -> notifier.refusal(msg.get("ui.notSaved", path,
                Notifier.oneLine(org.jaildesk.ui.common.FileWords.of(msg, why)))));
        this.stage = stage;
        this.hostDialogs = new HostDialogs(msg);
        this.theme = new Theme(uiState);
        this.statusBar = new StatusBar(msg, notifier);
        this.search = SearchField.create(msg);
        this.hostSwitch = new HostSwitch(hosts, msg, notifier, uiState, stage, hostDialogs, statusBar, search);
    }

    /** Prompts for the connector, answered on the FX thread while the transport thread waits. */
    public HostConnector.Prompts prompts() {
        return new WindowPrompts(stage, hostDialogs, msg, notifier);
    }

    public Stage show() {
        BorderPane root = new BorderPane();
        root.setId("mainRoot");
        root.getStyleClass().add("main");
        List<UiAction> actions = new JailActions(hosts, msg, stage, hostSwitch::current, () -> consoles, notifier,
                h -> uiState.layout(h.id()).consoleSsh, consoleSettings, hostSwitch.allHostsShown()).all(hostSwitch.hasJailView(), hostSwitch.readOnly(),
                hostSwitch::refresh);
        actionList = actions;
        menuBar = menuBar(actions);
        root.setTop(new VBox(menuBar, toolBar(actions)));
        hostList = new HostListPane(hosts, hostDialogs, msg, stage, hostSwitch::showAllHosts);
        SplitPane body = new SplitPane(hostList, hostSwitch.center());
        body.setDividerPositions(0.18);
        WindowPlacement.placeDivider(body, HOST_LIST_WIDTH, false, 0.2);
        SplitPane.setResizableWithParent(body.getItems().get(0), false);
        JobsView jobsView = new JobsView(jobs, msg, job -> hosts.hosts().stream().filter(h -> job.ranOn(h.id(), h.name())).findFirst()
                .map(h -> org.jaildesk.ui.jobs.CallLine.prefix(h, uiState.setting(UiState.LOCAL_PRIVILEGE, "NONE"),
                        h.kind() == HostEntry.Kind.REMOTE ? fingerprints.apply(h.url()) : java.util.Optional.empty())));
        SplitPane vertical = new SplitPane(body);
        vertical.setId("mainSplit");
        vertical.setOrientation(Orientation.VERTICAL);
        jobsPanel = () -> {
            if (vertical.getItems().contains(jobsView)) {
                vertical.getItems().remove(jobsView);
            } else {
                vertical.getItems().add(jobsView);
                vertical.setDividerPositions(0.7);
            }
        };
        if (Boolean.parseBoolean(uiState.setting("jobsVisible", "true"))) {
            jobsPanel.run();
        }
        root.setCenter(vertical);
        theme.applyToEveryWindow();
        startBackgroundRefresh();
        usageSaves = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.minutes(10),
                e -> hostSwitch.saveUsage()));
        usageSaves.setCycleCount(javafx.animation.Animation.INDEFINITE);
        usageSaves.play();
        root.setBottom(new VBox(new NoticeBar(notifier, msg), statusBar));

        HostEntry first = hosts.hosts().isEmpty() ? null : hosts.hosts().get(0);
        UiState.Layout layout = uiState.layout(first == null ? "-" : first.id());
        List<Rectangle2D> screens = new ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds());
        Screen.getScreens().stream().map(Screen::getVisualBounds).filter(b -> !screens.contains(b)).forEach(screens::add);
        WindowPlacement.Place place = WindowPlacement.of(layout, screens);
        Scene scene = new Scene(root, place.width(), place.height());
        scene.getStylesheets().add(MainWindow.class.getResource("theme.css").toExternalForm());
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> GreyedMenuItems.whyOff(tableMenu.getItems(), e, msg).ifPresent(why -> {
            e.consume();
            notifier.info(why);
        }));
        if (!Double.isNaN(place.x())) {
            stage.setX(place.x());
            stage.setY(place.y());
        }
        stage.setMaximized(layout.maximized);
        stage.setScene(scene);
        // setAll: after a language switch the same stage gets a new window, which would add its icons again.
        stage.getIcons().setAll(IntStream.of(16, 32, 64, 128, 256).mapToObj(size -> new Image(
                MainWindow.class.getResource("icons/jaildesk-" + size + ".png").toExternalForm())).toList());
        // A language switch gives the stage a new window's scene: this one then stops its timer and its theme's
        // listener, which would otherwise go on for the rest of the session.
        stage.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene now) {
                if (now != scene) {
                    stage.sceneProperty().removeListener(this);
                    retire();
                }
            }
        });
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        hosts.selected().addListener((o, a, b) -> hostSwitch.switchTo(b));
        if (first != null) {
            hosts.selected().set(first);
        }
        stage.setOnCloseRequest(e -> {
            if (!QuitQuestion.quitDespite(stage, msg, runningJobs(), jobs::actionName, this::stopsWithWindow)) {
                e.consume();
                return;
            }
            quitting();
        });
        stage.show();
        return stage;
    }

    public Scene scene() {
        return stage.getScene();
    }

    private void retire() {
        background.stop();
        if (usageSaves != null) {
            usageSaves.stop();
        }
        theme.close();
    }

    /** The user quits (asked first where jobs run): the jobs the window stops end in the history, then all is saved. */
    private void quitting() {
        jobs.windowClosing(this::stopsWithWindow);
        saveState();
    }

    /** The table layouts, the settings and the jails' last day of figures, saved (as the window closes or changes). */
    private void saveState() {
        hostSwitch.saveLayout();
        hostSwitch.saveUsage();
        uiState.save();
    }

    /** The certificate fingerprint this desktop accepted for a server's address, for the jobs' copied command lines. */
    public void fingerprints(java.util.function.Function<String, java.util.Optional<String>> byUrl) {
        this.fingerprints = byUrl;
    }

    /**
     * Jails' consoles, opened in a terminal of this desktop (this machine's, and remote hosts' over ssh); without one the
     * window opens none. Set before {@link #show}.
     */
    public void consoles(org.jaildesk.ui.jails.ConsoleOpener opener) {
        this.consoles = opener;
    }

    private org.jaildesk.ui.jails.ConsoleOpener consoles;

    /** Keeps the jails' last day of figures in {@code archive}, saved every few minutes and as the window closes. */
    public void keepUsage(org.jaildesk.ui.jails.UsageArchive archive) {
        hostSwitch.keepUsage(archive);
    }

    /** For tests: whether this window's background refresh timer runs. */
    boolean backgroundRunning() {
        return background.running();
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    private JailsViewModel vm() {
        return hostSwitch.current() == null ? null : hostSwitch.current().session().jails();
    }

    /** The tables the background refresh keeps fresh: the shown host's, or those All hosts takes in while shown. */
    List<JailsViewModel> backgroundHosts() {
        return hostSwitch.backgroundHosts();
    }

    private MenuBar menuBar(List<UiAction> actions) {
        // hostList is built after the menus: it is looked up when the item is chosen, not here.
        List<MenuItem> files = new ArrayList<>(new HostFiles(hosts, msg, notifier, stage).menuItems());
        files.add(jailFiles().menuItem("menu-exportJails"));
        Menu file = FileAndJailMenus.file(msg, () -> hostList.addHost(), files, () -> {
            if (QuitQuestion.quitDespite(stage, msg, runningJobs(), jobs::actionName, this::stopsWithWindow)) {
                quitting();
                stage.close();
            }
        });
        Menu jail = FileAndJailMenus.jail(msg, actions);
        List<MenuItem> local = new java.util.ArrayList<>(hosts.hosts().stream().filter(h -> h.kind() == HostEntry.Kind.LOCAL)
                .findFirst().map(h -> List.<MenuItem>of(localPrivilegeMenu(h))).orElse(List.of()));
        if (consoles != null) {
            local.add(terminalItem());
            local.add(consoleSshItem());
        }
        Menu hostMenu = HostMenu.of(msg, stage, hostSwitch::current, hostSwitch.hasJailView(), hostSwitch.readOnly(),
                hostSwitch.activePool(), local);
        Menu view = ViewMenu.of(msg, theme, uiState, new ViewMenu.Window(search::requestFocus, this::openPalette,
                () -> jobsPanel.run(), this::showProtocolLog, this::chooseLanguage, this::startBackgroundRefresh,
                () -> hostSwitch.current().table().addPropertyColumn(stage), hostSwitch.hasJailView(),
                SearchMenu.of(msg, uiState, search, stage), hostSwitch::showAllHosts));
        MenuBar bar = new MenuBar(file, jail, hostMenu, view, HelpMenu.of(msg, stage, about));
        bar.setId("menuBar");
        return bar;
    }

    private void openPalette() {
        CommandPalette.open(stage, msg, actionList, vm(), () -> {
            if (hostSwitch.current() != null) {
                hostSwitch.current().table().requestFocus();
            }
        }, uiState.searches(), search::setText, menuBar);
    }

    private void showProtocolLog() {
        if (logWindow == null) {
            logWindow = new ProtocolLogWindow(protocolLog, msg);
        }
        logWindow.show(stage);
    }

    /** Remembers the language and rebuilds the window in it, unless a job runs (that would stop it). */
    private void chooseLanguage(String tag) {
        uiState.putSetting("language", tag);
        saveState();
        if (runningJobs().isEmpty()) {
            switchLanguage.accept(Locale.forLanguageTag(tag));
        } else {
            // Switching rebuilds the window and its hosts, which would stop the running jobs.
            notifier.tell(msg.get("language.later", msg.get("language." + tag)));
        }
    }

    /**
     * The action buttons, then the search field. The search stays outside the buttons' tool bar: in it, a narrow
     * window (1024 pixels) put the search behind the overflow arrow; now the buttons go there (each is in the menus
     * and has its key), and the search keeps its place.
     */
    private HBox toolBar(List<UiAction> actions) {
        ToolBar bar = new ToolBar();
        bar.setId("toolBar");
        for (UiAction a : actions) {
            if (!List.of("console", "log", "cap", "snapshot", "rename", "update", "upgrade", "export", "import", "protect", "unprotect").contains(a.id())) {
                bar.getItems().add(a.button());
            }
        }
        HBox.setHgrow(bar, Priority.ALWAYS);
        search.setMinWidth(160);
        HBox row = new HBox(8, bar, search);
        row.getStyleClass().add("tool-row");
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        tableMenu = TableMenu.of(actions, msg, () -> hostSwitch.current() == null ? null : hostSwitch.current().table(),
                jailFiles().menuItem("ctx-export"));
        hostSwitch.tableMenu(tableMenu);
        return row;
    }

    private JailTableFiles jailFiles;

    /** What the jail table shown now lists, a host's or All hosts', its columns' titles first; null if none. FX thread. */
    List<List<String>> tableListed() {
        return hostSwitch.listedAsCells();
    }

    /** The export of the jail table shown now, a host's or All hosts' (File menu and the table's context menu). */
    private JailTableFiles jailFiles() {
        if (jailFiles == null) {
            jailFiles = new JailTableFiles(msg, notifier, stage, this::tableListed);
        }
        return jailFiles;
    }

    /** True for the hosts whose jobs the window's closing stops: this machine's iocage and the demo host. */
    private boolean stopsWithWindow(String hostName) {
        return hosts.hosts().stream().anyMatch(h -> h.name().equals(hostName) && h.kind() != HostEntry.Kind.REMOTE);
    }

    /** The jobs running, and those waiting their turn in this window (which quitting keeps from starting). */
    private List<JobRow> runningJobs() {
        return jobs.jobs().stream().filter(j -> j.state().get().live()).toList();
    }

    /** How iocage runs on this machine: directly, or through doas or sudo; a change reopens this machine's host. */
    private Menu localPrivilegeMenu(HostEntry local) {
        return ChoiceMenu.of(msg.get("menu.localPrivilege"), "menu-localPrivilege", UiState.PRIVILEGES,
                p -> msg.get("privilege." + p.toLowerCase(Locale.ROOT)),
                p -> "menu-privilege-" + p.toLowerCase(Locale.ROOT),
                uiState.setting(UiState.LOCAL_PRIVILEGE, "NONE"), p -> setLocalPrivilege(local, p));
    }

    /** Host ▸ Terminal for consoles…: the terminal jails' consoles open in, this machine's and remote hosts'. */
    private MenuItem terminalItem() {
        MenuItem m = new MenuItem(msg.get("menu.terminal"));
        m.setId("menu-terminal");
        m.setOnAction(e -> TerminalDialog.of(stage, msg, uiState, consoles).show());
        return m;
    }

    /**
     * Host ▸ Console over SSH…: how ssh reaches the remote host shown, for its jails' consoles; on for a remote host.
     * A change is told to the actions ({@link #consoleSettings}), whose reasons follow it.
     */
    private MenuItem consoleSshItem() {
        MenuItem m = new MenuItem(msg.get("menu.consoleSsh"));
        m.setId("menu-consoleSsh");
        m.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> hosts.selected().get() == null
                || hosts.selected().get().kind() != HostEntry.Kind.REMOTE, hosts.selected()));
        m.setOnAction(e -> {
            HostEntry host = hosts.selected().get();
            if (host != null) {
                TerminalDialog.ssh(stage, msg, uiState, consoles, host, () -> consoleSettings.set(consoleSettings.get() + 1)).show();
            }
        });
        return m;
    }

    /** Counts the changes of how consoles are reached, for the reasons that follow them. */
    private final javafx.beans.property.IntegerProperty consoleSettings = new javafx.beans.property.SimpleIntegerProperty();

    private void setLocalPrivilege(HostEntry local, String privilege) {
        if (uiState.setting(UiState.LOCAL_PRIVILEGE, "NONE").equals(privilege)) {
            return;
        }
        uiState.putSetting(UiState.LOCAL_PRIVILEGE, privilege);
        uiState.save();
        boolean shown = local.equals(hosts.selected().get());
        if (shown) {
            hosts.selected().set(null); // everything bound to the old session lets go of it
        }
        hostSwitch.forget(local);
        hosts.reopen(local);
        hostList.refresh();
        if (shown) {
            hosts.selected().set(local);
        }
    }

    private void startBackgroundRefresh() {
        background.every(uiState.intSetting("refreshSeconds", 30));
    }

    /** The window's jail actions, as its menus, toolbar, shortcuts and palette have them. */
    List<UiAction> actions() {
        return actionList;
    }

    /** For tests: the future of the current host's next refresh. */
    public CompletableFuture<Void> refreshNow() {
        return vm() == null ? CompletableFuture.completedFuture(null) : vm().refresh();
    }
}
