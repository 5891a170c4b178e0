package org.jaildesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point of the jar. Not an {@code Application} subclass, so that a plain {@code java -jar} finds
 * JavaFX on the class path. Sub-commands live in their own classes; exit codes: 0 ok, 1 failure, 2 usage error.
 */
@Command(name = "jaildesk", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"JailDesk: a desktop jail manager for iocage jails on FreeBSD, speaking sysadm.",
            "Without a command it opens the window: this machine's iocage, or the demo host."},
        subcommands = {CallCommand.class, ServeCommand.class, UserCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The JDK's property for the format of its log lines, read when a handler's formatter is made. */
    static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    public static void main(String[] args) {
        oneLineLogs();
        // Command-line output is the reply itself; routine log lines would only get in its way.
        Logger.getLogger("").setLevel(Level.WARNING);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Log lines of one line each, with the date, time and time zone first ({@code 2026-11-27 17:11:17 +0000 WARNING
     * org.jaildesk.server.ConnectionSender: …}; a stack trace follows on its own lines), instead of the JDK's two
     * lines in the locale's words: the server's log is read with grep and rotated by newsyslog. A format given with
     * {@code -Djava.util.logging.SimpleFormatter.format} is kept. Before anything logs, or the handler has its format.
     */
    static void oneLineLogs() {
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "%1$tF %1$tT %1$tz %4$s %3$s: %5$s%6$s%n");
        }
    }

    /** Runs the command line and returns the exit code (used by tests, which must not call System.exit). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.getCommandSpec().exitCodeOnInvalidInput(2);
        cli.getCommandSpec().exitCodeOnExecutionException(1);
        // A file that cannot be used (a users file that is a folder, one others may read, a full disk) is the user's to
        // mend: its words, not a stack trace. Anything else is a bug, and its stack trace is what a report needs.
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                command.getErr().println(org.jaildesk.client.SavedFile.words(e));
                return 1;
            }
            throw e;
        });
        return cli;
    }

    /** No sub-command: open the window (the local host if iocage is on PATH, else the demo host). */
    @Override
    public Integer call() {
        return AppContext.launchGui(AppContext.standard());
    }

    /** The version from the build (pom), read from a filtered resource. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"JailDesk " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
