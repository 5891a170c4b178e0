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
                    w.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> look(w.getScene() == null ? null : w.getScene().getRoot(),
                            w instanceof javafx.stage.Stage));
                }
            }
        };

        private Watch() {
            javafx.stage.Window.getWindows().addListener(onWindow);
        }

        /** Looks at {@code root} too (a window shown before the watch began, or changed since). */
        public void look(Parent root) {
            look(root, true);
        }

        /** Popups (menus, a combo box's list) have keys of their own: only a stage's are looked at. */
        private void look(Parent root, boolean stage) {
            if (root != null) {
                String where = root.getId() == null ? root.getClass().getSimpleName() : root.getId();
                unnamed(root).forEach(u -> unnamed.add(where + ": " + u));
                if (stage) {
                    mnemonicProblems(root).forEach(u -> mnemonics.add(where + ": " + u));
                }
            }
        }

        private final Set<String> mnemonics = java.util.concurrent.ConcurrentHashMap.newKeySet();

        /**
         * Stops watching; fails if a window it saw had a control a screen reader could not name, or a dialog's field
         * without a key to reach it, or two controls on one key.
         */
        public void check() {
            javafx.stage.Window.getWindows().removeListener(onWindow);
            if (!unnamed.isEmpty()) {
                throw new AssertionError("controls a screen reader cannot name (give each a Dialogs.label or an accessible text): "
                        + new java.util.TreeSet<>(unnamed));
            }
            if (!mnemonics.isEmpty()) {
                throw new AssertionError("mnemonics (Alt+letter) missing or taken twice: " + new java.util.TreeSet<>(mnemonics));
            }
        }
    }

    /**
     * What is wrong with the keys of a window: two shown controls on one Alt+letter, and, in a dialog, a field's label
     * with none (but a label that wraps, a paragraph naming a list, and one holding a name, {@code Dialogs.plainLabel}).
     * A menu bar's menus are their own, and a control's inner parts are the control's.
     */
    public static List<String> mnemonicProblems(Parent root) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        boolean dialog = root instanceof javafx.scene.control.DialogPane;
        java.util.Map<Character, String> taken = new java.util.HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Node n : all) {
            // A menu button's skin has a label of its own mirroring its text: only the control itself counts.
            if (!(n instanceof javafx.scene.control.Labeled l) || !shown(n) || inside(n, javafx.scene.control.MenuBar.class)
                    || inside(n, javafx.scene.control.Labeled.class)) {
                continue;
            }
            Character key = l.isMnemonicParsing() ? mnemonic(l.getText()) : null;
            if (key != null) {
                String was = taken.putIfAbsent(key, "\"" + l.getText() + "\"");
                if (was != null) {
                    problems.add("Alt+" + key + " for both " + was + " and \"" + l.getText() + "\"");
                }
            }
            if (dialog && key == null && l instanceof Label label && label.getLabelFor() != null && !label.isWrapText()
                    && !label.getProperties().containsKey(org.jaildesk.ui.common.Dialogs.HOLDS_NAME)) {
                problems.add("no mnemonic on the label \"" + l.getText() + "\"");
            }
        }
        return problems;
    }

    /** The letter {@code _} marks in {@code text} ({@code __} is an underscore), upper case; null for none. */
    static Character mnemonic(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '_') {
                if (text.charAt(i + 1) != '_') {
                    return Character.toUpperCase(text.charAt(i + 1));
                }
                i++;
            }
        }
        return null;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Node n, Class<?> kind) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (kind.isInstance(p)) {
                return true;
            }
        }
        return false;
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
