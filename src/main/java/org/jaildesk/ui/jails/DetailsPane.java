package org.jaildesk.ui.jails;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.domain.Size;
import org.jaildesk.ui.common.Messages;

/** The selected jail at a glance; empty with a hint when nothing (or several jails) is selected. */
public final class DetailsPane extends VBox {

    private final Messages msg;
    private final JailUsages usages;
    private final Label title = new Label();
    private final GridPane grid = new GridPane();

    public DetailsPane(JailsViewModel vm, Messages msg) {
        this.msg = msg;
        this.usages = vm.usages();
        setId("details");
        getStyleClass().add("details");
        setPadding(new Insets(12));
        setSpacing(10);
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        title.setId("detailsTitle");
        grid.setHgap(12);
        grid.setVgap(6);
        getChildren().addAll(title, grid);
        vm.focused().addListener((o, a, b) -> show(b));
        usages.byJid().addListener((o, a, b) -> show(vm.focused().get()));
        show(null);
    }

    private void show(Jail j) {
        grid.getChildren().clear();
        if (j == null) {
            title.setText(msg.get("details.none"));
            return;
        }
        title.setText(j.displayName());
        int r = 0;
        r = row(r, "column.state", msg.get("state." + j.state().name().toLowerCase(Locale.ROOT)));
        if (!j.id().equals(j.tag())) {
            // Legacy iocage's UUID; Python iocage's id is the name in the title.
            r = row(r, "column.id", j.id());
        }
        r = row(r, "column.jid", j.jid().isPresent() ? String.valueOf(j.jid().getAsInt()) : "–");
        JailUsage u = usages.of(j);
        if (u != null) {
            r = row(r, "column.cpu", new JailTableView.CpuShare(u.cpuPercent()) + " (" + msg.get("details.processes", u.processes()) + ")");
            r = row(r, "column.memory", Size.ofBytes(u.memoryBytes()).toString());
        }
        r = row(r, "column.boot", j.boot() ? msg.get("value.on") : msg.get("value.off"));
        r = row(r, "column.type", j.type());
        r = row(r, "column.release", j.release());
        r = row(r, "column.ip4", addresses(j.ip4()));
        r = row(r, "column.ip6", addresses(j.ip6()));
        row(r, "column.template", j.template().isEmpty() ? "–" : j.template());
    }

    /**
     * iocage's address list ({@code em0|192.168.1.22/24,em0|10.0.0.22/24}) one address a line: wrapped as one text
     * in the narrow pane it broke inside an address ("10.0.0.2" / "2/24").
     */
    static String addresses(String list) {
        return list.isEmpty() ? "–" : String.join("\n", list.split(","));
    }

    private int row(int r, String key, String value) {
        Label k = new Label(msg.get(key));
        k.getStyleClass().add("details-key");
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add("details-value");
        v.setWrapText(true);
        grid.addRow(r, k, v);
        return r + 1;
    }
}
