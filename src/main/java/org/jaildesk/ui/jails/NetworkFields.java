package org.jaildesk.ui.jails;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/**
 * The Network choice of the create and clone dialogs: the choice, the fields it asks for, and the line that says what
 * the jail gets. The dialog lays out only the rows the choice asks for ({@link #addRows}), again at each change.
 * Once the host has listed its interfaces ({@link #offer}), a menu beside the interface and the bridge offers its own,
 * and a line in amber says what they tell against the choice.
 */
final class NetworkFields {

    final ChoiceBox<JailNetwork.Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(JailNetwork.Mode.values()));
    final TextField iface;
    final TextField address;
    final TextField router;
    final TextField bridge;
    final TextField address6;
    final TextField forwards;
    final javafx.scene.control.CheckBox slaac;
    /** The choice as it stands, for the dialog's checks and its properties. */
    final ObjectBinding<JailNetwork> network;
    private final Label outline;
    private final Label modeLabel;
    private final Label ifaceLabel;
    private final Label addressLabel;
    private final Label routerLabel;
    private final Label bridgeLabel;
    private final Label address6Label;
    private final Label forwardsLabel;
    private final Messages msg;
    /** What the outline says of an empty router: iocage's auto for a new jail, the jail's router now for one that exists. */
    private final javafx.beans.property.StringProperty emptyRouter = new javafx.beans.property.SimpleStringProperty();
    /** The host's interfaces as it listed them; none until it has (or where it cannot). */
    private final ObjectProperty<List<HostInterface>> host = new SimpleObjectProperty<>(List.of());
    /** The host's jails' port forwards, read when the NAT is first chosen; none until then. */
    private final ObjectProperty<List<org.jaildesk.client.PropertyRow>> forwardsOnHost = new SimpleObjectProperty<>(List.of());
    /** The jail the choice is for ("" for a new one): its own forwards are no conflict. */
    private String self = "";
    private final MenuButton ifaceChoices;
    private final MenuButton bridgeChoices;
    private final HBox ifaceRow;
    private final HBox bridgeRow;
    private final Label hostWarning;
    /** The outline, and the amber line under it when it says something (no empty row of the grid when not). */
    private final javafx.scene.layout.VBox notes;

    /**
     * The fields with ids {@code <prefix>Network}, {@code <prefix>Iface}, {@code <prefix>Bridge}, {@code <prefix>Address},
     * {@code <prefix>Address6}, {@code <prefix>Router}, {@code <prefix>Forwards}, {@code <prefix>Slaac} and {@code <prefix>NetworkOutline}, the menus {@code <prefix>IfaceChoices}
     * and {@code <prefix>BridgeChoices} and the amber {@code <prefix>NetworkWarning}; {@code unset} names the choice that
     * leaves the network as it would be.
     */
    NetworkFields(String prefix, Messages msg, String unset) {
        this.msg = msg;
        emptyRouter.set(msg.get("network.routerAuto"));
        mode.setId(prefix + "Network");
        mode.setValue(JailNetwork.Mode.UNSET);
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(JailNetwork.Mode m) {
                return m == null ? "" : m == JailNetwork.Mode.UNSET ? unset
                        : msg.get("network.mode." + m.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public JailNetwork.Mode fromString(String s) {
                return null;
            }
        });
        iface = Dialogs.field(prefix + "Iface", msg.get("network.ifacePrompt"));
        address = Dialogs.field(prefix + "Address", msg.get("network.addressPrompt"));
        router = Dialogs.field(prefix + "Router", msg.get("network.routerPrompt"));
        bridge = Dialogs.field(prefix + "Bridge", msg.get("network.bridgePrompt"));
        address6 = Dialogs.field(prefix + "Address6", msg.get("network.address6Prompt"));
        forwards = Dialogs.field(prefix + "Forwards", msg.get("network.forwardsPrompt"));
        slaac = new javafx.scene.control.CheckBox(msg.get("network.slaac"));
        slaac.setId(prefix + "Slaac");
        // One or the other: a fixed IPv6 address, or the one the router advertisements give.
        address6.disableProperty().bind(slaac.selectedProperty());
        network = Bindings.createObjectBinding(() -> new JailNetwork(mode.getValue(), iface.getText(), address.getText(),
                router.getText(), bridge.getText(), slaac.isSelected() ? "" : address6.getText(), forwards.getText(),
                slaac.isSelected()), mode.valueProperty(), iface.textProperty(), address.textProperty(),
                router.textProperty(), bridge.textProperty(), address6.textProperty(), forwards.textProperty(),
                slaac.selectedProperty());
        outline = Dialogs.explanation("");
        outline.setId(prefix + "NetworkOutline");
        // As wide as the error line under it: a wrapped label's own preferred width is its text on one line, which would
        // widen the dialog to it.
        outline.setPrefWidth(420);
        outline.setMaxWidth(420);
        outline.setMinHeight(Region.USE_PREF_SIZE);
        outline.textProperty().bind(Bindings.createStringBinding(() -> network.get().outline(msg, emptyRouter.get()),
                network, emptyRouter));
        outline.textProperty().addListener((o, before, now) -> Platform.runLater(() -> Dialogs.growToFit(outline)));
        modeLabel = Dialogs.label(msg.get("network.label"), mode);
        ifaceLabel = Dialogs.label(msg.get("network.iface"), iface);
        addressLabel = Dialogs.label(msg.get("network.address"), address);
        routerLabel = Dialogs.label(msg.get("network.router"), router);
        bridgeLabel = Dialogs.label(msg.get("network.bridge"), bridge);
        address6Label = Dialogs.label(msg.get("network.address6"), address6);
        forwardsLabel = Dialogs.label(msg.get("network.forwards"), forwards);
        ifaceChoices = choices(prefix + "IfaceChoices", msg.get("network.hostIfaces"));
        bridgeChoices = choices(prefix + "BridgeChoices", msg.get("network.hostBridges"));
        ifaceRow = row(iface, ifaceChoices);
        bridgeRow = row(bridge, bridgeChoices);
        hostWarning = Dialogs.warningLabel(prefix + "NetworkWarning");
        // No empty row under the outline while it says nothing.
        hostWarning.managedProperty().bind(hostWarning.textProperty().isNotEmpty());
        hostWarning.textProperty().bind(Bindings.createStringBinding(
                () -> network.get().hostWarning(host.get(), msg)
                        .or(() -> network.get().forwardsInUse(forwardsOnHost.get(), self, msg)).orElse(""),
                network, host, forwardsOnHost));
        notes = new javafx.scene.layout.VBox(8, outline, hostWarning);
    }

    /** A menu of the host's interfaces beside a field; out of the way until {@link #offer} is called. */
    private static MenuButton choices(String id, String what) {
        // Its arrow alone, as a combo box's: the field beside it is what it fills.
        MenuButton b = new MenuButton();
        b.setId(id);
        b.setAccessibleText(what);
        b.setTooltip(new Tooltip(what));
        b.setFocusTraversable(false);
        b.setVisible(false);
        b.setManaged(false);
        return b;
    }

    private static HBox row(TextField field, MenuButton choices) {
        // With the menu beside it, as wide as the other fields are alone: the row does not widen the dialog's column
        // of fields (which would squeeze the labels' column).
        field.setPrefColumnCount(21);
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);
        HBox box = new HBox(4, field, choices);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /**
     * Offers the host's interfaces once {@code listed} has them: the menus beside the interface and the bridge, and the
     * amber line. While it reads, the menus are there but off; where it fails (a host that cannot list them) they go
     * and the fields are typed as before. An interface still empty then becomes the first the host has that a shared
     * address can go on ({@link NetworkOnHost#firstUsable}), as a suggestion.
     */
    void offer(CompletableFuture<List<HostInterface>> listed) {
        for (MenuButton b : List.of(ifaceChoices, bridgeChoices)) {
            b.setVisible(true);
            b.setManaged(true);
            b.setDisable(true);
            b.getTooltip().setText(msg.get("network.readingIfaces"));
        }
        listed.whenCompleteAsync((all, error) -> {
            if (error != null || all == null) {
                for (MenuButton b : List.of(ifaceChoices, bridgeChoices)) {
                    b.setVisible(false);
                    b.setManaged(false);
                }
                return;
            }
            host.set(List.copyOf(all));
            fill(ifaceChoices, iface, all.stream().filter(HostInterface::takesSharedAddress).toList(),
                    i -> (i.networks().isEmpty() ? "" : "   " + String.join(", ", i.networks()))
                            + (i.up() ? "" : "   (" + msg.get("network.ifaceDownMark") + ")"),
                    msg.get("network.hostIfaces"));
            List<HostInterface> bridges = all.stream().filter(i -> i.kind() == HostInterface.Kind.BRIDGE).toList();
            fill(bridgeChoices, bridge, bridges, i -> i.members().isEmpty() ? ""
                    : "   " + msg.get("network.bridgeJoins", String.join(", ", i.members())), msg.get("network.hostBridges"));
            if (bridges.isEmpty()) {
                // Open, it says why there is none to choose.
                MenuItem none = new MenuItem(msg.get("network.noBridge"));
                none.setMnemonicParsing(false);
                none.setDisable(true);
                bridgeChoices.getItems().setAll(none);
                bridgeChoices.setDisable(false);
            }
            if (iface.getText().isEmpty()) {
                iface.setText(NetworkOnHost.firstUsable(all));
            }
        }, Platform::runLater);
    }

    /**
     * Reads the host's jails' port forwards with {@code read} once the NAT is chosen (at once if it is), for the amber
     * line to name a jail that forwards a host port this one would too; {@code self} is the jail the choice is for (""
     * for a new one). A host that cannot say (legacy iocage has no NAT) gives none: nothing is said.
     */
    void offerForwards(java.util.function.Supplier<CompletableFuture<List<org.jaildesk.client.PropertyRow>>> read,
                       String self) {
        this.self = self;
        Runnable once = new Runnable() {
            private boolean asked;

            @Override
            public void run() {
                if (!asked && mode.getValue() == JailNetwork.Mode.VNET_NAT) {
                    asked = true;
                    read.get().whenCompleteAsync((rows, error) -> {
                        if (error == null && rows != null) {
                            forwardsOnHost.set(List.copyOf(rows));
                        }
                    }, Platform::runLater);
                }
            }
        };
        once.run();
        mode.valueProperty().addListener((o, before, now) -> once.run());
    }

    /**
     * Fills {@code b} with an item for each of {@code offered}: its name, then what {@code about} says of it; chosen, the
     * name goes into {@code field}.
     */
    private static void fill(MenuButton b, TextField field, List<HostInterface> offered,
                             java.util.function.Function<HostInterface, String> about, String what) {
        List<MenuItem> items = new java.util.ArrayList<>();
        for (HostInterface i : offered) {
            MenuItem item = new MenuItem(i.name() + about.apply(i));
            // An interface's name may hold '_', which would otherwise be read as a mnemonic and left out.
            item.setMnemonicParsing(false);
            item.setOnAction(e -> field.setText(i.name()));
            items.add(item);
        }
        b.getItems().setAll(items);
        b.setDisable(items.isEmpty());
        b.getTooltip().setText(what);
    }

    /** What the outline says of an empty router ({@link JailNetwork#routerNow} for a jail that exists). */
    void emptyRouter(String said) {
        emptyRouter.set(said);
    }

    /** Sets the choice and its fields to {@code n}'s. */
    void set(JailNetwork n) {
        mode.setValue(n.mode());
        iface.setText(n.iface());
        address.setText(n.address());
        address6.setText(n.address6());
        router.setText(n.router());
        bridge.setText(n.bridge());
        forwards.setText(n.forwards());
        slaac.setSelected(n.slaac());
    }

    /** Adds the choice's row and those it asks for to {@code g} from {@code row}; returns the row after them. */
    int addRows(GridPane g, int row) {
        JailNetwork.Mode m = mode.getValue();
        Dialogs.addRow(g, row++, modeLabel, mode);
        if (JailNetwork.asksInterface(m)) {
            Dialogs.addRow(g, row++, ifaceLabel, ifaceRow);
        }
        if (JailNetwork.asksBridge(m)) {
            Dialogs.addRow(g, row++, bridgeLabel, bridgeRow);
        }
        if (JailNetwork.asksAddress(m)) {
            Dialogs.addRow(g, row++, addressLabel, address);
        }
        if (JailNetwork.asksAddress6(m)) {
            Dialogs.addRow(g, row++, address6Label, address6);
        }
        if (JailNetwork.asksSlaac(m)) {
            g.add(slaac, 1, row++);
        }
        if (JailNetwork.asksRouter(m)) {
            Dialogs.addRow(g, row++, routerLabel, router);
        }
        if (JailNetwork.asksForwards(m)) {
            Dialogs.addRow(g, row++, forwardsLabel, forwards);
        }
        if (m != JailNetwork.Mode.UNSET) {
            g.add(notes, 0, row++, 2, 1);
        }
        return row;
    }

    /**
     * Lays {@code g} out now with {@code layout}, and again when the choice changes; the dialog then grows to the rows
     * that came (and never shrinks under the user's pointer).
     */
    void layOut(GridPane g, Runnable layout) {
        layout.run();
        mode.valueProperty().addListener((o, before, now) -> {
            layout.run();
            // The rows that went take their room with them; new ones get theirs.
            Platform.runLater(() -> Dialogs.fitHeightToContent(g));
        });
    }
}
