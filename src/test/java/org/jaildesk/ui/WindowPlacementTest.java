package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the main window opens, for the screens a user may have had then and has now. */
class WindowPlacementTest {

    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1040);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D RIGHT_OF_IT = new Rectangle2D(1920, 0, 2560, 1400);

    private static UiState.Layout saved(double x, double y, double width, double height) {
        UiState.Layout l = new UiState.Layout();
        l.x = x;
        l.y = y;
        l.width = width;
        l.height = height;
        return l;
    }

    private static void assertPlace(double x, double y, double width, double height, WindowPlacement.Place p) {
        assertEquals(new WindowPlacement.Place(x, y, width, height), p);
    }

    @Test
    void theFirstWindowHasRoomForEveryColumnWhereTheScreenAllows() {
        assertPlace(Double.NaN, Double.NaN, WindowPlacement.WIDE, WindowPlacement.TALL,
                WindowPlacement.of(new UiState.Layout(), List.of(FULL_HD)));
        // On a small screen, most of it, not all of it.
        assertPlace(Double.NaN, Double.NaN, 1256, 669, WindowPlacement.of(new UiState.Layout(), List.of(LAPTOP)));
    }

    @Test
    void aSavedPlaceOnAScreenStillThereIsKept() {
        assertPlace(2100, 50, 1200, 800, WindowPlacement.of(saved(2100, 50, 1200, 800), List.of(FULL_HD, RIGHT_OF_IT)));
        // Partly off the left edge is fine while the title bar can still be grabbed.
        assertPlace(-60, 10, 900, 600, WindowPlacement.of(saved(-60, 10, 900, 600), List.of(FULL_HD)));
    }

    /** The second monitor is gone: the window comes back centred on the primary screen, not out of reach. */
    @Test
    void aSavedPlaceOnAScreenNoLongerThereIsDropped() {
        assertPlace(Double.NaN, Double.NaN, 1200, 800, WindowPlacement.of(saved(2100, 50, 1200, 800), List.of(FULL_HD)));
        assertPlace(Double.NaN, Double.NaN, 1200, 800, WindowPlacement.of(saved(100, -500, 1200, 800), List.of(FULL_HD)));
    }

    /** Saved on a large screen, opened on a laptop: never larger than the screen it opens on. */
    @Test
    void aSavedSizeLargerThanTheScreenShrinksToIt() {
        assertPlace(Double.NaN, Double.NaN, 1366, 728, WindowPlacement.of(saved(2100, 50, 2400, 1300), List.of(LAPTOP)));
        // Shrunk, it moves onto the screen: kept in place, it hung off the right and bottom edges (seen at 1024x768).
        assertPlace(0, 0, 1366, 728, WindowPlacement.of(saved(10, 10, 2400, 1300), List.of(LAPTOP)));
        assertPlace(0, 0, 1024, 768, WindowPlacement.of(saved(56, 24, 1288, 828), List.of(new Rectangle2D(0, 0, 1024, 768))));
        // Only as far as it has to: a height that fits stays where it was.
        assertPlace(0, 100, 1366, 500, WindowPlacement.of(saved(300, 100, 1600, 500), List.of(LAPTOP)));
        assertPlace(2100, 0, 1200, 1400, WindowPlacement.of(saved(2100, 50, 1200, 1500), List.of(FULL_HD, RIGHT_OF_IT)));
    }
}
