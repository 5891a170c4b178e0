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

    @Test
    void aDialogsFieldLabelHasAKeyAndNoKeyIsTakenTwice() {
        TextField name = new TextField();
        TextField props = new TextField();
        javafx.scene.control.DialogPane pane = new javafx.scene.control.DialogPane();
        VBox form = new VBox(Dialogs.label("_Name", name), name, new Label("Properties"), props);
        pane.setContent(form);
        assertEquals(List.of(), AccessibleNames.mnemonicProblems(pane), "a label beside a field is not for it");
        form.getChildren().set(2, Dialogs.label("Properties", props));
        assertEquals(List.of("no mnemonic on the label \"Properties\""), AccessibleNames.mnemonicProblems(pane));
        form.getChildren().set(2, Dialogs.label("_Nearby", props));
        assertEquals(List.of("Alt+N for both \"_Name\" and \"_Nearby\""), AccessibleNames.mnemonicProblems(pane));
        form.getChildren().set(2, Dialogs.label("P__N _Properties", props));
        assertEquals(List.of(), AccessibleNames.mnemonicProblems(pane), "__ is an underscore, the key is P");
        // A button's key counts as well; a hidden one does not.
        javafx.scene.control.Button create = new javafx.scene.control.Button("_Properties");
        form.getChildren().add(create);
        assertEquals(1, AccessibleNames.mnemonicProblems(pane).size());
        create.setVisible(false);
        assertEquals(List.of(), AccessibleNames.mnemonicProblems(pane));
        // A name's underscore is no key: such a label is plain.
        form.getChildren().set(2, Dialogs.plainLabel("Type web_01 to confirm", props));
        assertEquals(List.of(), AccessibleNames.mnemonicProblems(pane));
        assertEquals(null, AccessibleNames.mnemonic(Dialogs.plainLabel("Type web_01", props).isMnemonicParsing() ? "_x" : null));
        // Outside a dialog a label for a field may go without a key (a list's heading in the main window).
        assertEquals(List.of(), AccessibleNames.mnemonicProblems(new VBox(Dialogs.label("Jobs", props), props)));
    }
}
