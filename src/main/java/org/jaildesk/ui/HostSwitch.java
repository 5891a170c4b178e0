package org.jaildesk.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jaildesk.domain.Jail;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.connect.HostsViewModel;
import org.jaildesk.ui.jails.JailsViewModel;
import org.jaildesk.ui.jails.ProtectedJails;

/**
 * What the middle of the main window shows: the selected host's view (built the first time the host is shown, then
 * kept), or <i>All hosts</i>; and what follows the host shown: the title, the search field, the status line, the
 * active pool, the table's layout (saved when another is shown).
 */
final class HostSwitch {

    private static final Logger LOG = Logger.getLogger(HostSwitch.class.getName());

    /**
     * Where {@code ui-state.json} keeps the all-hosts table's columns, beside the hosts' layouts (whose keys are host
     * ids: {@code demo}, {@code local} or {@code remote:<url>}; this cannot be one).
     */
    static final String ALL_HOSTS_LAYOUT = "*all hosts*";

    private final HostsViewModel hosts;
    private final Messages msg;
    private final Notifier notifier;
    private final UiState uiState;
    private final Stage stage;
    private final HostDialogs hostDialogs;
    private final StatusBar statusBar;
    private final TextField search;
    private final Map<String, HostView> views = new HashMap<>();
    private final StackPane center = new StackPane();
    private final SimpleBooleanProperty hasJailView = new SimpleBooleanProperty();
    /** The current host's active pool, "" when none. */
    private final SimpleStringProperty activePool = new SimpleStringProperty("");
    /** Why the shown host's login may change nothing ("" while it may, or when no host is shown). */
    private final SimpleStringProperty readOnly = new SimpleStringProperty("");
    private final AllHosts allHosts;
    private HostView current;
    /** The shown host's query, which the search field edits. */
    private StringProperty previousQuery = new SimpleStringProperty();
    /** Built the first time All hosts is shown. */
    private AllHostsView allHostsView;
    private final javafx.beans.property.ReadOnlyObjectWrapper<AllHostsView> allHostsShown =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private ContextMenu tableMenu;
    /** Where the shown hosts' jails' last day of figures is kept between starts; null: not kept. */
    private org.jaildesk.ui.jails.UsageArchive usage;

