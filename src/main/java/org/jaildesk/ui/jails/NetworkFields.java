package org.jaildesk.ui.jails;

import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/**
 * The Network choice of the create and clone dialogs: the choice, the fields it asks for, and the line that says what
 * the jail gets. The dialog lays out only the rows the choice asks for ({@link #addRows}), again at each change.
 */
final class NetworkFields {

    final ChoiceBox<JailNetwork.Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(JailNetwork.Mode.values()));
    final TextField iface;
    final TextField address;
    final TextField router;
    final TextField bridge;
    final TextField address6;
    /** The choice as it stands, for the dialog's checks and its properties. */
    final ObjectBinding<JailNetwork> network;
    private final Label outline;
    private final Label modeLabel;
    private final Label ifaceLabel;
    private final Label addressLabel;
    private final Label routerLabel;
    private final Label bridgeLabel;
    private final Label address6Label;

    /**
     * The fields with ids {@code <prefix>Network}, {@code <prefix>Iface}, {@code <prefix>Bridge}, {@code <prefix>Address},
     * {@code <prefix>Address6}, {@code <prefix>Router} and {@code <prefix>NetworkOutline}; {@code unset} names the choice that leaves the network as it would be.
     */
    NetworkFields(String prefix, Messages msg, String unset) {
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
        network = Bindings.createObjectBinding(() -> new JailNetwork(mode.getValue(), iface.getText(), address.getText(),
                router.getText(), bridge.getText(), address6.getText()), mode.valueProperty(), iface.textProperty(),
                address.textProperty(), router.textProperty(), bridge.textProperty(), address6.textProperty());
        outline = Dialogs.explanation("");
        outline.setId(prefix + "NetworkOutline");
        // As wide as the error line under it: a wrapped label's own preferred width is its text on one line, which would
        // widen the dialog to it.
        outline.setPrefWidth(420);
        outline.setMaxWidth(420);
        outline.setMinHeight(Region.USE_PREF_SIZE);
        outline.textProperty().bind(Bindings.createStringBinding(() -> network.get().outline(msg), network));
        outline.textProperty().addListener((o, before, now) -> Platform.runLater(() -> Dialogs.growToFit(outline)));
        modeLabel = Dialogs.label(msg.get("network.label"), mode);
        ifaceLabel = Dialogs.label(msg.get("network.iface"), iface);
        addressLabel = Dialogs.label(msg.get("network.address"), address);
        routerLabel = Dialogs.label(msg.get("network.router"), router);
        bridgeLabel = Dialogs.label(msg.get("network.bridge"), bridge);
        address6Label = Dialogs.label(msg.get("network.address6"), address6);
    }

    /** Sets the choice and its fields to {@code n}'s. */
    void set(JailNetwork n) {
        mode.setValue(n.mode());
        iface.setText(n.iface());
        address.setText(n.address());
        address6.setText(n.address6());
        router.setText(n.router());
        bridge.setText(n.bridge());
    }

    /** Adds the choice's row and those it asks for to {@code g} from {@code row}; returns the row after them. */
    int addRows(GridPane g, int row) {
        JailNetwork.Mode m = mode.getValue();
        g.addRow(row++, modeLabel, mode);
        if (JailNetwork.asksInterface(m)) {
            g.addRow(row++, ifaceLabel, iface);
        }
        if (JailNetwork.asksBridge(m)) {
            g.addRow(row++, bridgeLabel, bridge);
        }
        if (JailNetwork.asksAddress(m)) {
            g.addRow(row++, addressLabel, address);
        }
        if (JailNetwork.asksAddress6(m)) {
            g.addRow(row++, address6Label, address6);
        }
        if (JailNetwork.asksRouter(m)) {
            g.addRow(row++, routerLabel, router);
        }
        if (m != JailNetwork.Mode.UNSET) {
            g.add(outline, 0, row++, 2, 1);
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
            Platform.runLater(() -> Dialogs.growToFit(g));
        });
    }
}
