package org.jaildesk.ui.common;

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

    private Scrollback() {
    }
}
