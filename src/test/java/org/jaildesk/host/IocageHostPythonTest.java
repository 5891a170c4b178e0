package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jaildesk.protocol.Event;
import org.junit.jupiter.api.Test;

/** Every action against a fake Python iocage, through the real ProcessRunner: the argv sent and the reply built. */
class IocageHostPythonTest extends OverFakePython {

    private List<String> lastCall() {
        List<List<String>> calls = fake.actionCalls();
        return calls.get(calls.size() - 1);
    }

    @Test
    void listjailsAnswersTheSeedShapeKeyedByName() {
        JsonNode body = h.body("listjails");
        assertEquals(List.of("list", "-l", "-h"), lastCall());
        assertEquals(5, body.size());
        JsonNode db01 = body.get("db01");
        assertEquals("on", db01.get("boot").asText());
        assertEquals("1", db01.get("jid").asText());
        assertEquals("up", db01.get("state").asText());
        assertEquals("db01", db01.get("tag").asText());
        assertEquals("jail", db01.get("type").asText());
        assertEquals("em0|192.168.1.21/24", db01.get("ip4").asText());
        assertEquals("13.2-RELEASE-p4", db01.get("release").asText());
        assertEquals("-", body.get("mail").get("jid").asText());
    }

    @Test
    void theDialectIsDetectedOnceAndCached() {
        h.body("listjails");
        h.body("df");
        assertEquals(1, fake.calls().stream().filter(c -> c.equals(List.of("--version"))).count());
    }

    @Test
    void whenListHeaderFlagCrashesTheTableIsReadInstead() {
        fake.mode("crash-h");
        JsonNode body = h.body("listjails");
        assertEquals(5, body.size());
        assertEquals(List.of("list", "-l"), lastCall());
        h.body("listjails");
        assertEquals(List.of(List.of("list", "-l", "-h"), List.of("list", "-l"), List.of("list", "-l")), fake.actionCalls(),
                "after one crash the table is asked for directly");
    }

    @Test
    void aTracebackOnStdoutAfterSomeRowsIsACrashToo() {
        // Read as it arrived, the first rows were fine; the traceback line is what makes it a crash.
        fake.mode("crash-h-stdout");
        JsonNode body = h.body("listjails");
        assertEquals(5, body.size(), "the table's jails, not the two rows before the traceback: " + body);
        assertEquals(List.of(List.of("list", "-l", "-h"), List.of("list", "-l")), fake.actionCalls());
    }

    @Test
    void aBorderedTableWhereTabsWereAskedForIsReadAsTheTable() {
        // Newer click ignores -h: the rows read as they arrive do not fit, so the whole text is read as a table.
        fake.mode("table-for-h");
        JsonNode body = h.body("listjails");
        assertEquals(5, body.size(), body.toString());
        assertEquals("up", body.get("db01").get("state").asText());
        assertEquals(List.of(List.of("list", "-l", "-h")), fake.actionCalls(), "one run, no fallback needed");
    }

    @Test
    void garbageFromIocageIsAnErrorNamingTheLine() {
        fake.mode("garbage");
        String error = h.body("listjails").get("error").asText();
        assertTrue(error.startsWith("iocage printed output JailDesk cannot read"), error);
        assertTrue(error.contains("line 1"), error);
    }

    @Test
    void defaultsComeFromGetAllDefault() {
        JsonNode d = h.body("getdefaultsettings").get("defaults");
        assertEquals(List.of("get", "all", "default"), lastCall());
        assertEquals("vnet0:bridge0", d.get("interfaces").asText());
    }

