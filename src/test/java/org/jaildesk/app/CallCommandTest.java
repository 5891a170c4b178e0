package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.jaildesk.host.FakeIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jaildesk call --local}: the reply envelope on stdout, exit codes 0/1/2. */
class CallCommandTest extends CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void listjailsPrintsTheSeedShapedEnvelope() throws Exception {
        FakeIocage fake = new FakeIocage(dir, FakeIocage.Kind.PYTHON);
        assertEquals(0, run("call", "--local", "--iocage", fake.executable().toString(), "listjails"), err.toString());
        JsonNode reply = new ObjectMapper().readTree(out.toString());
        assertEquals("response", reply.get("name").asText());
        assertEquals("sysadm", reply.get("namespace").asText());
        assertEquals("up", reply.get("args").get("listjails").get("db01").get("state").asText());
    }

    @Test
    void anActionErrorExitsOneWithTheMessageOnStderr() {
        FakeIocage fake = new FakeIocage(dir, FakeIocage.Kind.PYTHON);
        assertEquals(1, run("call", "--iocage", fake.executable().toString(), "startjail", "jail=nosuch"));
        assertTrue(err.toString().contains("jail 'nosuch' not found!"), err.toString());
        assertTrue(out.toString().contains("\"error\""));
    }

    @Test
    void aRefusedRequestExitsOneAndRunsNothing() {
        FakeIocage fake = new FakeIocage(dir, FakeIocage.Kind.PYTHON);
        assertEquals(1, run("call", "--iocage", fake.executable().toString(), "startjail", "jail=-f"));
        assertTrue(err.toString().startsWith("error 400: "), err.toString());
        assertEquals(0, fake.calls().size());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("call"));
        assertEquals(2, run("call", "--iocage", "/x", "listjails", "notkeyvalue"));
        assertEquals(2, run("call", "--privilege", "su", "listjails"));
        assertEquals(2, run("call", "--demo", "--otp", "123456", "listjails"));
        assertTrue(err.toString().contains("--otp is for --url"), err.toString());
    }

    @Test
    void aMissingIocageSaysWhatToDo() {
        assertEquals(1, run("call", "--iocage", dir.resolve("none").toString(), "listjails"));
        assertTrue(err.toString().contains("not an executable"), err.toString());
    }

    @Test
    void theDemoHostAnswersEveryActionWithoutIocage() throws Exception {
        assertEquals(0, run("call", "--demo", "listjails"), err.toString());
        JsonNode jails = new ObjectMapper().readTree(out.toString()).get("args").get("listjails");
        assertEquals(12, jails.size());
        assertEquals("up", jails.get("db01").get("state").asText());
        for (String[] call : new String[][] {{"getdefaultsettings"}, {"getjailsettings", "jail=db01"}, {"df"},
            {"startjail", "jail=mail"}, {"stopjail", "jail=db01"}, {"clonejail", "jail=mail", "props=tag=m2"},
            {"createjail", "props=tag=n1 release=14.1-RELEASE"}, {"execjail", "jail=plex", "user=root", "command=hostname"},
            {"activatepool"}, {"activatestatus"}, {"listreleases"}, {"listremotereleases"}, {"listtemplates"}, {"restartjail", "jail=plex"},
            {"setjailsettings", "jail=mail", "props=priority=5"}, {"fetchrelease", "release=14.2-RELEASE"},
            {"cleantemplates"}, {"cleanjails"}, {"cleanreleases"}, {"cleanall"}, {"activatepool", "pool=backup"}}) {
            String[] args = new String[call.length + 2];
            args[0] = "call";
            args[1] = "--demo";
            System.arraycopy(call, 0, args, 2, call.length);
            assertEquals(0, run(args), String.join(" ", call) + ": " + err);
        }
        assertEquals(1, run("call", "--demo", "destroyjail", "jail=db01"), "a running jail is not destroyed");
        assertTrue(err.toString().contains("is running: stop it first"));
    }

    /**
     * A long action's progress on standard error as the host sends it, its reply on standard output unchanged; none
     * with --quiet.
     */
    @Test
    void aLongActionsProgressGoesToStandardErrorUnlessQuiet() throws Exception {
        assertEquals(0, run("call", "--demo", "fetchrelease", "release=14.2-RELEASE"), err.toString());
        List<String> lines = err.toString().lines().toList();
        assertEquals("Fetching: 14.2-RELEASE", lines.get(0), err.toString());
        assertTrue(lines.contains("Downloading: base.txz [##########----------] 50%  11.3MB/s"), err.toString());
        assertEquals("release 14.2-RELEASE fetched.", new ObjectMapper().readTree(out.toString()).get("args").get("fetchrelease")
                .get("success").asText());
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(0, run("call", "--demo", "--quiet", "fetchrelease", "release=14.2-RELEASE"), err.toString());
        assertEquals("", err.toString());
        assertEquals("release 14.2-RELEASE fetched.", new ObjectMapper().readTree(out.toString()).get("args").get("fetchrelease")
                .get("success").asText());
        // A short action sends no lines.
        err.getBuffer().setLength(0);
        assertEquals(0, run("call", "--demo", "startjail", "jail=mail"), err.toString());
        assertEquals("", err.toString());
    }

    /** Only this call's job is followed (a server sends every job's lines), and a line cannot drive the terminal. */
    @Test
    void progressIsThisJobsAndItsControlCharactersAreWrittenOut() {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter to = new java.io.PrintWriter(text, true);
        ObjectMapper json = new ObjectMapper();
        String mine = org.jaildesk.protocol.Protocol.jobId("fetchrelease", "14.2-RELEASE");
        java.util.function.BiFunction<String, String, org.jaildesk.protocol.Event> event = (id, line) -> new org.jaildesk.protocol.Event(
                org.jaildesk.protocol.Protocol.DISPATCHER_EVENT, json.createObjectNode().put("process_id", id).put("state", "running")
                        .put("line", line));
        CallCommand.progress(event.apply(org.jaildesk.protocol.Protocol.jobId("fetchrelease", "13.4-RELEASE"), "another's"), mine, to);
        CallCommand.progress(event.apply(mine, "\u001b[2J\u001b[Hroot# rm -rf /\rDownloading"), mine, to);
        CallCommand.progress(event.apply(mine, "   "), mine, to);
        CallCommand.progress(new org.jaildesk.protocol.Event(org.jaildesk.protocol.Protocol.JAIL_CHANGED_EVENT,
                json.createObjectNode().put("process_id", mine).put("line", "not progress")), mine, to);
        String shown = text.toString();
        assertEquals(1, shown.lines().count(), shown);
        assertFalse(shown.contains("another's") || shown.contains("\u001b") || shown.contains("\r"), shown);
        assertTrue(shown.contains("root# rm -rf /"), shown);
    }

    /** Numbers the demo host or the wait cannot take: usage errors that say the range, before any host is opened. */
    @Test
    void impossibleNumbersAreUsageErrors() {
        String[][] cases = {
            {"--demo-jails", "100001", "--demo-jails takes 0 to 100000 (0, as without it: the standard dozen), not 100001"},
            {"--demo-jails", "-5", "--demo-jails takes 0 to 100000 (0, as without it: the standard dozen), not -5"},
            {"--demo-latency", "-5", "--demo-latency takes 0 to 60000 ms, not -5"},
            {"--demo-latency", "99999999999999", "--demo-latency takes 0 to 60000 ms, not 99999999999999"},
            {"--timeout", "0", "--timeout takes at least 1 second, not 0"},
            {"--timeout", "-1", "--timeout takes at least 1 second, not -1"}};
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            assertEquals(2, run("call", "--demo", c[0], c[1], "listjails"), String.join(" ", c));
            assertTrue(err.toString().startsWith(c[2] + System.lineSeparator()), err.toString());
            assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        }
        assertEquals(0, run("call", "--demo", "--demo-jails", "0", "--demo-latency", "0", "--timeout", "1", "listjails"),
                "the defaults' own values: " + err);
    }
}
