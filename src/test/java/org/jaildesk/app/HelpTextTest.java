package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's {@code --help} reads as written, at a terminal's 80 columns: no line wider, no address or word cut
 * where the text was broken by hand, every option and argument said, and a command's line in its parent's list a
 * whole sentence.
 */
class HelpTextTest extends CommandLineTest {

    /** Every command below {@code cli}, and it. */
    private static List<CommandLine> all(CommandLine cli) {
        List<CommandLine> out = new ArrayList<>(List.of(cli));
        cli.getSubcommands().values().stream().distinct().forEach(c -> out.addAll(all(c)));
        return out;
    }

    @Test
    void everyCommandsHelpFitsEightyColumnsAndSaysEveryOption() {
        List<CommandLine> commands = all(Main.commandLine());
        assertTrue(commands.size() >= 9, "jaildesk, call, serve, help, user and its five: " + commands.size());
        for (CommandLine c : commands) {
            CommandSpec spec = c.getCommandSpec();
            String name = spec.qualifiedName();
            String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String line : help.split("\n")) {
                assertTrue(line.length() <= 80, name + ": a line of " + line.length() + ": " + line);
                // A scheme cut from its slashes (wss:// wrapped as "wss:" and "//") or a word from its end.
                assertFalse(line.strip().startsWith("//"), name + ": " + line);
            }
            // Each written line is printed on a line of its own, so one broken by hand mid-sentence stays broken.
            for (String written : spec.usageMessage().description()) {
                wholeOrExample(name, written);
            }
            for (ArgSpec a : spec.args()) {
                String which = name + " " + (a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel());
                assertFalse(String.join(" ", a.description()).isBlank(), which + " is not described");
                for (String written : a.description()) {
                    wholeOrExample(which, written);
                }
            }
            if (spec.parent() != null && !name.endsWith(" help")) {
                String[] description = spec.usageMessage().description();
                assertTrue(description.length > 0, name);
                // The parent lists the first line: it ends a sentence.
                assertTrue(description[0].endsWith("."), name + ": " + description[0]);
            }
        }
    }

    /**
     * {@code written} is a whole sentence or heading (picocli wraps it), or an example line (indented) that fits as it
     * is, continued with a backslash where it goes on.
     */
    private static void wholeOrExample(String where, String written) {
        if (written.startsWith("  ")) {
            assertTrue(written.length() <= 80, where + ": an example wider than 80 columns is cut: " + written);
        } else {
            assertTrue(written.replaceAll("%n$", "").matches("(?s).*[.:]"), where + ": a line written apart from its sentence: " + written);
        }
    }

    @Test
    void theCallExamplesAreCommandsThatCanBePasted() {
        assertEquals(0, run("call", "--help"));
        String help = out.toString();
        assertTrue(help.contains("""
                  jaildesk call --url wss://host:12150 --user admin \\
                      --password-file pw.txt listjails
                """), help);
    }
}
