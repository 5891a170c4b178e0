package org.jaildesk.ui.common;

import org.jaildesk.domain.Shown;

/**
 * How much of a command's output a text area keeps: the newest lines, as a terminal keeps its scrollback (xterm
 * about a thousand lines, other terminals a few thousand).
 */
public final class Scrollback {

    /**
     * The lines kept. Past some 2,050 lines (32,767 pixels at the default font) JavaFX's software renderer draws a text
     * area's background tinted once it is scrolled down, whatever the text; and each change of a text area lays its
     * whole text out again on the FX thread, so its size bounds the cost of every line added.
     */
    public static final int LINES = 2_000;

    /**
     * The most of one line kept; the rest is cut off with "…". iocage's lines are short, but a command's output or a
     * remote host's may hold a line of megabytes, and a text area lays out every line it holds.
     */
    public static final int LINE_LENGTH = 10_000;

    private Scrollback() {
    }

    /** {@code line}, cut to {@link #LINE_LENGTH} characters with "…" where it was longer. */
    public static String line(String line) {
        return Shown.cut(line, LINE_LENGTH);
    }
}