    @Test
    void getjailsettingsInEachMode() {
        JsonNode all = h.body("getjailsettings", "jail", "db01");
        assertEquals(List.of("get", "all", "db01"), lastCall());
        assertEquals("-", all.get("db01").get("used").asText(), "readonly is mapped explicitly");
        assertEquals("vnet0:bridge0", all.get("db01").get("interfaces").asText());
        assertEquals(all, h.body("getjailsettings", "jail", "db01", "prop", "all"));
        JsonNode one = h.body("getjailsettings", "jail", "db01", "prop", "boot");
        assertEquals(List.of("get", "boot", "db01"), lastCall());
        assertEquals("1", one.get("db01").get("boot").asText());
        JsonNode across = h.body("getjailsettings", "switches", "-r", "prop", "boot");
        assertEquals(List.of("get", "-r", "-h", "boot"), lastCall());
        assertEquals("mail", across.get("mail").get("TAG").asText());
        assertEquals("0", across.get("mail").get("boot").asText());
    }

    @Test
    void getjailsettingsWithoutAJailIsABadRequestAndRunsNothing() {
        assertEquals("400", h.refused("getjailsettings", "prop", "vnet").code());
        assertEquals("400", h.refused("getjailsettings", "switches", "-x", "prop", "vnet").code());
        assertEquals("400", h.refused("getjailsettings").code());
        assertTrue(fake.actionCalls().isEmpty());
    }

    @Test
    void anUnknownJailIsAnApplicationError() {
        assertEquals("jail 'nosuch' not found!", h.body("getjailsettings", "jail", "nosuch").get("error").asText());
    }

    @Test
    void dfKeyedByNameWithTag() {
        JsonNode df = h.body("df");
        assertEquals(List.of("df", "-h"), lastCall());
        assertEquals("20G", df.get("mail").get("qta").asText());
        assertEquals("mail", df.get("mail").get("tag").asText());
    }

    @Test
    void startAndStopGiveStepLines() {
        JsonNode start = h.body("startjail", "jail", "plex");
        assertEquals(List.of("start", "plex"), lastCall());
        assertTrue(start.get("plex").has("* Starting plex"), start.toString());
        assertTrue(start.get("plex").has("+ Started OK"));
        JsonNode stop = h.body("stopjail", "jail", "plex");
        assertTrue(stop.get("plex").has("+ Removing jail process OK"), stop.toString());
    }

    @Test
    void alreadyRunningAndNotRunningAreInfoNotErrors() {
        assertEquals("db01 is already up", h.body("startjail", "jail", "db01").get("db01").get("INFO").asText());
        assertEquals("mail is already down", h.body("stopjail", "jail", "mail").get("mail").get("INFO").asText());
    }

    @Test
    void aFailedStartIsAnErrorWithTheStepsKept() {
        fake.mode("fail-start");
        JsonNode body = h.body("startjail", "jail", "plex");
        assertTrue(body.get("error").asText().contains("Refusing to start plex"), body.toString());
        assertTrue(body.get("plex").has("+ Starting services FAILED"));
    }

    @Test
    void restartStopsThenStarts() {
        JsonNode body = h.body("restartjail", "jail", "plex");
        assertEquals(List.of(List.of("stop", "plex"), List.of("start", "plex")), fake.actionCalls());
        assertTrue(body.get("plex").has("+ Removing jail process OK"));
        assertTrue(body.get("plex").has("* Starting plex"));
    }

    @Test
    void capjailIsNotSupportedByPythonIocageAndSaysSo() {
        assertEquals("capjail is not supported by iocage 1.2: it has no 'cap' command; it applies resource limits when they are set and at start",
                h.body("capjail", "jail", "plex").get("error").asText());
        assertTrue(fake.actionCalls().isEmpty());
    }

    @Test
    void clonejailMapsTagToName() {
        JsonNode body = h.body("clonejail", "jail", "mail", "props", "tag=mail2 boot=on");
        assertEquals(List.of("clone", "mail", "-n", "mail2", "boot=on"), lastCall());
        assertEquals("mail2 (mail2)", body.get("success").get("Successfully created").asText());
        assertEquals("mail", body.get("jail").asText());
        assertEquals("tag=mail2 boot=on", body.get("props").asText());
    }

