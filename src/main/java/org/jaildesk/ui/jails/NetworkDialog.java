package org.jaildesk.ui.jails;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.jaildesk.domain.HostInterface;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/**
 * The settings inspector's *Network…*: the create dialog's Network choice for a jail that exists, started from its
 * settings now. It changes nothing itself: what it would change goes to the inspector's pending changes, to be
 * reviewed (with the address warnings and the snapshot first) and applied with the others.
 */
public final class NetworkDialog {

    private NetworkDialog() {
    }

    /**
     * The dialog for {@code jail} whose settings are {@code now} (with the pending changes in them), on a host whose
     * interfaces {@code host} lists (offered beside the fields once it has) and whose jails' port forwards
     * {@code forwards} reads (when the NAT is chosen); confirmed, it hands {@code chosen} the settings to change (none
     * when the choice is left as it is now).
     */
    public static Dialog<ButtonType> of(Window owner, Messages msg, String jail, Map<String, String> now,
                                        CompletableFuture<List<HostInterface>> host,
                                        java.util.function.Supplier<CompletableFuture<List<org.jaildesk.client.PropertyRow>>> forwards,
                                        Consumer<Map<String, String>> chosen) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "networkDialog", msg.get("network.title", jail));
        NetworkFields net = new NetworkFields("network", msg, msg.get("network.mode.asNow"));
        net.set(JailNetwork.of(now));
        net.emptyRouter(JailNetwork.routerNow(now, msg));
        net.offer(host);
        net.offerForwards(forwards, jail);
        Label note = Dialogs.explanation(msg.get("network.reviewed"));
        Label error = Dialogs.errorLabel("networkError");
        error.textProperty().bind(Bindings.createStringBinding(() -> net.network.get().problem("", msg).orElse(""),
                net.network));
        GridPane g = Dialogs.form();
        net.layOut(g, () -> {
            g.getChildren().clear();
            g.add(note, 0, 0, 2, 1);
            int row = net.addRows(g, 1);
            g.add(error, 0, row, 2, 1);
        });
        d.getDialogPane().setContent(g);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("network.ok"), "networkOk", false);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(error.textProperty().isNotEmpty());
        d.setResultConverter(b -> {
            if (b == ok) {
                chosen.accept(net.network.get().edits(now));
            }
            return b;
        });
        return d;
    }
}
