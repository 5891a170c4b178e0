package org.jaildesk.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.connect.ConnectionState;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.connect.HostsViewModel;

/** The sidebar: the hosts with their connection state, and adding, editing and removing remote ones. */
final class HostListPane extends VBox {

    private final HostsViewModel hosts;
    private final HostDialogs hostDialogs;
    private final Messages msg;
    private final Stage stage;
    private final ListView<HostEntry> list;

    /** {@code allHosts} shows the jails of every host opened in this window in one table. */
    HostListPane(HostsViewModel hosts, HostDialogs hostDialogs, Messages msg, Stage stage, Runnable allHosts) {
        super(6);
        this.hosts = hosts;
        this.hostDialogs = hostDialogs;
        this.msg = msg;
        this.stage = stage;
        list = new ListView<>(hosts.hosts());
        list.setId("hosts");
        list.getStyleClass().add("host-list");
        list.setCellFactory(v -> new HostCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                hosts.selected().set(b);
            }
        });
        hosts.selected().addListener((o, a, b) -> {
            if (b == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(b);
            }
        });
        Button all = new Button(msg.get("allHosts.button"));
        all.setId("allHostsButton");
        all.setMaxWidth(Double.MAX_VALUE);
        all.setTooltip(new javafx.scene.control.Tooltip(msg.get("allHosts.tooltip")));
        all.setOnAction(e -> allHosts.run());
        Button add = new Button(msg.get("host.addShort"));
        add.setId("addHost");
        add.setAccessibleText(msg.get("host.add"));
        add.setTooltip(new javafx.scene.control.Tooltip(msg.get("host.add")));
        add.setOnAction(e -> addHost());
        Button remove = new Button(msg.get("host.remove"));
        remove.setId("removeHost");
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> list.getSelectionModel().getSelectedItem() == null
                || list.getSelectionModel().getSelectedItem().kind() != HostEntry.Kind.REMOTE, list.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> {
            HostEntry h = list.getSelectionModel().getSelectedItem();
            if (h != null && hostDialogs.removeHost(stage, h, hosts.keyOnLeaving(h))) {
                hosts.remove(h);
            }
        });
        Button edit = new Button(msg.get("host.edit"));
        edit.setId("editHost");
        edit.disableProperty().bind(remove.disableProperty());
        edit.setOnAction(e -> {
            HostEntry h = list.getSelectionModel().getSelectedItem();
            hostDialogs.editHost(stage, h, hosts::problem).ifPresent(f -> hosts.selected().set(hosts.edit(h, f[0], f[1], f[2])));
        });
        Label title = new Label(msg.get("hosts.title"));
        title.setLabelFor(list);
        title.getStyleClass().add("section-title");
        // The buttons keep their labels whole (German ones are long) and go onto a second line where the sidebar is
        // narrower than the three of them: on a small screen it starts at a fifth of the width, and the table needs
        // the rest. The sidebar is never narrower than its widest button.
        for (Button b : List.of(add, edit, remove)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane buttons = new FlowPane(6, 6, add, edit, remove);
        buttons.setId("hostButtons");
        list.setPrefWidth(170);
        getChildren().addAll(title, all, list, buttons);
        setPadding(new Insets(8));
        VBox.setVgrow(list, Priority.ALWAYS);
    }

    /** Asks for a new remote host and selects it. */
    void addHost() {
        hostDialogs.editHost(stage, null, hosts::problem).ifPresent(f -> hosts.selected().set(hosts.addRemote(f[0], f[1], f[2])));
    }

    /** Redraws the cells (a host's label changed). */
    void refresh() {
        list.refresh();
    }

    /** A host's name and its connection dot, which follows the session's state while the cell shows that host. */
    private final class HostCell extends ListCell<HostEntry> {
        private final Circle dot = new Circle(4);
        private final javafx.beans.value.ChangeListener<ConnectionState> follow = (o, a, b) -> show(b);
        private javafx.beans.value.ObservableValue<ConnectionState> watched;

        HostCell() {
            dot.getStyleClass().add("conn-dot");
            // As wide as the list, never wider: a long name ends in "…" (the tooltip has it whole) instead of giving the
            // narrow list a horizontal scroll bar.
            setPrefWidth(0);
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
}
