package org.jaildesk.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jaildesk.ui.connect.HostEntry;
import org.junit.jupiter.api.Test;

/** A job's request as a {@code jaildesk call} line: each argument one word for a real shell, whatever it holds. */
class CallLineTest {

    @Test
    void plainArgumentsStayAsTheyAre() {
        assertEquals(Optional.of("jaildesk call --demo startjail jail=web01"),
                CallLine.of("jaildesk call --demo", "{\"action\":\"startjail\",\"jail\":\"web01\"}"));
    }

    @Test
    void theHostIsReachedAsTheWindowReachesIt() {
        assertEquals("jaildesk call --demo", CallLine.prefix(new HostEntry("demo", "Demo", HostEntry.Kind.DEMO, "", ""), "NONE"));
        assertEquals("jaildesk call --local --privilege DOAS",
                CallLine.prefix(new HostEntry("local", "This machine", HostEntry.Kind.LOCAL, "", ""), "DOAS"));
        assertEquals("jaildesk call --local", CallLine.prefix(new HostEntry("local", "This machine", HostEntry.Kind.LOCAL, "", ""), "NONE"));
        assertEquals("jaildesk call --url wss://nas1:12150 --user 'o'\\''brien' --password-file PASSWORD_FILE",
                CallLine.prefix(HostEntry.remote("nas1", "wss://nas1:12150", "o'brien"), "NONE"));
        // The certificate this desktop accepted goes with the line: another machine reaches the same server, no other.
        assertEquals("jaildesk call --url wss://nas1:12150 --user admin --password-file PASSWORD_FILE --accept-fingerprint AB:CD:EF",
                CallLine.prefix(HostEntry.remote("nas1", "wss://nas1:12150", "admin"), "NONE", Optional.of("AB:CD:EF")));
        assertEquals("jaildesk call --demo", CallLine.prefix(new HostEntry("demo", "Demo", HostEntry.Kind.DEMO, "", ""), "NONE",
                Optional.of("AB:CD:EF")), "only a server has a certificate");
    }

    /** A shell given the line sees each argument whole and runs nothing of what the values hold. */
    @Test
    void aShellTakesEachArgumentWholeAndRunsNothingInIt() throws Exception {
        String command = "ls -l; echo $(touch /tmp/jaildesk-pwned) `id` \"quoted\" 'single' \\ back\nsecond line\ttab";
        String request = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("action", "execjail")
                .put("jail", "-f").put("user", "a;b").put("command", command).toString();
        String line = CallLine.of("printf '%s\\0'", request).orElseThrow();
        Process p = new ProcessBuilder("/bin/sh", "-c", line).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertEquals(0, p.waitFor());
        List<String> words = List.of(out.toString(StandardCharsets.UTF_8).split("\0", -1));
        assertEquals(List.of("execjail", "jail=-f", "user=a;b", "command=" + command, ""), words);
        assertEquals(false, java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/jaildesk-pwned")));
    }

    /** What {@code jaildesk call} cannot give (settings as an object), or no request at all: no line. */
    @Test
    void aRequestWithAnObjectOrNoneGivesNoLine() {
        assertEquals(Optional.empty(), CallLine.of("jaildesk call", "{\"action\":\"setjailsettings\",\"jail\":\"web\",\"props\":{\"notes\":\"a b\"}}"));
        for (String bad : new String[] {"", null, "not json", "[1]", "{\"jail\":\"web\"}", "{\"action\":7}"}) {
            assertEquals(Optional.empty(), CallLine.of("jaildesk call", bad), String.valueOf(bad));
        }
    }
}
