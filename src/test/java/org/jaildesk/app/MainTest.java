package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

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
