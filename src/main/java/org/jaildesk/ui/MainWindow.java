package org.jaildesk.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.jaildesk.domain.Jail;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.connect.ConnectionState;
import org.jaildesk.ui.connect.HostConnector;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.connect.HostSession;
import org.jaildesk.ui.connect.HostsViewModel;
import org.jaildesk.ui.jails.DetailsPane;
import org.jaildesk.ui.jails.ExecConsole;
import org.jaildesk.ui.jails.JailDialogs;
import org.jaildesk.ui.jails.JailTableView;
import org.jaildesk.ui.jails.JailsViewModel;

/**
 * The main window: hosts on the left, the selected host's jail table and details in the middle, failures and the
 * status line at the bottom. Every jail action is in the Jail menu (with its shortcut), the toolbar and the
 * table's context menu.
 */
public final class MainWindow {

    private final HostsViewModel hosts;
    private final Messages msg;
    private final Notifier notifier;
    private final UiState uiState;
    private final Stage stage;
    private final HostDialogs hostDialogs;
    private final Map<String, View> views = new HashMap<>();
    private final StackPane center = new StackPane();
    private final TextField search = new TextField();
    private final Label hostLabel = new Label();
    private final Label staleLabel = new Label();
    private final Label poolLabel = new Label();
    private final SimpleBooleanProperty hasJailView = new SimpleBooleanProperty();
    private View current;

    /** A host's table, details and dialogs, built once per host. */
    private record View(HostSession session, JailTableView table, javafx.scene.Node node, JailDialogs dialogs, ExecConsole exec,
                        org.jaildesk.ui.pools.HostAdminViewModel admin, org.jaildesk.ui.pools.HostAdminDialogs adminDialogs) {
    }

    private final org.jaildesk.ui.jobs.JobsViewModel jobs;
    private final org.jaildesk.client.ProtocolLog protocolLog;
    private final java.util.function.Consumer<java.util.Locale> switchLanguage;
    private ProtocolLogWindow logWindow;
    private List<UiAction> actionList = List.of();

    public MainWindow(HostsViewModel hosts, Messages msg, Notifier notifier, UiState uiState, Stage stage) {
        this(hosts, msg, notifier, uiState, stage, new org.jaildesk.ui.jobs.JobsViewModel(Runnable::run, msg, null, m -> { }),
                new org.jaildesk.client.ProtocolLog(), l -> { });
    }

    public MainWindow(HostsViewModel hosts, Messages msg, Notifier notifier, UiState uiState, Stage stage,
                      org.jaildesk.ui.jobs.JobsViewModel jobs, org.jaildesk.client.ProtocolLog protocolLog,
                      java.util.function.Consumer<java.util.Locale> switchLanguage) {
        this.jobs = jobs;
        this.protocolLog = protocolLog;
        this.switchLanguage = switchLanguage;
        this.hosts = hosts;
        this.msg = msg;
        this.notifier = notifier;
        this.uiState = uiState;
        this.stage = stage;
        this.hostDialogs = new HostDialogs(msg);
    }

