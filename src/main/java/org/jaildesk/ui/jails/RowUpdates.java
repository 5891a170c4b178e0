package org.jaildesk.ui.jails;

import java.util.List;
import javafx.collections.ListChangeListener.Change;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;
import org.jaildesk.domain.Jail;

/**
 * The table's rows as {@code source} has them, where a jail listed again with new values at the same place is an
 * update of its row, not a new row. A refresh replaces the records of the jails that changed; JavaFX's table skin
 * answers a replaced item by building every visible row cell again (a paint of the whole window, see
 * docs/performance.md), and an updated one by filling its cells in place. Every other change passes as it came.
 */
final class RowUpdates extends TransformationList<Jail, Jail> {

    RowUpdates(ObservableList<Jail> source) {
        super(source);
    }

    @Override
    protected void sourceChanged(Change<? extends Jail> c) {
        beginChange();
        while (c.next()) {
            int from = c.getFrom();
            int to = c.getTo();
            if (c.wasPermutated()) {
                int[] perm = new int[to - from];
                for (int i = from; i < to; i++) {
                    perm[i - from] = c.getPermutation(i);
                }
                nextPermutation(from, to, perm);
            } else if (c.wasUpdated() || c.wasReplaced() && sameJails(c)) {
                for (int i = from; i < to; i++) {
                    nextUpdate(i);
                }
            } else if (c.wasReplaced()) {
                nextReplace(from, to, List.copyOf(c.getRemoved()));
            } else if (c.wasRemoved()) {
                nextRemove(from, List.copyOf(c.getRemoved()));
            } else if (c.wasAdded()) {
                nextAdd(from, to);
            }
        }
        endChange();
    }

    /** Each removed record and the one added in its place are of the same jail. */
    private static boolean sameJails(Change<? extends Jail> c) {
        if (c.getRemovedSize() != c.getAddedSize()) {
            return false;
        }
        List<? extends Jail> removed = c.getRemoved();
        for (int k = 0; k < removed.size(); k++) {
            if (!removed.get(k).id().equals(c.getList().get(c.getFrom() + k).id())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Jail get(int index) {
        return getSource().get(index);
    }

    @Override
    public int size() {
        return getSource().size();
    }

    @Override
    public int getSourceIndex(int index) {
        return index;
    }

    @Override
    public int getViewIndex(int index) {
        return index;
    }
}
