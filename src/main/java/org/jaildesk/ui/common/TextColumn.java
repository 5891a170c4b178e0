package org.jaildesk.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** A table column of text read from each row, with its id (the layout keeps columns by it) and first width. */
public final class TextColumn {

    private TextColumn() {
    }

    public static <T> TableColumn<T, String> of(String id, String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
