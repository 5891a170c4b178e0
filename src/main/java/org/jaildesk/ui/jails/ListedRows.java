package org.jaildesk.ui.jails;

import java.util.List;
import javafx.collections.ObservableList;
import org.jaildesk.domain.Jail;

/** A new listing put into the table's rows. */
final class ListedRows {

    /** Past this many changed rows, the rows are set all at once. */
    private static final int MOST_CHANGED = 500;

    private ListedRows() {
    }

    /**
     * Makes {@code rows} hold {@code listed}. Most refreshes change a few rows: only those are replaced, so the filter
     * and sort do not take 10,000 rows again, and the table, which sees a jail listed again in its place as an update
     * of its row ({@link RowUpdates}), fills only that row again.
     */
    static void replace(ObservableList<Jail> rows, List<Jail> listed) {
        if (listed.size() != rows.size()) {
            rows.setAll(listed);
            return;
        }
        int[] changed = new int[MOST_CHANGED + 1];
        int n = 0;
        for (int i = 0; i < listed.size() && n < changed.length; i++) {
            if (!listed.get(i).equals(rows.get(i))) {
                changed[n++] = i;
            }
        }
        if (n == changed.length) {
            rows.setAll(listed);
            return;
        }
        for (int k = 0; k < n; k++) {
            rows.set(changed[k], listed.get(changed[k]));
        }
    }
}
