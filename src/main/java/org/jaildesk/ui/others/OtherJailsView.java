package org.jaildesk.ui.others;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.TextColumn;
import org.jaildesk.ui.common.TableCopy;

/**
 * The host's running jails that iocage did not make: a read-only table, marked as such above it, with what jls
 * says of each and the tool it looks made by. Its rows can be copied; nothing else acts on them.
 */
public final class OtherJailsView extends VBox {

    public OtherJailsView(OtherJailsViewModel vm, Messages msg) {
        setId("others");
        getStyleClass().add("other-jails");
        setSpacing(6);
        setPadding(new Insets(6));
        Label intro = new Label(msg.get("others.intro"));
        intro.setId("othersIntro");
        intro.setWrapText(true);
        // Its height is what the wrapped lines need: a VBox would give it one line and cut the rest.
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        intro.getStyleClass().add("others-intro");

        TableView<OtherJail> table = new TableView<>(vm.rows());
        org.jaildesk.ui.common.TableHeaders.keepWhole(table);
        table.setId("othersTable");
        table.setAccessibleText(msg.get("tab.others"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<OtherJail, Integer> jid = new TableColumn<>(msg.get("column.jid"));
        jid.setId("others-jid");
        jid.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().jid()));
        jid.setPrefWidth(60);
        table.getColumns().add(jid);
        table.getColumns().add(TextColumn.<OtherJail>of("others-name", msg.get("column.name"), OtherJail::name, 120));
        // What it is comes first after its name: the tool that made it, as far as its folder tells.
        table.getColumns().add(TextColumn.<OtherJail>of("others-maker", msg.get("others.maker"),
                j -> j.maker() == OtherJail.Maker.OTHER ? msg.get("others.maker.unknown") : j.maker().shown(), 180));
        table.getColumns().add(TextColumn.<OtherJail>of("others-hostname", msg.get("others.hostname"), OtherJail::hostname, 150));
        table.getColumns().add(TextColumn.<OtherJail>of("others-ip4", msg.get("column.ip4"), j -> String.join(", ", j.ip4()), 140));
        table.getColumns().add(TextColumn.<OtherJail>of("others-ip6", msg.get("column.ip6"), j -> String.join(", ", j.ip6()), 120));
        table.getColumns().add(TextColumn.<OtherJail>of("others-path", msg.get("others.path"), OtherJail::path, 260));
        table.getSortOrder().add(jid);
        table.setPlaceholder(new Label(msg.get("others.none")));

        MenuItem copy = new MenuItem(msg.get("action.copyRows"));
        copy.setId("others-copy");
        copy.setOnAction(e -> TableCopy.toClipboard(TableCopy.selectedAsText(table, Object::toString)));
        ContextMenu menu = new ContextMenu(copy);
        menu.setOnShowing(e -> copy.setDisable(table.getSelectionModel().isEmpty()));
        table.setContextMenu(menu);
        TableCopy.onShortcut(table, copy::fire);

        Button refresh = new Button(msg.get("action.refresh"));
        refresh.setId("othersRefresh");
        refresh.disableProperty().bind(vm.reading());
        refresh.setOnAction(e -> vm.refresh());
        Label status = new Label();
        status.setId("othersStatus");
        status.textProperty().bind(vm.status());
        HBox top = new HBox(10, refresh, status);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(top, intro, table);
    }

}