    /** Prompts for the connector, answered on the FX thread while the transport thread waits. */
    public HostConnector.Prompts prompts() {
        return host -> onFx(() -> hostDialogs.password(stage, host));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        if (Platform.isFxApplicationThread()) {
            try {
                return c.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (Exception e) {
            return null;
        }
    }

    public Stage show() {
        BorderPane root = new BorderPane();
        root.setId("mainRoot");
        root.getStyleClass().add("main");
        List<UiAction> actions = actions();
        actionList = actions;
        root.setTop(new VBox(menuBar(actions), toolBar(actions)));
        SplitPane body = new SplitPane(hostList(), center);
        body.setDividerPositions(0.18);
        placeDivider(body, HOST_LIST_WIDTH, false);
        SplitPane.setResizableWithParent(body.getItems().get(0), false);
        org.jaildesk.ui.jobs.JobsView jobsView = new org.jaildesk.ui.jobs.JobsView(jobs, msg);
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
        applyThemeToEveryWindow();
        startBackgroundRefresh();
        root.setBottom(new VBox(new NoticeBar(notifier, msg), statusBar()));

        HostEntry first = hosts.hosts().isEmpty() ? null : hosts.hosts().get(0);
        UiState.Layout layout = uiState.layout(first == null ? "-" : first.id());
        List<javafx.geometry.Rectangle2D> screens = new java.util.ArrayList<>();
        screens.add(javafx.stage.Screen.getPrimary().getVisualBounds());
        javafx.stage.Screen.getScreens().stream().map(javafx.stage.Screen::getVisualBounds).filter(b -> !screens.contains(b)).forEach(screens::add);
        WindowPlacement.Place place = WindowPlacement.of(layout, screens);
        Scene scene = new Scene(root, place.width(), place.height());
        scene.getStylesheets().add(MainWindow.class.getResource("theme.css").toExternalForm());
        if (!Double.isNaN(place.x())) {
            stage.setX(place.x());
            stage.setY(place.y());
        }
        stage.setMaximized(layout.maximized);
        stage.setScene(scene);
        for (int size : new int[] {16, 32, 64, 128, 256}) {
            stage.getIcons().add(new javafx.scene.image.Image(MainWindow.class.getResource("icons/jaildesk-" + size + ".png").toExternalForm()));
        }
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        hosts.selected().addListener((o, a, b) -> switchTo(a, b));
        if (first != null) {
            hosts.selected().set(first);
        }
        stage.setOnCloseRequest(e -> {
            if (!quitDespiteRunningJobs()) {
                e.consume();
                return;
            }
            saveLayout(current);
            uiState.save();
        });
        stage.show();
        return stage;
    }

    public Scene scene() {
        return stage.getScene();
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    private JailsViewModel vm() {
        return current == null ? null : current.session().jails();
    }

    private BooleanBinding when(java.util.function.Function<JailsViewModel, BooleanBinding> f) {
        // Rebound when the host changes: the binding follows the current host's view model.
        SimpleBooleanProperty p = new SimpleBooleanProperty();
        hosts.selected().addListener((o, a, b) -> {
            p.unbind();
            if (b != null) {
                p.bind(f.apply(hosts.session(b).jails()));
            }
        });
        return Bindings.createBooleanBinding(p::get, p);
    }

    private List<UiAction> actions() {
        KeyCombination.Modifier c = KeyCombination.SHORTCUT_DOWN;
        KeyCombination.Modifier s = KeyCombination.SHIFT_DOWN;
        return List.of(
                new UiAction("start", msg.get("action.start"), new KeyCodeCombination(KeyCode.S, c, s), when(JailsViewModel::canStart),
                        () -> vm().startSelected()),
                new UiAction("stop", msg.get("action.stop"), new KeyCodeCombination(KeyCode.X, c, s), when(JailsViewModel::canStop),
                        () -> vm().stopSelected()),
                new UiAction("restart", msg.get("action.restart"), new KeyCodeCombination(KeyCode.R, c, s), when(JailsViewModel::canRestart),
                        () -> vm().restartSelected()),
                new UiAction("refresh", msg.get("action.refresh"), new KeyCodeCombination(KeyCode.F5), hasJailView,
                        this::refresh),
                new UiAction("create", msg.get("action.create"), new KeyCodeCombination(KeyCode.N, c), hasJailView,
                        () -> current.dialogs().create(stage).show()),
                new UiAction("clone", msg.get("action.clone"), new KeyCodeCombination(KeyCode.D, c), when(JailsViewModel::canClone),
                        () -> current.dialogs().cloneJail(stage, vm().selection().get(0)).show()),
                new UiAction("destroy", msg.get("action.destroy"), new KeyCodeCombination(KeyCode.DELETE), when(JailsViewModel::canDestroy),
                        () -> current.dialogs().destroy(stage, vm().selection().get(0)).show()),
                new UiAction("exec", msg.get("action.exec"), new KeyCodeCombination(KeyCode.E, c), when(JailsViewModel::canExec),
                        () -> current.exec().open(stage, vm().selection().get(0))),
                new UiAction("cap", msg.get("action.cap"), new KeyCodeCombination(KeyCode.L, c, s), when(JailsViewModel::canCap),
                        () -> vm().capSelected()));
    }

    private void refresh() {
        hosts.refreshCurrent((host, refusal) -> hostDialogs.acceptCertificate(stage, host, refusal));
    }

    private MenuBar menuBar(List<UiAction> actions) {
        Menu file = new Menu(msg.get("menu.file"));
        MenuItem addHost = new MenuItem(msg.get("host.add"));
        addHost.setId("menu-addHost");
        addHost.setOnAction(e -> addHost());
        MenuItem quit = new MenuItem(msg.get("menu.quit"));
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setId("menu-quit");
        quit.setOnAction(e -> {
            if (quitDespiteRunningJobs()) {
                saveLayout(current);
                uiState.save();
                stage.close();
            }
        });
        file.getItems().addAll(addHost, new SeparatorMenuItem(), quit);
        Menu jail = new Menu(msg.get("menu.jail"));
        jail.setId("menu-jail");
        for (UiAction a : actions) {
            jail.getItems().add(a.menuItem());
            if (a.id().equals("refresh") || a.id().equals("destroy")) {
                jail.getItems().add(new SeparatorMenuItem());
            }
        }
        Menu hostMenu = new Menu(msg.get("menu.host"));
        hostMenu.setId("menu-host");
        hostMenu.getItems().addAll(
                item("activatePool", msg.get("menu.activatePool"), () -> current.adminDialogs().activate(stage).show()),
                item("deactivatePool", msg.get("menu.deactivatePool"), () -> current.adminDialogs()
                        .deactivate(stage, current.admin().pool().get()).show()),
                item("fetchRelease", msg.get("menu.fetchRelease"), () -> current.adminDialogs().fetch(stage).show()),
                new SeparatorMenuItem(),
                item("cleanJails", msg.get("menu.cleanJails"), () -> current.adminDialogs().clean(stage, org.jaildesk.ui.pools.HostAdminViewModel.Clean.JAILS)),
                item("cleanReleases", msg.get("menu.cleanReleases"), () -> current.adminDialogs().clean(stage, org.jaildesk.ui.pools.HostAdminViewModel.Clean.RELEASES)),
                item("cleanTemplates", msg.get("menu.cleanTemplates"), () -> current.adminDialogs().clean(stage, org.jaildesk.ui.pools.HostAdminViewModel.Clean.TEMPLATES)),
                item("cleanAll", msg.get("menu.cleanAll"), () -> current.adminDialogs().clean(stage, org.jaildesk.ui.pools.HostAdminViewModel.Clean.ALL)));
        hosts.hosts().stream().filter(h -> h.kind() == HostEntry.Kind.LOCAL).findFirst().ifPresent(local ->
                hostMenu.getItems().addAll(new SeparatorMenuItem(), localPrivilegeMenu(local)));
        Menu view = new Menu(msg.get("menu.view"));
        MenuItem find = new MenuItem(msg.get("menu.find"));
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> search.requestFocus());
        MenuItem palette = new MenuItem(msg.get("menu.palette"));
        palette.setId("menu-palette");
        palette.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
        palette.setOnAction(e -> openPalette());
        MenuItem jobsItem = new MenuItem(msg.get("menu.jobs"));
        jobsItem.setId("menu-jobs");
        jobsItem.setAccelerator(new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN));
        jobsItem.setOnAction(e -> jobsPanel.run());
        MenuItem log = new MenuItem(msg.get("menu.log"));
        log.setId("menu-log");
        log.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        log.setOnAction(e -> {
            if (logWindow == null) {
                logWindow = new ProtocolLogWindow(protocolLog, msg);
            }
            logWindow.show(stage);
        });
        javafx.scene.control.CheckMenuItem darkItem = new javafx.scene.control.CheckMenuItem(msg.get("menu.dark"));
        darkItem.setId("menu-dark");
        darkItem.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        darkItem.setSelected(dark());
        darkItem.selectedProperty().addListener((o, a, b) -> setTheme(b));
        Menu language = new Menu(msg.get("menu.language"));
        javafx.scene.control.ToggleGroup langs = new javafx.scene.control.ToggleGroup();
        for (String tag : List.of("en", "de")) {
            javafx.scene.control.RadioMenuItem r = new javafx.scene.control.RadioMenuItem(msg.get("language." + tag));
            r.setId("menu-lang-" + tag);
            r.setToggleGroup(langs);
            r.setSelected(msg.locale().getLanguage().equals(tag));
            r.setOnAction(e -> {
                if (!msg.locale().getLanguage().equals(tag)) {
                    uiState.putSetting("language", tag);
                    saveLayout(current);
                    uiState.save();
                    if (runningJobs().isEmpty()) {
                        switchLanguage.accept(java.util.Locale.forLanguageTag(tag));
                    } else {
                        // Switching rebuilds the window and its hosts, which would stop the running jobs.
                        notifier.tell(msg.get("language.later", msg.get("language." + tag)));
                    }
                }
            });
            language.getItems().add(r);
        }
        Menu interval = new Menu(msg.get("menu.refreshEvery"));
        interval.setId("menu-refreshEvery");
        javafx.scene.control.ToggleGroup every = new javafx.scene.control.ToggleGroup();
        for (int seconds : new int[] {0, 15, 30, 60, 300}) {
            javafx.scene.control.RadioMenuItem r = new javafx.scene.control.RadioMenuItem(seconds == 0 ? msg.get("refresh.off")
                    : seconds < 60 ? msg.get("refresh.seconds", seconds) : msg.get("refresh.minutes", seconds / 60));
            r.setId("menu-refresh-" + seconds);
            r.setToggleGroup(every);
            r.setSelected(uiState.setting("refreshSeconds", "30").equals(String.valueOf(seconds)));
            r.setOnAction(e -> {
                uiState.putSetting("refreshSeconds", String.valueOf(seconds));
                uiState.save();
                startBackgroundRefresh();
            });
            interval.getItems().add(r);
        }
        view.getItems().addAll(find, palette, new SeparatorMenuItem(), jobsItem, log, interval, new SeparatorMenuItem(), darkItem, language);
        MenuBar bar = new MenuBar(file, jail, hostMenu, view);
        bar.setId("menuBar");
        return bar;
    }

    private void openPalette() {
        CommandPalette.open(stage, msg, actionList, vm(), () -> {
            if (current != null) {
                current.table().requestFocus();
            }
        });
    }

    private MenuItem item(String id, String text, Runnable run) {
        MenuItem m = new MenuItem(text);
        m.setId("menu-" + id);
        m.disableProperty().bind(hasJailView.not());
        m.setOnAction(e -> run.run());
        return m;
    }

    private ToolBar toolBar(List<UiAction> actions) {
        ToolBar bar = new ToolBar();
        bar.setId("toolBar");
        for (UiAction a : actions) {
            if (!a.id().equals("cap")) {
                bar.getItems().add(a.button());
            }
        }
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        search.setId("search");
        search.setPromptText(msg.get("search.prompt"));
        search.setPrefColumnCount(26);
        search.setAccessibleText(msg.get("search.prompt"));
        search.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        bar.getItems().addAll(spacer, search);
        ContextMenu context = new ContextMenu();
        actions.forEach(a -> context.getItems().add(a.menuItem()));
        tableMenu = context;
        return bar;
    }

    private ContextMenu tableMenu;
    private Runnable jobsPanel = () -> { };
    private javafx.animation.Timeline background;
    private ListView<HostEntry> hostList;

    private List<org.jaildesk.ui.jobs.JobRow> runningJobs() {
        return jobs.jobs().stream().filter(j -> j.state().get() == org.jaildesk.ui.jobs.JobRow.State.RUNNING).toList();
    }

    /**
     * Closing the window while jobs run stops those on this machine and the demo host part-way (a create, a fetch):
     * it asks first, naming them. Nothing running: no question.
     */
    private boolean quitDespiteRunningJobs() {
        List<org.jaildesk.ui.jobs.JobRow> running = runningJobs();
        if (running.isEmpty()) {
            return true;
        }
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> d = new javafx.scene.control.Dialog<>();
        d.initOwner(stage);
        d.setTitle(msg.get("quit.title"));
        d.setHeaderText(msg.get("quit.header", running.size()));
        d.getDialogPane().setId("quitDialog");
        StringBuilder names = new StringBuilder();
        for (org.jaildesk.ui.jobs.JobRow j : running.subList(0, Math.min(5, running.size()))) {
            names.append(names.length() == 0 ? "" : "\n").append(msg.get("quit.job", j.action(), j.target(), j.host()));
        }
        if (running.size() > 5) {
            names.append("\n\u2026");
        }
        Label list = new Label(names.toString());
        list.setId("quitJobs");
        Label explain = new Label(msg.get("quit.explain"));
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        d.getDialogPane().setContent(new VBox(10, list, explain));
        javafx.scene.control.ButtonType quit = org.jaildesk.ui.common.Dialogs.confirmButton(d, msg.get("quit.anyway"), "quitAnyway", true);
        // Enter keeps the jobs: stopping them takes a click on the button that says so.
        org.jaildesk.ui.common.Dialogs.cancelByDefault(d, quit);
        return d.showAndWait().filter(b -> b == quit).isPresent();
    }

    /** How iocage runs on this machine: directly, or through doas or sudo; a change reopens this machine's host. */
    private Menu localPrivilegeMenu(HostEntry local) {
        Menu menu = new Menu(msg.get("menu.localPrivilege"));
        menu.setId("menu-localPrivilege");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (String p : UiState.PRIVILEGES) {
            javafx.scene.control.RadioMenuItem r = new javafx.scene.control.RadioMenuItem(
                    msg.get("privilege." + p.toLowerCase(java.util.Locale.ROOT)));
            r.setId("menu-privilege-" + p.toLowerCase(java.util.Locale.ROOT));
            r.setToggleGroup(group);
            r.setSelected(uiState.setting(UiState.LOCAL_PRIVILEGE, "NONE").equals(p));
            r.setOnAction(e -> setLocalPrivilege(local, p));
            menu.getItems().add(r);
        }
        return menu;
    }

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
        views.remove(local.id());
        hosts.reopen(local);
        hostList.refresh();
        if (shown) {
            hosts.selected().set(local);
        }
    }

