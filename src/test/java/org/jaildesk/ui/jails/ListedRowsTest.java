package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jaildesk.domain.Jail;
import org.jaildesk.domain.JailState;
import org.junit.jupiter.api.Test;

/** A new listing goes into the rows as a few replaced rows when few changed, and as a whole otherwise. */
class ListedRowsTest {

    private static Jail jail(int i, boolean up) {
        return new Jail("j" + i, "j" + i, up ? OptionalInt.of(i + 1) : OptionalInt.empty(),
                up ? JailState.UP : JailState.DOWN, false, "jail", "14.1-RELEASE", "-", "-", "-");
    }

    private static List<Jail> listing(int size, int... up) {
        List<Jail> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int n = i;
            out.add(jail(i, IntStream.of(up).anyMatch(u -> u == n)));
        }
        return out;
    }

    /** Each change the rows announce: "set i" for one replaced row, "all" for the whole list. */
    private static List<String> changesOf(ObservableList<Jail> rows, List<Jail> listed) {
        List<String> seen = new ArrayList<>();
        rows.addListener((ListChangeListener<Jail>) c -> {
            while (c.next()) {
                boolean one = c.wasReplaced() && c.getTo() - c.getFrom() == 1;
                seen.add(one ? "set " + c.getFrom() : "all");
            }
        });
        ListedRows.replace(rows, listed);
        assertEquals(listed, rows);
        return seen;
    }

    @Test
    void onlyTheChangedRowsAreReplaced() {
        ObservableList<Jail> rows = FXCollections.observableArrayList(listing(1000));
        assertEquals(List.of("set 3", "set 700"), changesOf(rows, listing(1000, 3, 700)));
        assertEquals(List.of(), changesOf(rows, listing(1000, 3, 700)), "an unchanged listing changes nothing");
    }

    @Test
    void aListingOfAnotherSizeOrWithManyChangesReplacesTheWhole() {
        ObservableList<Jail> rows = FXCollections.observableArrayList(listing(1000));
        assertEquals(List.of("all"), changesOf(rows, listing(999)));
        rows.setAll(listing(1000));
        int[] many = IntStream.range(0, 501).toArray();
        assertEquals(List.of("all"), changesOf(rows, listing(1000, many)));
        rows.setAll(listing(1000));
        int[] fiveHundred = IntStream.range(0, 500).toArray();
        assertEquals(500, changesOf(rows, listing(1000, fiveHundred)).size(),
                "500 changed rows are still replaced one by one");
    }
}
