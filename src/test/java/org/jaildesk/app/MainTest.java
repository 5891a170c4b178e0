package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
