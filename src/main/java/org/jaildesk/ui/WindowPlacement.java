package org.jaildesk.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jaildesk.domain.Jail;
import org.jaildesk.ui.jails.JailTableView;

/**
 * The main window's layout. Where it opens: where it was last closed, if that place is still on a screen, else centred; as large
 * as it was, or on first start large enough for every column of the table beside the host list and the inspector;
 * never larger than the screen it opens on. Also the table's columns and sort kept per host, and the side panels'
 * first widths.
 */
public final class WindowPlacement {

    /** Room for every column of the jail table, the host list and the inspector. */
    static final double WIDE = 1600;
    static final double TALL = 940;
    /** A first window leaves some of a small screen free (its panel, other windows). */
    static final double SHARE = 0.92;
    /** How much of the title bar must be on a screen for a saved place to count: enough to grab it. */
    private static final double GRIP = 120;
    private static final double TITLE_BAR = 30;

    /** Where and how large; {@code x} and {@code y} are NaN where the system should place it. */
    public record Place(double x, double y, double width, double height) {
    }

    private WindowPlacement() {
    }

    /**
     * @param saved   what {@code ui-state.json} holds (NaN where nothing was saved)
     * @param screens the screens' visual bounds (without task bars), the primary one first
     */
    public static Place of(UiState.Layout saved, List<Rectangle2D> screens) {
        Rectangle2D primary = screens.isEmpty() ? new Rectangle2D(0, 0, WIDE, TALL) : screens.get(0);
        boolean sized = valid(saved.width) && valid(saved.height);
        double width = sized ? saved.width : WIDE;
        double height = sized ? saved.height : TALL;
        if (!Double.isNaN(saved.x) && !Double.isNaN(saved.y)) {
            Rectangle2D grip = new Rectangle2D(saved.x, saved.y, Math.min(width, GRIP), TITLE_BAR);
            for (Rectangle2D screen : screens) {
                if (screen.intersects(grip)) {
                    // A size the screen cannot hold shrinks to it, and moves onto it: shrunk in place, a window
                    // saved on a larger screen hung off the smaller one's right or bottom edge.
                    double w = Math.min(width, screen.getWidth());
                    double h = Math.min(height, screen.getHeight());
                    double x = w < width ? Math.max(screen.getMinX(), Math.min(saved.x, screen.getMaxX() - w)) : saved.x;
                    double y = h < height ? Math.max(screen.getMinY(), Math.min(saved.y, screen.getMaxY() - h)) : saved.y;
                    return new Place(x, y, w, h);
                }
            }
        }
        double share = sized ? 1 : SHARE;
        return new Place(Double.NaN, Double.NaN, Math.min(width, Math.floor(primary.getWidth() * share)),
                Math.min(height, Math.floor(primary.getHeight() * share)));
    }

    private static boolean valid(double size) {
        return !Double.isNaN(size) && size > 0;
    }

    /**
     * Puts a split's divider {@code pixels} from its start (or from its end) once the split has its width: a share of
     * the width would give a wide window's room to the host list and the inspector instead of the table. On a small
     * screen the side takes at most {@code maxShare} of the width, so that the table keeps room for its columns.
     */
    static void placeDivider(SplitPane split, double pixels, boolean fromEnd, double maxShare) {
        javafx.beans.value.ChangeListener<Number> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number before, Number width) {
                double w = width.doubleValue();
                if (w > pixels) {
                    split.widthProperty().removeListener(this);
                    double side = Math.min(pixels, Math.floor(w * maxShare));
                    split.setDividerPosition(0, fromEnd ? 1 - side / w : side / w);
                }
            }
        };
        split.widthProperty().addListener(once);
    }

    /**
     * Keeps the window's place and size and the table's columns and sort in {@code l}. A maximized window keeps the
     * place and size it had before, to return to; the size is the content's, not the window's: the scene is made
     * that size again, and the decorations would add to it at every start.
     */
    static void saveLayout(UiState.Layout l, Stage stage, JailTableView table) {
        l.maximized = stage.isMaximized();
        if (!l.maximized) {
            l.x = stage.getX();
            l.y = stage.getY();
            l.width = stage.getScene().getWidth();
            l.height = stage.getScene().getHeight();
        }
        l.properties = new ArrayList<>(table.properties().shown());
        saveColumns(l, table);
    }

    /** Keeps a table's column order, widths, hidden columns and sort (by the columns' ids) in {@code l}. */
    static <S> void saveColumns(UiState.Layout l, TableView<S> table) {
        l.columns = table.getColumns().stream().map(TableColumn::getId).toList();
        l.widths = new HashMap<>();
        l.hidden = new ArrayList<>();
        for (TableColumn<S, ?> c : table.getColumns()) {
            l.widths.put(c.getId(), c.getWidth());
            if (!c.isVisible()) {
                l.hidden.add(c.getId());
            }
        }
        if (table.getSortOrder().isEmpty()) {
            l.sortColumn = null;
        } else {
            TableColumn<S, ?> c = table.getSortOrder().get(0);
            l.sortColumn = c.getId();
            l.sortAscending = c.getSortType() == TableColumn.SortType.ASCENDING;
        }
    }

    /** Puts the table's columns in the saved order, widths, visibility and sort. */
    static void applyLayout(JailTableView t, UiState.Layout l) {
        // The property columns first, so that the saved order can place them.
        t.properties().setAll(l.properties);
        applyColumns(t, l);
    }

    /** Puts a table's columns in the order, widths, visibility and sort {@code l} keeps; columns it does not name stay last. */
    static <S> void applyColumns(TableView<S> t, UiState.Layout l) {
        if (!l.columns.isEmpty()) {
            List<TableColumn<S, ?>> ordered = new ArrayList<>();
            for (String id : l.columns) {
                t.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().ifPresent(ordered::add);
            }
            t.getColumns().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
            t.getColumns().setAll(ordered);
        }
        for (TableColumn<S, ?> c : t.getColumns()) {
            Double w = l.widths.get(c.getId());
            if (w != null && w > 10) {
                c.setPrefWidth(w);
            }
            c.setVisible(!l.hidden.contains(c.getId()));
        }
        if (l.sortColumn != null) {
            t.getColumns().stream().filter(c -> l.sortColumn.equals(c.getId())).findFirst().ifPresent(c -> {
                c.setSortType(l.sortAscending ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                t.getSortOrder().setAll(List.of(c));
            });
        }
    }
}
