package org.jaildesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point of the jar. Not an {@code Application} subclass, so that a plain {@code java -jar} finds
 * JavaFX on the class path. Sub-commands live in their own classes; exit codes: 0 ok, 1 failure, 2 usage error.
 */
@Command(name = "jaildesk", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "JailDesk: a desktop jail manager for FreeBSD iocage jails, speaking the sysadm protocol.",
        subcommands = {CallCommand.class, ServeCommand.class, UserCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Command-line output is the reply itself; routine log lines would only get in its way.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
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
