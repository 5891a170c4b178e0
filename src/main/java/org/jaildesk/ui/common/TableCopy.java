package org.jaildesk.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Copying a table's selected rows as text, for a spreadsheet, a terminal or a ticket (Ctrl+C, "Copy rows"). */
public final class TableCopy {

    private TableCopy() {
    }

    /**
     * The selected rows as the table shows them: the shown columns in their order, a TAB between cells, a line per
     * row, in the table's order. {@code shown} words a cell's value (null is an empty cell).
     */
    public static <T> String selectedAsText(TableView<T> table, Function<Object, String> shown) {
        StringBuilder b = new StringBuilder();
        table.getSelectionModel().getSelectedIndices().stream().sorted().forEach(i -> b.append(
                String.join("\t", cells(table.getItems().get(i), table.getVisibleLeafColumns(), shown))).append('\n'));
        return b.toString();
    }

    /**
     * Every row the table lists (its search and sort applied), as it shows them: first the shown columns' titles, then
     * a row per line, the cells in the columns' order. {@code shown} words a cell's value (null is an empty cell).
     */
    public static <T> List<List<String>> listedAsCells(TableView<T> table, Function<Object, String> shown) {
        List<TableColumn<T, ?>> columns = table.getVisibleLeafColumns();
        List<List<String>> out = new ArrayList<>();
        out.add(columns.stream().map(c -> c.getText() == null ? "" : c.getText()).toList());
        for (T row : table.getItems()) {
            out.add(cells(row, columns, shown));
        }
        return out;
    }

    /** {@code row}'s cells in {@code columns} as shown: {@code shown} words a value, null is an empty cell. */
    private static <T> List<String> cells(T row, List<TableColumn<T, ?>> columns, Function<Object, String> shown) {
        List<String> cells = new ArrayList<>(columns.size());
        for (TableColumn<T, ?> c : columns) {
            Object v = c.getCellData(row);
            cells.add(v == null ? "" : shown.apply(v));
        }
        return cells;
    }

    /** Runs {@code copy} on the shortcut for copying (Ctrl+C, Cmd+C on a Mac) in {@code table}. */
    public static void onShortcut(TableView<?> table, Runnable copy) {
        KeyCombination shortcut = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.addEventHandler(KeyEvent.KEY_PRESSED, k -> {
            if (shortcut.match(k)) {
                copy.run();
                k.consume();
            }
        });
    }

    /** Puts {@code text} on the clipboard, unless it is empty. */
    public static void toClipboard(String text) {
        if (!text.isEmpty()) {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        }
    }
}
