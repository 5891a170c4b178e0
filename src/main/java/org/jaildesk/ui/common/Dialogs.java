package org.jaildesk.ui.common;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** What every JailDesk dialog shares: an owner, the title as header, ids tests and CSS can find, one form layout. */
public final class Dialogs {

    private Dialogs() {
    }

    public static Dialog<ButtonType> titled(Window owner, String id, String title) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().setId(id);
        return d;
    }

    /**
     * Puts the keyboard in {@code field} when the dialog opens, its text selected: what one types goes there (a
     * suggested name is replaced), not to a button nobody sees has the focus.
     */
    public static void focusWhenShown(Dialog<?> d, javafx.scene.control.TextInputControl field) {
        d.setOnShown(e -> {
            field.requestFocus();
            field.selectAll();
        });
    }

    /**
     * A dialog's explaining paragraph: wrapped at a width a reader's eye can follow. A label's preferred width is that
     * of its text on one line, and a dialog takes its content's preferred width: a paragraph longer than a line would
     * have made the dialog as wide as its text (wider than the screen), so such a one asks for the line's width.
     */
    public static Label explanation(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(EXPLANATION_WIDTH);
        if (text.length() > 60) {
            l.setPrefWidth(EXPLANATION_WIDTH);
        }
        // Never fewer lines than its words need at its width: a grid row would otherwise cut it to "…" (as German, the
        // longer language, showed); and a text set after the dialog opened (what the host answered) grows the dialog,
        // so that its buttons stay in view.
        growsWithText(l);
        return l;
    }

    private static final double EXPLANATION_WIDTH = 460;

    /** The grid of label/field rows a form dialog lays out. */
    public static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        // The fields take the width the dialog has, which a long message may have widened.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    /** A text field of the dialogs: its id for tests, its prompt, room for some 25 characters. */
    public static javafx.scene.control.TextField field(String id, String prompt) {
        javafx.scene.control.TextField t = new javafx.scene.control.TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setPrefColumnCount(25);
        return t;
    }

    /**
     * A form's label for {@code field}: a screen reader names the field by it (a label merely beside a field is read
     * as text of its own, and the field as a nameless "edit"), and its mnemonic ({@code _Name}: Alt+N) moves the focus
     * to it. For a text that holds a name, see {@link #plainLabel}.
     */
    public static Label label(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        l.setMnemonicParsing(true);
        return l;
    }

    /**
     * Adds a form's row, {@code label} for {@code field}: the field first. JavaFX registers a label's mnemonic as the
     * label joins the window, with its field's window, so a row laid out again label first (a dialog whose rows follow
     * a choice) would lose its key.
     */
    public static void addRow(GridPane g, int row, Label label, javafx.scene.Node field) {
        g.add(field, 1, row);
        g.add(label, 0, row);
    }

    /** Set on a label whose text holds a name or a word of the user's, so it has no mnemonic (tests look for it). */
    public static final String HOLDS_NAME = "jaildesk.labelHoldsName";

    /**
     * A form's label for {@code field} whose text holds a name ({@code Type web_01 to confirm}): read as it is, so an
     * underscore in the name stays one and takes no key.
     */
    public static Label plainLabel(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        l.getProperties().put(HOLDS_NAME, Boolean.TRUE);
        return l;
    }

    /** The line under a form that says what is wrong with the input (empty when nothing is). */
    public static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.setMaxWidth(420);
        // Without this a grid gives the label one line and cuts a long message off with "…"; and the dialog, sized
        // when it opened, grows with the message so its buttons stay in view. It only grows: shrinking when the
        // message goes would narrow the fields under the user's cursor while they type.
        growsWithText(l);
        return l;
    }

    /** {@code l} never given fewer lines than its words need, and its shown window grown when its text changes. */
    private static void growsWithText(Label l) {
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().addListener((o, before, now) -> Platform.runLater(() -> growToFit(l)));
    }

    /**
     * Grows the shown window that holds {@code node} to its content's preferred size, for a line that came or grew
     * after the window was sized; never shrinks it. Nothing while the window is not shown (it is sized as it opens).
     */
    public static void growToFit(javafx.scene.Node node) {
        fit(node, false);
    }

    /**
     * As {@link #growToFit}, but the height follows the content both ways: for rows a choice adds or takes away (the
     * Network choice's), so that a dialog does not keep the room of rows that went. The width still only grows: a
     * field does not narrow under the user's cursor.
     */
    public static void fitHeightToContent(javafx.scene.Node node) {
        fit(node, true);
    }

    private static void fit(javafx.scene.Node node, boolean shrinkHeight) {
        javafx.scene.Scene scene = node.getScene();
        if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
            javafx.stage.Window w = scene.getWindow();
            // The scene takes a new size only once the window system has resized the window: calls in between (a line
            // that changes at each keystroke) must not add the same growth again, so the size asked for counts too.
            // A node added since the last pulse has no skin yet and so no size: styled now, it is measured as drawn.
            scene.getRoot().applyCss();
            java.util.Map<Object, Object> asked = w.getProperties();
            double width = Math.max(scene.getWidth(), (double) asked.getOrDefault(ASKED_WIDTH, 0.0));
            double height = Math.max(scene.getHeight(), (double) asked.getOrDefault(ASKED_HEIGHT, 0.0));
            if (shrinkHeight) {
                // The height last asked for, while the window is still the height it was given then; a window the
                // user has resized since is measured as it is.
                Object given = asked.get(ASKED_WINDOW_HEIGHT);
                boolean still = given != null && Math.abs(w.getHeight() - (double) given) < 0.5;
                height = still ? (double) asked.get(ASKED_HEIGHT) : scene.getHeight();
            }
            double wider = scene.getRoot().prefWidth(-1) - width;
            if (wider > 0) {
                w.setWidth(w.getWidth() + wider);
                width += wider;
                asked.put(ASKED_WIDTH, width);
            }
            double taller = scene.getRoot().prefHeight(width) - height;
            if (taller > 0 || shrinkHeight && taller < -0.5) {
                w.setHeight(w.getHeight() + taller);
                asked.put(ASKED_HEIGHT, height + taller);
                asked.put(ASKED_WINDOW_HEIGHT, w.getHeight());
            }
            if (wider > 0 || taller > 0) {
                keepOnScreen(w);
            }
        }
    }

    /**
     * Moves a window that has grown past the edge of its screen back onto it (up and left as far as needed, never past
     * the top or left edge), so that its buttons stay in reach on a small screen.
     */
    private static void keepOnScreen(javafx.stage.Window w) {
        javafx.collections.ObservableList<javafx.stage.Screen> screens =
                javafx.stage.Screen.getScreensForRectangle(w.getX(), w.getY(), Math.max(1, w.getWidth()), Math.max(1, w.getHeight()));
        javafx.geometry.Rectangle2D area = (screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.get(0)).getVisualBounds();
        if (w.getY() + w.getHeight() > area.getMaxY()) {
            w.setY(Math.max(area.getMinY(), area.getMaxY() - w.getHeight()));
        }
        if (w.getX() + w.getWidth() > area.getMaxX()) {
            w.setX(Math.max(area.getMinX(), area.getMaxX() - w.getWidth()));
        }
    }

    /** Keys of a window's properties: the scene size {@link #growToFit} last asked for. */
    private static final String ASKED_WIDTH = "jaildesk.grownSceneWidth";
    private static final String ASKED_HEIGHT = "jaildesk.grownSceneHeight";
    /** … and the window's height once that was asked for. */
    private static final String ASKED_WINDOW_HEIGHT = "jaildesk.grownWindowHeight";

    /** A line like {@link #errorLabel} in the dialog's own colour: a fact that arrives after the dialog opened. */
    public static Label noteLabel(String id) {
        Label l = errorLabel(id);
        l.getStyleClass().setAll("label");
        return l;
    }

    /** A line like {@link #errorLabel} for what the user may want to know but may still go on with (amber, not red). */
    public static Label warningLabel(String id) {
        Label l = errorLabel(id);
        l.getStyleClass().setAll("label", "field-warning");
        return l;
    }

    /** Makes Cancel the dialog's default button: Enter never confirms {@code confirm} (trusting, stopping jobs). */
    public static void cancelByDefault(Dialog<ButtonType> d, ButtonType confirm) {
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    }

    /**
     * The confirming button of an action that destroys or takes something away: after Cancel, red, and Cancel the
     * default, so that Enter never confirms it.
     */
    public static ButtonType dangerButton(Dialog<ButtonType> d, String text, String id) {
        ButtonType ok = confirmButton(d, text, id, true);
        d.getDialogPane().lookupButton(ok).getStyleClass().add("danger");
        cancelByDefault(d, ok);
        return ok;
    }

    /**
     * Adds the confirming button, with the id tests find it by, and Cancel. {@code cancelFirst} for actions that
     * destroy or take something away.
     */
    public static ButtonType confirmButton(Dialog<ButtonType> d, String text, String id, boolean cancelFirst) {
        ButtonType ok = new ButtonType(text, ButtonBar.ButtonData.OK_DONE);
        if (cancelFirst) {
            d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ok);
        } else {
            d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        }
        d.getDialogPane().lookupButton(ok).setId(id);
        return ok;
    }
}
