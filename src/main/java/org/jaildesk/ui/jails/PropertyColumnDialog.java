package org.jaildesk.ui.jails;

import java.util.Comparator;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.jaildesk.domain.PropertyCatalog;
import org.jaildesk.domain.PropertyDef;
import org.jaildesk.ui.common.Dialogs;
import org.jaildesk.ui.common.Messages;

/** Which iocage property to show as a column of the jail table: chosen from those JailDesk knows, or typed, checked as typed. */
final class PropertyColumnDialog {

    private PropertyColumnDialog() {
    }

    static Dialog<ButtonType> of(Window owner, PropertyColumns properties, Messages msg) {
        Dialog<ButtonType> d = Dialogs.titled(owner, "propertyColumnDialog", msg.get("propertyColumn.title"));
        ComboBox<String> name = new ComboBox<>(FXCollections.observableArrayList(PropertyCatalog.standard().all().stream()
                .map(PropertyDef::key).filter(k -> !properties.shown().contains(k)).sorted(Comparator.naturalOrder()).toList()));
        name.setId("propertyColumnName");
        name.setEditable(true);
        name.setVisibleRowCount(12);
        name.setPromptText(msg.get("propertyColumn.prompt"));
        name.setPrefWidth(260);
        Label error = Dialogs.errorLabel("propertyColumnError");
        error.textProperty().bind(Bindings.createStringBinding(() -> properties.whyNot(name.getEditor().getText()).orElse(""),
                name.getEditor().textProperty()));
        GridPane g = Dialogs.form();
        g.add(Dialogs.explanation(msg.get("propertyColumn.explain")), 0, 0, 2, 1);
        g.addRow(1, Dialogs.label(msg.get("propertyColumn.name"), name), name);
        g.add(error, 0, 2, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType ok = Dialogs.confirmButton(d, msg.get("propertyColumn.ok"), "propertyColumnOk", false);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(error.textProperty().isNotEmpty());
        d.setResultConverter(b -> {
            if (b == ok) {
                properties.add(name.getEditor().getText().trim());
            }
            return b;
        });
        Dialogs.focusWhenShown(d, name.getEditor());
        return d;
    }
}
