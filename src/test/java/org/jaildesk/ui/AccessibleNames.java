package org.jaildesk.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;

/**
 * For tests: the controls of a scene a screen reader could not name. A field, list or table is named by its own
 * accessible text, or by the label that says it is for it ({@code Label.setLabelFor}): a label merely beside it is
 * read as text of its own, and the field as "edit" alone.
 */
public final class AccessibleNames {

    private AccessibleNames() {
    }

    /** Looks at every window shown from now on (once shown, with its content built) until {@link Watch#check}. */
    public static Watch watch() {
        return new Watch();
    }

    /** The unnamed controls of the windows shown while it watched. */
    public static final class Watch {
        private final Set<String> unnamed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final javafx.collections.ListChangeListener<javafx.stage.Window> onWindow = c -> {
            while (c.next()) {
                for (javafx.stage.Window w : c.getAddedSubList()) {
                    w.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> look(w.getScene() == null ? null : w.getScene().getRoot()));
                }
            }
        };

        private Watch() {
            javafx.stage.Window.getWindows().addListener(onWindow);
        }

        /** Looks at {@code root} too (a window shown before the watch began, or changed since). */
        public void look(Parent root) {
            if (root != null) {
                String where = root.getId() == null ? root.getClass().getSimpleName() : root.getId();
                unnamed(root).forEach(u -> unnamed.add(where + ": " + u));
            }
        }

        /** Stops watching; fails if a window it saw had a control a screen reader could not name. */
        public void check() {
            javafx.stage.Window.getWindows().removeListener(onWindow);
            if (!unnamed.isEmpty()) {
                throw new AssertionError("controls a screen reader cannot name (give each a Dialogs.label or an accessible text): "
                        + new java.util.TreeSet<>(unnamed));
            }
        }
    }

    /** Each unnamed control, as its class and id (or its prompt), for a failure message. */
    public static List<String> unnamed(Parent root) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        Set<Node> labelled = new HashSet<>();
        for (Node n : all) {
            if (n instanceof Label l && l.getLabelFor() != null) {
                labelled.add(l.getLabelFor());
            }
        }
        List<String> unnamed = new ArrayList<>();
        for (Node n : all) {
            boolean input = n instanceof TextInputControl || n instanceof ComboBoxBase<?> || n instanceof ChoiceBox<?>
                    || n instanceof Spinner<?> || n instanceof ListView<?> || n instanceof TableView<?> || n instanceof TreeTableView<?>;
            // Inner parts of other controls (a combo box's editor, a spinner's field) are named through their owner.
            if (!input || insideAnotherInput(n) || !n.isVisible()) {
                continue;
            }
            boolean named = (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) || labelled.contains(n);
            if (!named) {
                String prompt = n instanceof TextInputControl t ? t.getPromptText() : null;
                unnamed.add(n.getClass().getSimpleName() + (n.getId() != null ? " #" + n.getId() : "")
                        + (prompt != null && !prompt.isEmpty() ? " \"" + prompt + "\"" : ""));
            }
        }
        return unnamed;
    }

    private static boolean insideAnotherInput(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ComboBoxBase<?> || p instanceof Spinner<?> || p instanceof ChoiceBox<?>) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Node n, List<Node> into) {
        into.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, into);
            }
        }
    }
}
