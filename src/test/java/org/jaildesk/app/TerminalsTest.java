package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which terminal a console opens in, and how it is told the command: the one chosen, TERMINAL, the usual ones. */
class TerminalsTest {

    @TempDir
    Path dir;

    /** A PATH that holds {@code names}. */
    private static Function<String, Optional<Path>> path(String... names) {
        Set<String> there = Set.of(names);
        return n -> there.contains(n) ? Optional.of(Path.of("/usr/local/bin", n)) : Optional.empty();
    }

    @Test
    void theChosenOneComesFirstThenTerminalThenTheUsualOnesInOrder() {
        Function<String, Optional<Path>> both = path("xterm", "gnome-terminal");
        assertEquals(Optional.of(List.of("alacritty", "--class", "jails", "-e")),
                Terminals.resolve(" alacritty  --class jails -e ", "urxvt", both), "the words as given");
        assertEquals(Optional.of(List.of("urxvt", "-e")), Terminals.resolve("", "urxvt", both));
        assertEquals(Optional.of(List.of("gnome-terminal", "--")), Terminals.resolve("  ", null, both),
                "gnome-terminal comes before xterm");
        assertEquals(Optional.of(List.of("xterm", "-e")), Terminals.resolve(null, "", path("xterm")));
        assertEquals(Optional.empty(), Terminals.resolve("", null, path()));
    }

    @Test
    void aSingleWordGetsTheWordsThatMakeItRunACommand() {
        assertEquals(List.of("xfce4-terminal", "-x"), Terminals.words("xfce4-terminal"));
        assertEquals(List.of("wezterm", "start", "--"), Terminals.words("wezterm"));
        assertEquals(List.of("kitty"), Terminals.words("kitty"));
        assertEquals(List.of("/usr/local/bin/konsole", "-e"), Terminals.words("/usr/local/bin/konsole"));
        assertEquals(List.of("st", "-e"), Terminals.words("st"), "an unknown one: -e, as most take it");
        assertEquals(List.of("konsole", "--hold", "-e"), Terminals.words("konsole --hold -e"), "several words: as they are");
    }

    @Test
    void aTerminalCommandThatCannotRunIsRefusedSayingWhy() throws Exception {
        Function<String, Optional<Path>> xterm = path("xterm");
        assertEquals(Optional.empty(), Terminals.whyNot("", xterm), "empty: the default");
        assertEquals(Optional.empty(), Terminals.whyNot("xterm -fa Mono -e", xterm));
        assertEquals("terminal.notOnPath nosuch", said(Terminals.whyNot("nosuch -e", xterm)));
        assertEquals("terminal.control ", said(Terminals.whyNot("xterm\n-e", xterm)));
        assertEquals("terminal.control ", said(Terminals.whyNot("xterm\t-e", xterm)));
        assertEquals("terminal.tooLong 512", said(Terminals.whyNot("xterm " + "x".repeat(10 * 1024 * 1024), xterm)));
        Path exe = dir.resolve("term");
        Files.writeString(exe, "#!/bin/sh\n");
        assertEquals("terminal.notExecutable " + exe, said(Terminals.whyNot(exe + " -e", xterm)));
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
        assertEquals(Optional.empty(), Terminals.whyNot(exe + " -e", xterm));
        assertEquals("terminal.notExecutable bin/xterm", said(Terminals.whyNot("bin/xterm", xterm)), "a relative path");
        assertEquals("terminal.notExecutable " + dir, said(Terminals.whyNot(dir.toString(), xterm)), "a folder");
    }

    private static String said(Optional<Terminals.Problem> p) {
        return p.map(x -> x.key() + " " + x.named()).orElse("none");
    }
}
