package org.jaildesk.ui.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The layout of the app's windows that show one list of a host's (the action log, a console log, the login keys): a
 * line saying what the list is and a bar of its actions above it, padded alike.
 */
public final class ListWindow {

    private ListWindow() {
    }

    /** {@code about} and {@code bar} above {@code list}; the root has the id {@code id}, which tests and styles use. */
    public static BorderPane layout(String id, Node about, Node bar, Node list) {
        BorderPane root = new BorderPane(list);
        root.setTop(new VBox(8, about, bar));
        root.setPadding(new Insets(10));
        root.setId(id);
        BorderPane.setMargin(list, new Insets(8, 0, 0, 0));
        return root;
    }
}
