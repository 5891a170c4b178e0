package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.jaildesk.ui.common.Dialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The check every window test ends with: what counts as a control a screen reader can name. */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesTest {

    @Test
    void aFieldBesideALabelIsNamelessUntilTheLabelSaysItIsForIt() {
        TextField name = new TextField();
        name.setId("name");
        name.setPromptText("e.g. web03");
        VBox form = new VBox(new Label("Name"), name);
        assertEquals(List.of("TextField #name \"e.g. web03\""), AccessibleNames.unnamed(form));
        form.getChildren().set(0, Dialogs.label("Name", name));
        assertEquals(List.of(), AccessibleNames.unnamed(form));
    }

    @Test
    void anAccessibleTextNamesAListOrATableAndTheInnerPartsOfAComboAreItsOwn() {
        ListView<String> list = new ListView<>();
        ComboBox<String> combo = new ComboBox<>();
        combo.setEditable(true);
        VBox box = new VBox(list, combo);
        assertEquals(List.of("ListView", "ComboBox"), AccessibleNames.unnamed(box));
        list.setAccessibleText("Jails");
        combo.setAccessibleText("Release");
        assertEquals(List.of(), AccessibleNames.unnamed(box));
        // A blank name is none.
        list.setAccessibleText(" ");
        assertEquals(List.of("ListView"), AccessibleNames.unnamed(box));
    }
}