    @Test
    void createjailMapsTheSeedsPropsToPythonFlags() {
        JsonNode body = h.body("createjail", "props", "tag=web03 release=13.2-RELEASE boot=on");
        assertEquals(List.of("create", "-r", "13.2-RELEASE", "-n", "web03", "boot=on"), lastCall());
        assertEquals("web03 (web03)", body.get("success").get("Successfully created").asText());
        assertEquals("", body.get("switches").asText());
    }

    @Test
    void createjailWithEmptySwitchAnswersTheUuidShape() {
        JsonNode body = h.body("createjail", "props", "tag=emptytest", "switches", "-e");
        assertEquals(List.of("create", "-e", "-n", "emptytest"), lastCall());
        assertEquals("emptytest", body.get("success").get("uuid").asText());
    }

    /** The ids of the progress events, as docs/protocol.md gives them: clients pick their own job's lines by them. */
    @Test
    void longJobsNameTheirProgressByActionAndTarget() throws Exception {
        List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutoCloseable sub = h.host.subscribe(e -> {
            if (e.name().equals("dispatcher") && e.args().path("state").asText().equals("running") && !e.args().has("line")) {
                ids.add(e.args().path("process_id").asText());
            }
        })) {
            h.body("createjail", "props", "tag=web04 release=13.2-RELEASE");
            h.body("createjail", "props", "release=13.2-RELEASE");
            h.body("fetchrelease", "release", "14.1-RELEASE");
            h.body("cleanreleases");
        }
        assertEquals(List.of("jaildesk_iocage_create_web04", "jaildesk_iocage_create_release=13.2-RELEASE",
                "jaildesk_iocage_fetch_14.1-RELEASE", "jaildesk_iocage_clean_r"), ids);
    }

    @Test
    void createjailReportsDownloadProgressAsEvents() throws Exception {
        List<Event> events = new ArrayList<>();
        try (AutoCloseable sub = h.host.subscribe(events::add)) {
            h.body("createjail", "props", "tag=web04 release=13.2-RELEASE");
        }
        assertTrue(events.stream().anyMatch(e -> e.args().path("percent").asInt() == 50), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.args().path("state").asText().equals("finished")));
        assertTrue(events.stream().anyMatch(e -> e.name().equals("jaildesk-jails")));
    }

    @Test
    void createjailWithAReleaseIocageCannotFindIsAnApplicationError() {
        assertEquals("99.0-RELEASE was not found!",
                h.body("createjail", "props", "tag=x release=99.0-RELEASE").get("error").asText());
    }

    @Test
    void createjailWithoutReleaseIsABadRequest() {
        assertTrue(h.refused("createjail", "props", "tag=x").message().contains("release"));
        assertTrue(h.refused("createjail", "props", "tag=x release=13.2-RELEASE", "switches", "-Z").message().contains("switches"));
    }

    @Test
    void destroyRefusesARunningJailAndDestroysAStoppedOne() {
        assertEquals("jail db01 is running: stop it first", h.body("destroyjail", "jail", "db01").get("error").asText());
        assertFalse(fake.actionCalls().stream().anyMatch(c -> c.get(0).equals("destroy")));
        JsonNode body = h.body("destroyjail", "jail", "mail");
        assertEquals(List.of("destroy", "-f", "mail"), lastCall());
        assertEquals("mail", body.get("success").get("Destroying").asText());
    }

    @Test
    void execjailRunsTheCommandInsideTheJailAfterDoubleDash() {
        JsonNode body = h.body("execjail", "jail", "plex", "user", "root", "command", "echo hi");
        assertEquals(List.of("exec", "-U", "root", "plex", "--", "echo hi"), lastCall());
        assertTrue(body.get("success").has("hi"));
        assertEquals("hi", body.get("output").get(0).asText());
        assertEquals("Command: false failed!", h.body("execjail", "jail", "plex", "user", "root", "command", "false")
                .get("error").asText());
    }

    @Test
    void cleanActionsPassForceAndAnswerTheSeedsTexts() {
        assertEquals("All iocage datasets have been cleaned.", h.body("cleanall").get("success").asText());
        assertEquals(List.of("clean", "-f", "-a"), lastCall());
        assertEquals("All jails have been cleaned.", h.body("cleanjails").get("success").asText());
        assertEquals("All RELEASEs have been cleaned.", h.body("cleanreleases").get("success").asText());
        assertEquals("All templates have been cleaned.", h.body("cleantemplates").get("success").asText());
        assertEquals(List.of("clean", "-f", "-t"), lastCall());
    }

    @Test
    void pools() {
        assertEquals("pool tank activated.", h.body("activatepool", "pool", "tank").get("success").asText());
        assertEquals(List.of("activate", "tank"), lastCall());
        assertEquals("ZFS pool 'nopool' not found!", h.body("activatepool", "pool", "nopool").get("error").asText());
        assertEquals("tank", h.body("activatepool").get("currently active").get("pool").asText());
        assertEquals(List.of("get", "-p"), lastCall());
        assertTrue(h.body("deactivatepool", "pool", "tank").get("error").asText().startsWith("deactivatepool is not supported by iocage 1.2"));
        JsonNode status = h.body("activatestatus");
        assertEquals("true", status.get("activated").asText());
        assertEquals("tank", status.get("pool").asText());
    }

    @Test
    void setjailsettingsValidatesThenSetsAllInOneCall() {
        JsonNode body = h.body("setjailsettings", "jail", "mail", "props", "boot=on priority=10 vnet=on");
        assertEquals(List.of("set", "boot=on", "priority=10", "vnet=on", "mail"), lastCall());
        assertEquals("0 -> 10", body.get("success").get("priority").asText());
        assertEquals("vnet", body.get("restart").get(0).asText(), "vnet needs a restart");
        assertTrue(h.refused("setjailsettings", "jail", "mail", "props", "priority=500").message().contains("priority"));
        assertTrue(h.refused("setjailsettings", "jail", "mail", "props", "nat_prefix=10.1").message().contains("defaults"));
        h.body("setjailsettings", "jail", "default", "props", "nat_prefix=10.1");
        assertEquals(List.of("set", "nat_prefix=10.1", "default"), lastCall());
    }

    @Test
    void setjailsettingsTakesAnObjectForValuesWithSpaces() throws Exception {
        JsonNode args = HostHarness.CODEC.mapper().readTree(
                "{\"action\":\"setjailsettings\",\"jail\":\"mail\",\"props\":{\"notes\":\"postgres 15 primary\"}}");
        h.send(args);
        assertEquals(List.of("set", "notes=postgres 15 primary", "mail"), lastCall());
    }

    @Test
    void releasesTemplatesAndFetch() {
        assertEquals("13.2-RELEASE", h.body("listreleases").get("local").get(1).asText());
        assertEquals("template", h.body("listtemplates").get("templates").get("tmpl-web").get("type").asText());
        assertEquals(List.of("list", "-t", "-l", "-h"), lastCall());
        JsonNode fetched = h.body("fetchrelease", "release", "13.2-RELEASE");
        assertEquals(List.of("fetch", "-r", "13.2-RELEASE"), lastCall());
        assertEquals("13.2-RELEASE", fetched.get("release").asText());
        h.body("createjail", "props", "tag=web09 template=tmpl-web");
        assertEquals(List.of("create", "-t", "tmpl-web", "-n", "web09"), lastCall());
        JsonNode remote = h.body("listremotereleases").get("remote");
        assertEquals(List.of("list", "-R"), lastCall());
        assertEquals("13.4-RELEASE", remote.get(0).asText());
        assertEquals("15.0-RELEASE", remote.get(remote.size() - 1).asText());
        assertEquals(6, remote.size());
    }
}
