package org.jaildesk.host.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jaildesk.domain.JailUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FreeBSD's {@code ps -ax -o jid= -o pcpu= -o rss=}, added up per jail. */
class PsOutputTest {

    @Test
    void processesAreAddedUpPerJailAndTheHostsOwnAreLeftOut() throws Exception {
        String out = """
                    0   0.0  11820
                    3  12.5  40960
                    0   3.1  25412
                   12   0.0   2048
                    3   0.4   1024

                    3 101.0      0
                """;
        List<JailUsage> usage = PsOutput.usage(out);
        assertEquals(2, usage.size());
        JailUsage three = usage.get(0);
        assertEquals(3, three.jid());
        assertEquals(3, three.processes());
        assertEquals(113.9, three.cpuPercent(), 1e-9);
        assertEquals(41_984L * 1024, three.memoryBytes());
        assertEquals(new JailUsage(12, 1, 0.0, 2_097_152L), usage.get(1));
    }

    @Test
    void noJailRunningIsNoRows() throws Exception {
        assertEquals(List.of(), PsOutput.usage("    0  0.0  11820\n"));
        assertEquals(List.of(), PsOutput.usage(""));
    }

    /** What Linux's ps or a broken one prints is refused naming the line, not read as zeros. */
    @ParameterizedTest
    @ValueSource(strings = {
        "error: unknown user-defined format specifier \"jid\"",
        "  JID %CPU   RSS",
        "3 1.5",
        "3 1.5 100 x",
        "-3 1.5 100",
        "3 1,5 100",
        "3 -1.5 100",
        "3 1.5 -100",
        "3 1.5 100K",
        "1234567890 0.0 100",
        "3 0.0 1234567890123",
        "3 1234567.0 100",
        "3 nan 100"
    })
    void aLineThatIsNotAProcessIsAnError(String line) {
        IocageParseException e = assertThrows(IocageParseException.class, () -> PsOutput.usage("    0  0.0  11820\n" + line + "\n"));
        assertTrue(e.getMessage().contains("(line 2: '"), e.getMessage());
    }

    @Test
    void aHugeLineIsShownShort() {
        IocageParseException e = assertThrows(IocageParseException.class, () -> PsOutput.usage("3 0.0 " + "9".repeat(10_000_000)));
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
    }
}
