package org.jaildesk.ui.jobs;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TextInputControl;

/**
 * Keeps a text control equal to its lines joined by line feeds, change by change: a job printing thousands of lines
 * must not have its whole output joined and laid out again on the FX thread for each one.
 */
final class OutputPane {

    private OutputPane() {
    }

    /**
     * Applies {@code c} to {@code text}, which held the list's lines before it; false when the change is not one of
     * a job's (lines added at the end, the last line replaced, the oldest lines dropped), and nothing was done.
     */
    static boolean follow(TextInputControl text, ListChangeListener.Change<? extends String> c) {
        java.util.List<Runnable> edits = new java.util.ArrayList<>();
        while (c.next()) {
            int size = c.getList().size();
            if (c.wasReplaced() && c.getRemovedSize() == 1 && c.getAddedSize() == 1 && c.getFrom() == size - 1) {
                String old = c.getRemoved().get(0);
                String now = c.getAddedSubList().get(0);
                edits.add(() -> text.replaceText(text.getLength() - old.length(), text.getLength(), now));
            } else if (c.wasAdded() && !c.wasRemoved() && c.getTo() == size) {
                StringBuilder b = new StringBuilder();
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    b.append(i == 0 ? "" : "\n").append(c.getList().get(i));
                }
                String added = b.toString();
                edits.add(() -> text.appendText(added));
            } else if (c.wasRemoved() && !c.wasAdded() && c.getFrom() == 0) {
                int chars = c.getRemoved().stream().mapToInt(line -> line.length() + 1).sum();
                edits.add(() -> text.deleteText(0, Math.min(chars, text.getLength())));
            } else {
                return false;
            }
        }
        edits.forEach(Runnable::run);
        return true;
    }

    /**
     * Shows the end of the output: the caret at the start of the last line, whose lines are {@code lines}. At its end,
     * a long last line (a path, a URL) would scroll the pane sideways and hide the start of every line above it.
     */
    static void showLastLine(TextInputControl text, java.util.List<? extends String> lines) {
        int last = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).length();
        text.positionCaret(Math.max(0, text.getLength() - last));
    }
}
