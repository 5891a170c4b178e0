package org.jaildesk.ui.jails;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.jaildesk.domain.Jail;
import org.jaildesk.ui.common.Messages;

/** The selected jail at a glance; empty with a hint when nothing (or several jails) is selected. */
public final class DetailsPane extends VBox {

    private final Messages msg;
    private final Label title = new Label();
    private final GridPane grid = new GridPane();

    public DetailsPane(JailsViewModel vm, Messages msg) {
        this.msg = msg;
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
        r = row(r, "column.state", msg.get("state." + j.state().name().toLowerCase(java.util.Locale.ROOT)));
        r = row(r, "column.id", j.id());
        r = row(r, "column.jid", j.jid().isPresent() ? String.valueOf(j.jid().getAsInt()) : "–");
        r = row(r, "column.boot", j.boot() ? msg.get("value.on") : msg.get("value.off"));
        r = row(r, "column.type", j.type());
        r = row(r, "column.release", j.release());
        r = row(r, "column.ip4", j.ip4().isEmpty() ? "–" : j.ip4());
        r = row(r, "column.ip6", j.ip6().isEmpty() ? "–" : j.ip6());
        row(r, "column.template", j.template().isEmpty() ? "–" : j.template());
    }

    private int row(int r, String key, String value) {
        Label k = new Label(msg.get(key));
        k.getStyleClass().add("details-key");
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add("details-value");
        v.setWrapText(true);
        grid.addRow(r, k, v);
        return r + 1;
    }
}
