package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class MainTest extends CommandLineTest {

    @Test
    void versionPrintsTheBuildVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("JailDesk " + Main.version()), out.toString());
        assertTrue(!Main.version().equals("unknown") && !Main.version().contains("${"));
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitTwo() {
        assertEquals(2, run("--no-such-option"));
        assertTrue(err.toString().contains("Unknown option"));
    }

    @Test
    void logLinesAreOneLineEachWithTheTimeZoneAndAGivenFormatIsKept() {
        String before = System.getProperty(Main.LOG_FORMAT);
        try {
            System.clearProperty(Main.LOG_FORMAT);
            Main.oneLineLogs();
            LogRecord r = new LogRecord(Level.WARNING, "closing the connection from 192.0.2.7");
            r.setLoggerName("org.jaildesk.server.ConnectionSender");
            String line = new SimpleFormatter().format(r);
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4} WARNING "
                    + "org\\.jaildesk\\.server\\.ConnectionSender: closing the connection from 192\\.0\\.2\\.7\\R"), line);
            r.setThrown(new IllegalStateException("boom"));
            String[] lines = new SimpleFormatter().format(r).split("\\R");
            assertTrue(lines[0].endsWith("192.0.2.7") && lines[1].equals("java.lang.IllegalStateException: boom"),
                    String.join("\n", lines));

            System.setProperty(Main.LOG_FORMAT, "%5$s%n");
            Main.oneLineLogs();
            assertEquals("%5$s%n", System.getProperty(Main.LOG_FORMAT));
        } finally {
            if (before == null) {
                System.clearProperty(Main.LOG_FORMAT);
            } else {
                System.setProperty(Main.LOG_FORMAT, before);
            }
        }
    }

    /** JavaFX's warning that the one jar runs it from the class path is dropped; its other warnings are not. */
    @Test
    void theWindowDoesNotWarnOfTheClassPathAtEveryStart() {
        assertFalse(AppContext.notAboutTheClassPath(new LogRecord(Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'")));
        assertTrue(AppContext.notAboutTheClassPath(new LogRecord(Level.WARNING, "Could not resolve 'x' while resolving lookup")));
        assertTrue(AppContext.notAboutTheClassPath(new LogRecord(Level.WARNING, null)));
    }

    /**
     * The window is drawn with one redrawn area a frame (the Disk usage tab's first rows stayed hidden on the screen
     * otherwise: InspectorAndHostTest looks at them there); a value given on the command line is kept.
     */
    @Test
    void theWindowRedrawsOneAreaAFrameUnlessToldOtherwise() {
        String before = System.getProperty(AppContext.REDRAW_AREAS);
        try {
            System.clearProperty(AppContext.REDRAW_AREAS);
            AppContext.oneRedrawArea();
            assertEquals("1", System.getProperty(AppContext.REDRAW_AREAS));
            System.setProperty(AppContext.REDRAW_AREAS, "6");
            AppContext.oneRedrawArea();
            assertEquals("6", System.getProperty(AppContext.REDRAW_AREAS));
        } finally {
            if (before == null) {
                System.clearProperty(AppContext.REDRAW_AREAS);
            } else {
                System.setProperty(AppContext.REDRAW_AREAS, before);
            }
        }
    }
}
