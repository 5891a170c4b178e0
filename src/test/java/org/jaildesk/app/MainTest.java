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
        withPropertyRestored(Main.LOG_FORMAT, () -> {
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
        });
    }

    /** Runs {@code body}, then sets the system property {@code name} back to what it was (or none). */
    private static void withPropertyRestored(String name, Runnable body) {
        String before = System.getProperty(name);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
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
        withPropertyRestored(AppContext.REDRAW_AREAS, () -> {
            System.clearProperty(AppContext.REDRAW_AREAS);
            AppContext.oneRedrawArea();
            assertEquals("1", System.getProperty(AppContext.REDRAW_AREAS));
            System.setProperty(AppContext.REDRAW_AREAS, "6");
            AppContext.oneRedrawArea();
            assertEquals("6", System.getProperty(AppContext.REDRAW_AREAS));
        });
    }
}
