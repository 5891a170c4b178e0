package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A console opened for real: a fake terminal (a script that writes the arguments it was given) started as a process,
 * the console's command after its words, one argument each; what keeps it from opening said in the window's words.
 */
class LocalConsolesTest {

    @TempDir
    Path dir;

    private final Messages msg = new Messages(Locale.ENGLISH);

    /** A terminal that writes its arguments, one a line, to {@code out}, then ends with {@code exit}. */
    private Path terminal(String name, Path out, int exit) throws Exception {
        Path t = dir.resolve(name);
        Files.writeString(t, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + out + "'\nexit " + exit + "\n");
        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwx------"));
        return t;
    }

    private LocalConsoles consoles(String configured, ProcessRunner.Privilege privilege) {
        return new LocalConsoles(Path.of("/usr/local/bin/iocage"), () -> privilege, () -> configured, null,
                n -> Optional.empty(), msg, Runnable::run);
    }

    private static String failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return org.jaildesk.ui.common.Notifier.text(new Messages(Locale.ENGLISH), e.getCause());
        }
        throw new AssertionError("it opened");
    }

    @Test
    void theTerminalIsStartedWithTheConsolesCommandAfterItsWords() throws Exception {
        Path out = dir.resolve("argv");
        Path term = terminal("term", out, 0);
        // A terminal that hands its window over and ends at once, with 0 (as gnome-terminal does): opened.
        assertEquals("term", consoles(term.toString(), ProcessRunner.Privilege.DOAS).open("web_01").get(20, TimeUnit.SECONDS));
        assertEquals(List.of("-e", "doas", "/usr/local/bin/iocage", "console", "web_01"), Files.readAllLines(out));
        Files.delete(out);
        // Its words as chosen, each one argument; the jail's name one argument, whatever the terminal does with it.
        consoles(term + " --title jails -x", ProcessRunner.Privilege.NONE).open("db01").get(20, TimeUnit.SECONDS);
        assertEquals(List.of("--title", "jails", "-x", "/usr/local/bin/iocage", "console", "db01"), Files.readAllLines(out));
    }

    @Test
    void aTerminalThatEndsAtOnceWithAnErrorDidNotOpenIt() throws Exception {
        Path term = terminal("bad-term", dir.resolve("argv"), 3);
        String said = failure(consoles(term + " --wrong", ProcessRunner.Privilege.NONE).open("db01"));
        assertTrue(said.contains("bad-term ended at once with exit code 3"), said);
    }

    @Test
    void aTerminalStillRunningAfterTheWatchOpenedIt() throws Exception {
        Path t = dir.resolve("slow-term");
        Path pid = dir.resolve("pid");
        Files.writeString(t, "#!/bin/sh\necho $$ > '" + pid + "'\nexec sleep 30\n");
        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwx------"));
        assertEquals("slow-term", consoles(t.toString(), ProcessRunner.Privilege.NONE).open("db01").get(20, TimeUnit.SECONDS));
        long id = Long.parseLong(Files.readString(pid).strip());
        ProcessHandle.of(id).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void nothingStartsForANameThatIsNoJailsOrWithoutATerminal() throws Exception {
        Path out = dir.resolve("argv");
        Path term = terminal("term", out, 0);
        for (String bad : List.of("-f", "a;b", "$(x)", "a\nb", "x".repeat(10 * 1024 * 1024))) {
            String said = failure(consoles(term.toString(), ProcessRunner.Privilege.NONE).open(bad));
            assertTrue(said.startsWith("not a jail name"), said);
        }
        assertFalse(Files.exists(out), "the terminal never started");
        String none = failure(consoles("", ProcessRunner.Privilege.NONE).open("db01"));
        assertTrue(none.startsWith("no terminal to open it in (none of konsole, gnome-terminal"), none);
        String missing = failure(consoles("nosuch-terminal -e", ProcessRunner.Privilege.NONE).open("db01"));
        assertEquals("the terminal command \"nosuch-terminal -e\" cannot be used: nosuch-terminal is not on PATH. "
                + "Choose another in Host \u25b8 Terminal for consoles\u2026", missing);
        assertFalse(Files.exists(out));
    }

    /**
     * Another host's console: the terminal, then the SSH command's words as chosen for the host, then iocage console and
     * the jail (which ssh hands to the host's shell: a name that is no jail's never gets there); nothing without one.
     */
    @Test
    void anotherHostsConsoleGoesOverSshAsChosen() throws Exception {
        Path out = dir.resolve("argv");
        Path term = terminal("term", out, 0);
        Path ssh = terminal("ssh", dir.resolve("ssh-argv"), 0);
        LocalConsoles consoles = new LocalConsoles(null, () -> ProcessRunner.Privilege.DOAS, term::toString, null,
                n -> Optional.empty(), msg, Runnable::run);
        assertEquals("term", consoles.openOver(" " + ssh + "  -t admin@nas.lan doas ", "db01").get(20, TimeUnit.SECONDS));
        assertEquals(List.of("-e", ssh.toString(), "-t", "admin@nas.lan", "doas", "iocage", "console", "db01"), Files.readAllLines(out));
        Files.delete(out);
        for (String bad : List.of("-f", "a;b", "$(x)", "a b", "a\nb", "x".repeat(10 * 1024 * 1024))) {
            assertTrue(failure(consoles.openOver(ssh.toString(), bad)).startsWith("not a jail name"), bad.length() > 20 ? "10 MB" : bad);
        }
        assertEquals("the SSH command \"\" cannot be used: no SSH command is set for this host. Set it in Host \u25b8 Console over SSH\u2026",
                failure(consoles.openOver("  ", "db01")));
        assertTrue(failure(consoles.openOver("nosuch-ssh -t nas", "db01")).contains("nosuch-ssh is not on PATH"));
        assertTrue(failure(consoles.openOver(ssh + "\n-t nas", "db01")).contains("a control character"));
        assertEquals("this desktop has no iocage of its own", failure(consoles.open("db01")), "no local console without iocage");
        assertFalse(Files.exists(out), "the terminal never started for any of them");
    }
}
