package org.jaildesk.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** For tests of the command line: runs {@code jaildesk} in-process and keeps what it printed. */
abstract class CommandLineTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
