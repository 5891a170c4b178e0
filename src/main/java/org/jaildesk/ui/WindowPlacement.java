package org.jaildesk.ui;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: where it was last closed, if that place is still on a screen, else centred; as large
 * as it was, or on first start large enough for every column of the table beside the host list and the inspector;
 * never larger than the screen it opens on.
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
                    return new Place(saved.x, saved.y, Math.min(width, screen.getWidth()), Math.min(height, screen.getHeight()));
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
}
