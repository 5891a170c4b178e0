package org.jaildesk.ui;

import java.util.Date;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.jails.JailTableView;
import org.jaildesk.ui.jails.JailsViewModel;

/**
 * The line at the bottom of the window: the host shown, its pool, what was done last, how many jails the search shows,
 * and when the rows were listed or that they are old.
 */
final class StatusBar extends HBox {

    private final Messages msg;
    private final Notifier notifier;
    private final Label host = new Label();
    private final Label pool = new Label();
    private final Label stale = new Label();
    /** When the rows were listed, in the place of {@link #stale} while they are not old. */
    private final Label listed = new Label();
    private final Label matching = new Label();
    /** What the host's running jails use in all, where it reports their figures. */
    private final Label load = new Label();
    /** {@link #stale} or {@link #listed}, in one place as wide as the wider. */
    private final StackPane freshness;
    /** The shown host's listing time, whose changes say its count of jails; null while none is shown. */
    private javafx.beans.value.ObservableValue<java.time.Instant> countShown;
    private javafx.beans.value.ChangeListener<java.time.Instant> countOnListing;

    StatusBar(Messages msg, Notifier notifier) {
        super(12);
        this.msg = msg;
        this.notifier = notifier;
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(notifier.status());
        host.setId("hostLabel");
        pool.setId("poolLabel");
        stale.setId("stale");
        stale.getStyleClass().add("stale-label");
        // Shown and hidden, never emptied: an empty label changes the status bar's size, and that re-lays out and
        // repaints the whole window on every refresh.
        stale.setText(msg.get("status.stale"));
        stale.setVisible(false);
        matching.setId("matching");
        matching.setVisible(false);
        // Takes room only while a search narrows the table.
        matching.managedProperty().bind(matching.visibleProperty());
        load.setId("hostLoad");
        load.setVisible(false);
        load.managedProperty().bind(load.visibleProperty());
        listed.setId("listedAt");
        listed.setVisible(false);
        listed.setTooltip(new Tooltip(msg.get("status.listed.help")));
        // One place for both, as wide as the wider: neither moves the rest of the bar when the other shows.
        freshness = new StackPane(stale, listed);
        freshness.setAlignment(Pos.CENTER_RIGHT);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Short of room, the status line gives way (cut with "…", whole in its tooltip), never the host, its pool, the
        // search's count or the time: a long notice squeezed them to "…" before. The running jails' figures give way
        // too, but only where the bar is too narrow for them beside the others (see layoutChildren).
        for (javafx.scene.layout.Region keep : List.of(host, pool, load, matching, freshness)) {
            keep.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(status.textProperty());
        status.setTooltip(whole);
        Tooltip figuresWhole = new Tooltip();
        figuresWhole.textProperty().bind(load.textProperty());
        load.setTooltip(figuresWhole);
        getChildren().addAll(host, pool, status, load, spacer, matching, freshness);
        // The bar never makes the window's content wider than the window: at the window's least width (760) its words
        // kept whole came to 860 pixels, and the inspector and the jobs were cut at the window's edge with them.
        setMinWidth(0);
        setId("statusBar");
        getStyleClass().add("status-bar");
        setPadding(new Insets(4, 10, 4, 10));
    }

    /**
     * Follows {@code view}, the host called {@code name}. The rows are old while a refresh runs (said once it has run
     * for {@link HostView#OLD_ROWS_AFTER}), and while the host is not connected (a remote host whose connection
     * dropped, or that cannot be reached): then the table still shows what was last listed, and the bar says so.
     */
    void show(String name, HostView view) {
        clear();
        host.setText(name);
        BooleanBinding offline = view.session().offline();
        stale.visibleProperty().bind(view.showsOld());
        stale.textProperty().bind(Bindings.when(offline).then(msg.get("status.offline")).otherwise(msg.get("status.stale")));
        JailsViewModel vm = view.session().jails();
        listed.textProperty().bind(Bindings.createStringBinding(() -> vm.listedAt().get() == null ? ""
                : msg.get("status.listed", Date.from(vm.listedAt().get())), vm.listedAt()));
        listed.visibleProperty().bind(vm.listedAt().isNotNull().and(Bindings.not(view.showsOld())));
        pool.textProperty().bind(Bindings.createStringBinding(() -> msg.get("status.pool", view.admin().pool().get()),
                view.admin().pool()));
        // What was done last belonged to the host shown before: "12 jails" stayed beside a host still loading. The
        // count is the shown host's, said again after each of its listings (not after another host's, listed meanwhile
        // by a job or All hosts' background refresh).
        notifier.info(vm.loaded().get() ? msg.get("status.jails", vm.jails().size()) : "");
        countShown = vm.listedAt();
        countOnListing = (o, was, now) -> notifier.info(msg.get("status.jails", vm.jails().size()));
        countShown.addListener(countOnListing);
        matching.textProperty().bind(Bindings.createStringBinding(() -> msg.get("status.matching", vm.visible().size(),
                vm.jails().size()), vm.visible(), vm.jails()));
        matching.visibleProperty().bind(vm.query().isNotEmpty());
        var figures = vm.usages().byJid();
        load.textProperty().bind(Bindings.createStringBinding(() -> {
            double cpu = 0;
            long memory = 0;
            for (JailUsage u : figures.get().values()) {
                cpu += u.cpuPercent();
                memory += u.memoryBytes();
            }
            return msg.get("status.load", figures.get().size(), new JailTableView.CpuShare(cpu).toString(),
                    Size.ofBytes(memory).toString());
        }, figures));
        load.visibleProperty().bind(Bindings.createBooleanBinding(() -> !figures.get().isEmpty(), figures));
    }

    /** The running jails' figures keep their words whole where the bar has room for them beside the rest, else give way. */
    @Override
    protected void layoutChildren() {
        double need = snappedLeftInset() + snappedRightInset() + getSpacing() * Math.max(0, getManagedChildren().size() - 1);
        for (javafx.scene.layout.Region kept : List.of(host, pool, load, matching, freshness)) {
            if (kept.isManaged()) {
                need += kept.prefWidth(-1);
            }
        }
        load.setMinWidth(getWidth() >= need ? javafx.scene.layout.Region.USE_PREF_SIZE : 0);
        super.layoutChildren();
    }

    /** No host is shown. */
    void clear() {
        host.setText("");
        notifier.info("");
        if (countShown != null) {
            countShown.removeListener(countOnListing);
            countShown = null;
        }
        stale.visibleProperty().unbind();
        stale.setVisible(false);
        stale.textProperty().unbind();
        listed.visibleProperty().unbind();
        listed.setVisible(false);
        listed.textProperty().unbind();
        pool.textProperty().unbind();
        pool.setText("");
        matching.visibleProperty().unbind();
        matching.setVisible(false);
        matching.textProperty().unbind();
        load.visibleProperty().unbind();
        load.setVisible(false);
        load.textProperty().unbind();
    }
}