    HostSwitch(HostsViewModel hosts, Messages msg, Notifier notifier, UiState uiState, Stage stage, HostDialogs hostDialogs,
               StatusBar statusBar, TextField search) {
        this.hosts = hosts;
        this.msg = msg;
        this.notifier = notifier;
        this.uiState = uiState;
        this.stage = stage;
        this.hostDialogs = hostDialogs;
        this.statusBar = statusBar;
        this.search = search;
        this.allHosts = new AllHosts(hosts);
        // A host taken off the list (removed, or edited: taken off and added anew, perhaps under the same address) takes
        // its view along; kept, it would show the closed session's jails, not connected, under the new host.
        hosts.hosts().addListener((javafx.collections.ListChangeListener<HostEntry>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::forget);
            }
        });
    }

    /** The context menu every host's table shares; set before the first host is shown. */
    void tableMenu(ContextMenu menu) {
        this.tableMenu = menu;
    }

    /** The shown hosts' jails' last day of figures is put back from {@code archive} and saved to it. */
    void keepUsage(org.jaildesk.ui.jails.UsageArchive archive) {
        this.usage = archive;
        views.values().forEach(v -> archive.follow(v.session().host().id(), v.session().jails().usages()));
    }

    /** Saves the jails' last day of figures of the hosts shown (written off the FX thread). */
    void saveUsage() {
        if (usage != null) {
            usage.save();
        }
    }

    StackPane center() {
        return center;
    }

    /** The host's view shown, or null (none, or All hosts). */
    HostView current() {
        return current;
    }

    /**
     * The jails the table shown now lists, as it shows them, its columns' titles first: the host's table, or All
     * hosts'; null when neither is shown. FX thread.
     */
    List<List<String>> listedAsCells() {
        if (current != null) {
            return current.table().shownAsCells();
        }
        return allHostsView != null && center.getChildren().contains(allHostsView) ? allHostsView.listedAsCells() : null;
    }

    SimpleBooleanProperty hasJailView() {
        return hasJailView;
    }

    /** Why the shown host's login may change nothing: a server's user who may only read; "" while it may. */
    SimpleStringProperty readOnly() {
        return readOnly;
    }

    SimpleStringProperty activePool() {
        return activePool;
    }

    /** The tables the background refresh keeps fresh: the shown host's, or those All hosts takes in while shown. */
    List<JailsViewModel> backgroundHosts() {
        return current != null ? List.of(current.session().jails()) : allHosts.followed();
    }

    void refresh() {
        hosts.refreshCurrent((host, refusal) -> hostDialogs.acceptCertificate(stage, host, refusal));
    }

    /** The host's view is built again when next shown (its session was reopened, or it was removed). */
    void forget(HostEntry host) {
        views.remove(host.id());
    }

    /** The All hosts view while it is shown, else null: the window's jail actions then act on its selection. */
    javafx.beans.property.ReadOnlyObjectProperty<AllHostsView> allHostsShown() {
        return allHostsShown.getReadOnlyProperty();
    }

    /** <i>All hosts</i>: the jails of every host opened in this window, in one table (see {@link AllHosts}). */
    void showAllHosts() {
        hosts.selected().set(null);
        allHosts.start();
        if (allHostsView == null) {
            // Built when first shown: the window's first showing (CSS and layout on a cold JVM) has enough to do.
            allHostsView = new AllHostsView(allHosts, hosts, msg, stage, this::showJail,
                    (host, refusal) -> hostDialogs.acceptCertificate(stage, host, refusal));
            WindowPlacement.applyColumns(allHostsView.table(), uiState.layout(ALL_HOSTS_LAYOUT));
        }
        center.getChildren().setAll(allHostsView);
        allHostsShown.set(allHostsView);
        stage.setTitle(msg.get("window.title", msg.get("allHosts.title")));
        follow(allHosts.query());
    }

    /** A jail of the all-hosts table among its host's jails, selected (a search there that hides it is cleared). */
    private void showJail(HostEntry host, Jail jail) {
        hosts.selected().set(host);
        HostView v = views.get(host.id());
        if (v != null && !v.table().show(jail.id())) {
            v.session().jails().query().set("");
            v.table().show(jail.id());
        }
    }

    /** Shows {@code host}'s view (null: nothing, on the way to All hosts or another view of the same host). */
    void switchTo(HostEntry host) {
        saveLayout();
        allHostsShown.set(null);
        if (host == null) {
            center.getChildren().clear();
            current = null;
            hasJailView.set(false);
            activePool.unbind();
            activePool.set("");
            readOnly.unbind();
            readOnly.set("");
            statusBar.clear();
            return;
        }
        allHosts.stop();
        HostView v = views.computeIfAbsent(host.id(), id -> keepProtection(id,
                HostView.build(hosts.session(host), msg, notifier, tableMenu)));
        current = v;
        if (usage != null) {
            usage.follow(host.id(), v.session().jails().usages());
        }
        hasJailView.set(true);
        center.getChildren().setAll(v.node());
        stage.setTitle(msg.get("window.title", host.name()));
        follow(v.session().jails().query());
        statusBar.show(host.name(), v);
        activePool.bind(v.admin().activePool());
        readOnly.bind(v.session().jails().readOnly());
        UiState.Layout layout = uiState.layout(host.id());
        WindowPlacement.applyLayout(v.table(), layout);
        if (layout.columns.isEmpty()) {
            v.showIdsOnlyWhereTheyDiffer(); // a host seen for the first time; after that its layout says
        }
        Platform.runLater(v.table()::requestFocus);
        if (!v.session().jails().loaded().get()) {
            refresh();
        }
    }

    /**
     * The host's jails protected from destroy, as saved, and saved again at once on each change (a mark that came only
     * at the window's close would be lost in a crash, the one time it mattered).
     */
    private HostView keepProtection(String hostId, HostView v) {
        ProtectedJails protection = v.session().jails().protection();
        int dropped = protection.restore(uiState.layout(hostId).protectedJails);
        if (dropped > 0) {
            LOG.warning("ignoring " + dropped + " saved protection marks of " + hostId + " that name no jail");
        }
        protection.onChange(marks -> {
            uiState.layout(hostId).protectedJails = marks;
            uiState.save();
        });
        // A server that keeps marks itself refuses to destroy a marked jail for every client: its marks are the ones,
        // and this desktop's for that host go to it, once. Asked once the host says what it offers: a remote host only
        // after its certificate and login, so asked again at each listing until it has.
        org.jaildesk.client.IocageClient client = v.session().jails().client();
        java.util.concurrent.atomic.AtomicBoolean asked = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable ask = () -> client.extensions().thenAccept(ext -> {
            if (asked.compareAndSet(false, true) && ext.contains(org.jaildesk.protocol.Protocol.LIST_PROTECTED)) {
                javafx.application.Platform.runLater(() -> keptOnHost(hostId, protection, client));
            }
        });
        ask.run();
        // The view's own list (jails() is a new read-only view each time, which a listener would not keep).
        v.session().jails().visible().addListener((javafx.collections.ListChangeListener<org.jaildesk.domain.Jail>) c -> {
            if (!asked.get()) {
                ask.run();
            }
        });
        return v;
    }

    private void keptOnHost(String hostId, ProtectedJails protection, org.jaildesk.client.IocageClient client) {
        ProtectedJails.Keeper keeper = new ProtectedJails.Keeper() {
            @Override
            public java.util.concurrent.CompletableFuture<List<String>> set(String id, boolean on) {
                return client.setProtected(id, on);
            }

            @Override
            public java.util.concurrent.CompletableFuture<List<String>> list() {
                return client.listProtected();
            }
        };
        // Another client's mark (or a rename on the host) shows here at once: the marks are read again. Listened to
        // before the handover, which reads them once it is done, so that no change in between is missed.
        client.onProtectionChanged(() -> javafx.application.Platform.runLater(protection::reread));
        java.util.concurrent.atomic.AtomicBoolean moving = new java.util.concurrent.atomic.AtomicBoolean(true);
        protection.keptBy(keeper, javafx.application.Platform::runLater, e -> notifier.refusal(msg.get(
                moving.get() ? "protect.notMoved" : "protect.notKept", Notifier.oneLine(Notifier.text(msg, e)))))
                .thenAccept(taken -> {
                    moving.set(false);
                    if (taken && !uiState.layout(hostId).protectedJails.isEmpty()) {
                        LOG.info("moved this desktop's protection marks of " + hostId + " to the host");
                        uiState.layout(hostId).protectedJails = new java.util.ArrayList<>();
                        uiState.save();
                    }
                });
    }

    /** The search field edits {@code query} from now on. */
    private void follow(StringProperty query) {
        search.textProperty().unbindBidirectional(previousQuery);
        previousQuery = query;
        search.textProperty().bindBidirectional(previousQuery);
    }

    /** The shown host's table layout and the all-hosts table's columns, into the UI state (saved with it). */
    void saveLayout() {
        if (current != null) {
            WindowPlacement.saveLayout(uiState.layout(current.session().host().id()), stage, current.table());
        }
        if (allHostsView != null) {
            WindowPlacement.saveColumns(uiState.layout(ALL_HOSTS_LAYOUT), allHostsView.table());
        }
    }
}