    /**
     * A quiet refresh of the shown host when the chosen interval (0 = off) has passed since its last listing, for hosts
     * that send no change events; on a host whose listing is slow it waits longer (see
     * {@link JailsViewModel#backgroundRefreshDue}). Checked every 5 s.
     */
    private void startBackgroundRefresh() {
        if (background != null) {
            background.stop();
        }
        int seconds = Integer.parseInt(uiState.setting("refreshSeconds", "30"));
        if (seconds <= 0) {
            return;
        }
        java.time.Duration interval = java.time.Duration.ofSeconds(Math.max(5, seconds));
        background = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(5), e -> {
            if (vm() != null && vm().backgroundRefreshDue(interval)) {
                vm().refresh();
            }
        }));
        background.setCycleCount(javafx.animation.Animation.INDEFINITE);
        background.play();
    }

    /** Light or dark on every window the app opens (dialogs and consoles too), from one stylesheet. */
    private void applyThemeToEveryWindow() {
        String css = MainWindow.class.getResource("theme.css").toExternalForm();
        javafx.collections.ListChangeListener<javafx.stage.Window> onWindow = c -> {
            while (c.next()) {
                for (javafx.stage.Window w : c.getAddedSubList()) {
                    styleWindow(w, css);
                }
            }
        };
        javafx.stage.Window.getWindows().addListener(onWindow);
        javafx.stage.Window.getWindows().forEach(w -> styleWindow(w, css));
    }

    private void styleWindow(javafx.stage.Window w, String css) {
        java.util.function.Consumer<Scene> style = sc -> {
            if (sc == null) {
                return;
            }
            if (!sc.getStylesheets().contains(css)) {
                sc.getStylesheets().add(css);
            }
            sc.getRoot().getStyleClass().remove("dark");
            if (dark()) {
                sc.getRoot().getStyleClass().add("dark");
            }
        };
        style.accept(w.getScene());
        w.sceneProperty().addListener((o, a, b) -> style.accept(b));
    }

    private boolean dark() {
        return "dark".equals(uiState.setting("theme", "light"));
    }

    private void setTheme(boolean dark) {
        uiState.putSetting("theme", dark ? "dark" : "light");
        uiState.save();
        String css = MainWindow.class.getResource("theme.css").toExternalForm();
        javafx.stage.Window.getWindows().forEach(w -> styleWindow(w, css));
    }

    private VBox hostList() {
        ListView<HostEntry> list = new ListView<>(hosts.hosts());
        hostList = list;
        list.setId("hosts");
        list.getStyleClass().add("host-list");
        list.setCellFactory(v -> new HostCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                hosts.selected().set(b);
            }
        });
        hosts.selected().addListener((o, a, b) -> list.getSelectionModel().select(b));
        Button add = new Button(msg.get("host.addShort"));
        add.setId("addHost");
        add.setAccessibleText(msg.get("host.add"));
        add.setTooltip(new javafx.scene.control.Tooltip(msg.get("host.add")));
        add.setOnAction(e -> addHost());
        Button remove = new Button(msg.get("host.remove"));
        remove.setId("removeHost");
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> list.getSelectionModel().getSelectedItem() == null
                || list.getSelectionModel().getSelectedItem().kind() != HostEntry.Kind.REMOTE, list.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> hosts.remove(list.getSelectionModel().getSelectedItem()));
        Button edit = new Button(msg.get("host.edit"));
        edit.setId("editHost");
        edit.disableProperty().bind(remove.disableProperty());
        edit.setOnAction(e -> {
            HostEntry h = list.getSelectionModel().getSelectedItem();
            hostDialogs.editHost(stage, h).ifPresent(f -> {
                hosts.remove(h);
                hosts.selected().set(hosts.addRemote(f[0], f[1], f[2]));
            });
        });
        Label title = new Label(msg.get("hosts.title"));
        title.getStyleClass().add("section-title");
        // The buttons keep their labels whole (German ones are long): the sidebar is never narrower than they are.
        for (Button b : List.of(add, edit, remove)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(6, add, edit, remove);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        list.setPrefWidth(170);
        VBox box = new VBox(6, title, list, buttons);
        box.setPadding(new Insets(8));
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private void addHost() {
        hostDialogs.editHost(stage, null).ifPresent(f -> hosts.selected().set(hosts.addRemote(f[0], f[1], f[2])));
    }

    private static final double HOST_LIST_WIDTH = 210;
    private static final double INSPECTOR_WIDTH = 360;

    /**
     * Puts a split's divider {@code pixels} from its start (or from its end) once the split has its width: a share of
     * the width would give a wide window's room to the host list and the inspector instead of the table.
     */
    private static void placeDivider(SplitPane split, double pixels, boolean fromEnd) {
        javafx.beans.value.ChangeListener<Number> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number before, Number width) {
                double w = width.doubleValue();
                if (w > 2 * pixels) {
                    split.widthProperty().removeListener(this);
                    split.setDividerPosition(0, fromEnd ? 1 - pixels / w : pixels / w);
                }
            }
        };
        split.widthProperty().addListener(once);
    }

    /** A host's name and its connection dot, which follows the session's state while the cell shows that host. */
    private final class HostCell extends ListCell<HostEntry> {
        private final Circle dot = new Circle(4);
        private final javafx.beans.value.ChangeListener<ConnectionState> follow = (o, a, b) -> show(b);
        private javafx.beans.value.ObservableValue<ConnectionState> watched;

        HostCell() {
            dot.getStyleClass().add("conn-dot");
        }

        @Override
        protected void updateItem(HostEntry h, boolean empty) {
            super.updateItem(h, empty);
            // A cell is reused for other hosts: it stops following the one it showed before.
            if (watched != null) {
                watched.removeListener(follow);
                watched = null;
            }
            if (empty || h == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(h.name());
            watched = hosts.session(h).state();
            watched.addListener(follow);
            show(watched.getValue());
            setGraphic(dot);
        }

        /** The dot's colour, and the same in words for screen readers and the tooltip. */
        private void show(ConnectionState st) {
            String name = st.name().toLowerCase(java.util.Locale.ROOT);
            dot.getStyleClass().removeIf(c -> c.startsWith("conn-") && !c.equals("conn-dot"));
            dot.getStyleClass().add("conn-" + name);
            String said = getItem() == null ? "" : getItem().name() + ", " + msg.get("conn.state." + name);
            setAccessibleText(said);
            setTooltip(new javafx.scene.control.Tooltip(said));
        }
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(notifier.status());
        hostLabel.setId("hostLabel");
        staleLabel.setId("stale");
        staleLabel.getStyleClass().add("stale-label");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        poolLabel.setId("poolLabel");
        HBox bar = new HBox(12, hostLabel, poolLabel, status, spacer, staleLabel);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    // ---- switching hosts --------------------------------------------------------------------------------------

    private void switchTo(HostEntry before, HostEntry host) {
        saveLayout(current);
        if (host == null) {
            center.getChildren().clear();
            current = null;
            hasJailView.set(false);
            return;
        }
        View v = views.computeIfAbsent(host.id(), id -> build(hosts.session(host)));
        current = v;
        hasJailView.set(true);
        center.getChildren().setAll(v.node());
        stage.setTitle(msg.get("window.title", host.name()));
        hostLabel.setText(host.name());
        search.textProperty().unbindBidirectional(previousQuery);
        previousQuery = v.session().jails().query();
        search.textProperty().bindBidirectional(previousQuery);
        // Shown and hidden, never emptied: an empty label changes the status bar's size, and that re-lays out and
        // repaints the whole window on every refresh.
        staleLabel.setText(msg.get("status.stale"));
        staleLabel.visibleProperty().bind(v.session().jails().stale());
        poolLabel.textProperty().bind(Bindings.createStringBinding(() -> msg.get("status.pool", v.admin().pool().get()), v.admin().pool()));
        applyLayout(v, uiState.layout(host.id()));
        Platform.runLater(v.table()::requestFocus);
        if (!v.session().jails().loaded().get()) {
            refresh();
        }
    }

    private javafx.beans.property.StringProperty previousQuery = new javafx.beans.property.SimpleStringProperty();

    private View build(HostSession session) {
        JailsViewModel vm = session.jails();
        JailTableView table = new JailTableView(vm, msg);
        table.setContextMenu(tableMenu);
        DetailsPane details = new DetailsPane(vm, msg);
        org.jaildesk.ui.settings.SettingsViewModel settings = new org.jaildesk.ui.settings.SettingsViewModel(vm.client(),
                Platform::runLater, msg, notifier, false);
        org.jaildesk.ui.settings.SettingsView settingsView = new org.jaildesk.ui.settings.SettingsView(settings, msg,
                () -> vm.selection().stream().map(Jail::id).toList(), "inspector");
        javafx.scene.control.Tab detailsTab = tab("tab-details", msg.get("tab.details"), details);
        javafx.scene.control.Tab settingsTab = tab("tab-settings", msg.get("tab.settings"), settingsView);
        javafx.scene.control.TabPane side = new javafx.scene.control.TabPane(detailsTab, settingsTab);
        side.setId("sideTabs");
        // Settings are fetched on demand: only for the focused jail, only while the Settings tab is shown.
        Runnable loadSettings = () -> {
            if (settingsTab.isSelected() && vm.focused().get() != null && !vm.focused().get().id().equals(settings.subject().get())) {
                settings.load(vm.focused().get().id());
            }
        };
        vm.focused().addListener((o, a, b) -> loadSettings.run());
        settingsTab.selectedProperty().addListener((o, a, b) -> loadSettings.run());
        SplitPane split = new SplitPane(table, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        // A wider window widens the table, where the columns are; the inspector keeps its width.
        placeDivider(split, INSPECTOR_WIDTH, true);
        SplitPane.setResizableWithParent(side, false);

        org.jaildesk.ui.usage.UsageViewModel usage = new org.jaildesk.ui.usage.UsageViewModel(vm.client(), Platform::runLater, msg, notifier);
        javafx.scene.control.Tab usageTab = tab("tab-usage", msg.get("tab.usage"), new org.jaildesk.ui.usage.UsageView(usage, msg));
        usageTab.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                usage.refresh();
            }
        });
        org.jaildesk.ui.settings.SettingsViewModel defaults = new org.jaildesk.ui.settings.SettingsViewModel(vm.client(),
                Platform::runLater, msg, notifier, true);
        javafx.scene.control.Tab defaultsTab = tab("tab-defaults", msg.get("tab.defaults"),
                new org.jaildesk.ui.settings.SettingsView(defaults, msg, () -> List.of(org.jaildesk.ui.settings.SettingsViewModel.DEFAULTS), "defaults"));
        defaultsTab.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                defaults.load(null);
            }
        });
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(tab("tab-jails", msg.get("tab.jails"), split), usageTab, defaultsTab);
        tabs.setId("hostTabs");
        org.jaildesk.ui.pools.HostAdminViewModel admin = new org.jaildesk.ui.pools.HostAdminViewModel(vm.client(), Platform::runLater,
                msg, notifier, () -> {
                    vm.refresh();
                    if (usageTab.isSelected()) {
                        usage.refresh();
                    }
                });
        admin.refreshPool();
        // A host that could not be reached (or whose certificate was not accepted yet) is asked again once it answers.
        vm.lastFailure().addListener((o, was, now) -> {
            if (was != null && now == null) {
                admin.refreshPool();
            }
        });
        // Live refresh: the host says when any client changed a jail. The table refreshed is the host's table now:
        // after this machine's host was reopened, a job still finishing on the old one refreshes the new table.
        String hostId = session.host().id();
        vm.client().onJailsChanged(() -> Platform.runLater(() -> {
            View shown = views.get(hostId);
            if (shown != null) {
                shown.session().jails().hostChanged();
            }
        }));
        return new View(session, table, tabs, new JailDialogs(vm, msg), new ExecConsole(vm, msg), admin,
                new org.jaildesk.ui.pools.HostAdminDialogs(admin, msg));
    }

    private static javafx.scene.control.Tab tab(String id, String title, javafx.scene.Node content) {
        javafx.scene.control.Tab t = new javafx.scene.control.Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    private void saveLayout(View v) {
        if (v == null) {
            return;
        }
        UiState.Layout l = uiState.layout(v.session().host().id());
        // A maximized window keeps the place and size it had before, to return to; the content's size, not the
        // window's: the scene is made that size again, and the decorations would add to it at every start.
        l.maximized = stage.isMaximized();
        if (!l.maximized) {
            l.x = stage.getX();
            l.y = stage.getY();
            l.width = stage.getScene().getWidth();
            l.height = stage.getScene().getHeight();
        }
        l.columns = v.table().getColumns().stream().map(TableColumn::getId).toList();
        l.widths = new HashMap<>();
        l.hidden = new java.util.ArrayList<>();
        for (TableColumn<Jail, ?> c : v.table().getColumns()) {
            l.widths.put(c.getId(), c.getWidth());
            if (!c.isVisible()) {
                l.hidden.add(c.getId());
            }
        }
        if (v.table().getSortOrder().isEmpty()) {
            l.sortColumn = null;
        } else {
            TableColumn<Jail, ?> c = v.table().getSortOrder().get(0);
            l.sortColumn = c.getId();
            l.sortAscending = c.getSortType() == TableColumn.SortType.ASCENDING;
        }
    }

    private static void applyLayout(View v, UiState.Layout l) {
        JailTableView t = v.table();
        if (!l.columns.isEmpty()) {
            List<TableColumn<Jail, ?>> ordered = new java.util.ArrayList<>();
            for (String id : l.columns) {
                t.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().ifPresent(ordered::add);
            }
            t.getColumns().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
            t.getColumns().setAll(ordered);
        }
        for (TableColumn<Jail, ?> c : t.getColumns()) {
            Double w = l.widths.get(c.getId());
            if (w != null && w > 10) {
                c.setPrefWidth(w);
            }
            c.setVisible(!l.hidden.contains(c.getId()));
        }
        if (l.sortColumn != null) {
            t.getColumns().stream().filter(c -> l.sortColumn.equals(c.getId())).findFirst().ifPresent(c -> {
                c.setSortType(l.sortAscending ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                t.getSortOrder().setAll(List.of(c));
            });
        }
    }

    /** For tests: the future of the current host's next refresh. */
    public CompletableFuture<Void> refreshNow() {
        return vm() == null ? CompletableFuture.completedFuture(null) : vm().refresh();
    }
}
