package org.jaildesk.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Column titles kept whole: a column is never made narrower than its title and a sort arrow need, so that a table
 * squeezed by its window (or a longer language: "Reservierung", "Angelegt anscheinend mit") does not show "Reservier…".
 * A table too narrow for all its titles scrolls sideways instead.
 */
public final class TableHeaders {

    /** Room kept for the arrow a sorted column shows beside its title. */
    private static final double SORT_ARROW = 16;

    private TableHeaders() {
    }

    /** Keeps {@code table}'s titles whole from its first layout on (its headers exist once it has a skin). */
    public static void keepWhole(TableView<?> table) {
        table.skinProperty().addListener((o, was, skin) -> {
            if (skin != null) {
                // The headers are made and styled in the skin's first layout: measured after it.
                Platform.runLater(() -> fit(table));
            }
        });
    }

    /** Raises each column's least width to what its title needs now; a column already wider keeps its width. */
    static void fit(TableView<?> table) {
        table.applyCss();
        table.layout();
        boolean raised = false;
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label title && title.getText() != null && !title.getText().isEmpty()) {
                TableColumnBase<?, ?> column = header.getTableColumn();
                double need = Math.ceil(title.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset() + SORT_ARROW);
                if (column.getMinWidth() < need) {
                    column.setMinWidth(Math.min(need, column.getMaxWidth()));
                    raised = true;
                }
            }
        }
        // A constrained table shares its width out again, now that some columns may not be narrower: the others give
        // way (it does so by itself only when the table's width changes).
        if (raised && table.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY) {
            table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
        }
    }
}
