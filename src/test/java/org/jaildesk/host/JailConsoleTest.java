package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A jail's console: iocage console and the jail, each one argument, through doas or sudo that may ask in the terminal. */
class JailConsoleTest {

    private static final Path IOCAGE = Path.of("/usr/local/bin/iocage");

    @Test
    void theConsoleIsIocageConsoleOfTheJailThroughThePrivilegeChosen() {
        assertEquals(List.of("/usr/local/bin/iocage", "console", "db01"), JailConsole.argv(IOCAGE, ProcessRunner.Privilege.NONE, "db01"));
        // Not doas -n: in a terminal it may ask for the password, which the jail's console then follows.
        assertEquals(List.of("doas", "/usr/local/bin/iocage", "console", "web_01.a"),
                JailConsole.argv(IOCAGE, ProcessRunner.Privilege.DOAS, "web_01.a"));
        assertEquals(List.of("sudo", "/usr/local/bin/iocage", "console", "db01"), JailConsole.argv(IOCAGE, ProcessRunner.Privilege.SUDO, "db01"));
        // A legacy jail by its UUID.
        assertEquals("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
                JailConsole.argv(IOCAGE, ProcessRunner.Privilege.NONE, "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0").get(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-f", "a;b", "$(x)", "a\nb", "", " db01", "db01 -f", "ALL", "../etc"})
    void aNameThatIsNoJailsBuildsNoCommand(String bad) {
        assertThrows(IllegalArgumentException.class, () -> JailConsole.argv(IOCAGE, ProcessRunner.Privilege.DOAS, bad));
    }

    @Test
    void tenMegabytesOfNameBuildNoCommand() {
        assertThrows(IllegalArgumentException.class,
                () -> JailConsole.argv(IOCAGE, ProcessRunner.Privilege.NONE, "x".repeat(10 * 1024 * 1024)));
    }

    @Test
    void anotherHostsConsoleIsTheSshWordsThenIocageConsoleAndAJailNameNoShellReadsAsMore() {
        assertEquals(List.of("ssh", "-t", "admin@nas", "doas", "iocage", "console", "db01"),
                JailConsole.overSsh(List.of("ssh", "-t", "admin@nas", "doas"), "db01"));
        for (String bad : List.of("a;b", "$(x)", "`x`", "a b", "a|b", "a&b", "a>b", "-f", "a\nb")) {
            assertThrows(IllegalArgumentException.class, () -> JailConsole.overSsh(List.of("ssh", "nas"), bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> JailConsole.overSsh(List.of(), "db01"), "no ssh");
    }
}
