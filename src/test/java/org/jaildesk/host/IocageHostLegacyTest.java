package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every action against fake legacy iocage (develop, the API page's dialect, and 1.7.x) through the ProcessRunner. */
class IocageHostLegacyTest {

    private static final String WWW = "0bf985de-ca0f-11e5-8d45-d05099728dbf";
    private static final String TESTJAIL = "611c89ae-c43c-11e5-9602-54ee75595566";

    @Nested
    class Develop extends OverFake {

        Develop() {
        }

        @org.junit.jupiter.api.BeforeEach
        void start() {
            open(FakeIocage.Kind.LEGACY_DEVELOP);
        }

        @Test
        void listjailsKeyedByUuidWithTags() {
            JsonNode body = h.body("listjails");
            assertEquals(List.of("list"), lastCall());
            assertEquals("www01", body.get(WWW).get("tag").asText());
            assertEquals("basejail", body.get(WWW).get("type").asText());
            assertEquals("2016-02-09@23:47:04", body.get("9b8e1033-d065-11e5-8209-d05099728dbf").get("tag").asText());
        }

        @Test
        void defaultsAndSettings() {
            assertEquals("8G:log", h.body("getdefaultsettings").get("defaults").get("memoryuse").asText());
            assertEquals(List.of("defaults"), lastCall());
            assertEquals("https://github.com", h.body("getjailsettings", "jail", "www01").get("www01").get("gitlocation").asText(),
                    "values are never cut at a colon");
            assertEquals("on", h.body("getjailsettings", "switches", "-r", "prop", "vnet")
                    .get("9b8e1033-d065-11e5-8209-d05099728dbf").get("vnet").asText());
            assertEquals(List.of("get", "-r", "vnet"), lastCall());
        }

        @Test
        void dfWithTags() {
            assertEquals("testjail", h.body("df").get(TESTJAIL).get("tag").asText());
        }

        @Test
        void startStopAndAlreadyStates() {
            JsonNode start = h.body("startjail", "jail", "testjail");
            assertTrue(start.get("testjail").has("+ Started (shared IP mode) OK"), start.toString());
            assertEquals("www01 is already up", h.body("startjail", "jail", "www01").get("www01").get("INFO").asText());
            assertEquals("testjail is already down", h.body("stopjail", "jail", "testjail").get("testjail").get("INFO").asText());
        }

        @Test
        void capCloneCreateDestroyExec() {
            assertEquals("jail testjail capped.", h.body("capjail", "jail", "testjail").get("success").asText());
            assertEquals(List.of("cap", "testjail"), lastCall());
            assertEquals("5e1fe97e-cfba-11e5-8209-d05099728dbf (newtest)",
                    h.body("clonejail", "jail", "testjail", "props", "tag=newtest").get("success").get("Successfully created").asText());
            assertEquals(List.of("clone", "testjail", "tag=newtest"), lastCall());
            assertEquals("3030c554-d05e-11e5-8209-d05099728dbf (test)",
                    h.body("createjail", "props", "tag=test release=10.2-RELEASE").get("success").get("Successfully created").asText());
            assertEquals(List.of("create", "release=10.2-RELEASE", "tag=test"), lastCall());
            assertEquals("1325b8bc-d05e-11e5-8209-d05099728dbf",
                    h.body("createjail", "props", "tag=emptytest", "switches", "-e").get("success").get("uuid").asText());
            assertEquals("  ERROR: RELEASE 99.0-RELEASE not found locally.".trim(),
                    h.body("createjail", "props", "tag=x release=99.0-RELEASE").get("error").asText());
            assertEquals(TESTJAIL, h.body("destroyjail", "jail", "testjail").get("success").get("Destroying").asText());
            assertEquals(List.of("destroy", "-f", TESTJAIL), lastCall());
            assertTrue(h.body("execjail", "jail", "testjail", "user", "root", "command", "echo hi").get("success").has("hi"));
            assertEquals(List.of("exec", "-U", "root", "testjail", "echo hi"), lastCall());
        }

        @Test
        void cleanPoolsAndSet() {
            assertEquals("All jails have been cleaned.", h.body("cleanjails").get("success").asText());
            assertEquals(List.of("clean", "-f", "-j"), lastCall());
            assertEquals("tank", h.body("activatepool").get("currently active").get("pool").asText());
            assertEquals(List.of("activate"), lastCall());
            assertEquals("pool tank activated.", h.body("activatepool", "pool", "tank").get("success").asText());
            assertEquals("nopool is not a valid pool!".length() > 0, true);
            assertTrue(h.body("activatepool", "pool", "nopool").get("error").asText().contains("not a valid pool"));
            assertEquals("pool tank deactivated.", h.body("deactivatepool", "pool", "tank").get("success").asText());
            h.body("setjailsettings", "jail", "testjail", "props", "boot=on notes=x");
            assertEquals(List.of("set", "boot=on", "notes=x", "testjail"), lastCall());
            assertEquals("10.3-RELEASE", h.body("listreleases").get("local").get(1).asText());
            assertEquals("tmpl-web", h.body("listtemplates").get("templates").get("b67065a9-cfb9-11e5-8209-d05099728dbf")
                    .get("tag").asText());
            h.body("fetchrelease", "release", "11.0-RELEASE");
            assertEquals(List.of("fetch", "release=11.0-RELEASE"), lastCall());
            // Legacy iocage has no remote listing: nothing runs, and the reason says to type the release.
            int before = fake.actionCalls().size();
            assertTrue(h.body("listremotereleases").get("error").asText().contains("type the release to fetch"));
            assertEquals(before, fake.actionCalls().size());
            // Nor has its create a template: refused, rather than a jail made from a release instead.
            String refused = h.body("createjail", "props", "tag=web09 template=tmpl-web").get("error").asText();
            assertTrue(refused.contains("clone the template instead"), refused);
            assertEquals(before, fake.actionCalls().size());
        }
    }

    @Nested
    class Master extends OverFake {

        Master() {
        }

        @org.junit.jupiter.api.BeforeEach
        void start() {
            open(FakeIocage.Kind.LEGACY_17);
        }

        @Test
        void listStopsBeforeNonIocageJails() {
            JsonNode body = h.body("listjails");
            assertEquals(3, body.size());
            assertEquals("192.168.1.21", body.get(WWW).get("ip4").asText());
        }

        @Test
        void showForAcrossJailsAndTheAlreadyUpLineOnStdout() {
            h.body("getjailsettings", "switches", "-r", "prop", "vnet");
            assertEquals(List.of("show", "vnet"), lastCall());
            assertEquals("www01 is already up", h.body("startjail", "jail", "www01").get("www01").get("INFO").asText());
        }

        @Test
        void cleanAnswersThePromptOnStdin() {
            assertEquals("All jails have been cleaned.", h.body("cleanjails").get("success").asText());
            assertEquals(List.of("clean", "-j"), lastCall());
            assertTrue(h.body("cleantemplates").get("error").asText().startsWith("cleantemplates is not supported"));
        }

        @Test
        void createFindsTheNewUuidInTheListingBecause17SaysNothing() {
            JsonNode body = h.body("createjail", "props", "tag=web05 release=10.2-RELEASE");
            assertEquals("4d5e6f70-cfb9-11e5-8209-d05099728dbf (web05)", body.get("success").get("Successfully created").asText());
        }

        @Test
        void setIsOnePropertyPerCall() {
            h.body("setjailsettings", "jail", "www01", "props", "boot=on priority=5");
            assertEquals(List.of(List.of("set", "boot=on", "www01"), List.of("set", "priority=5", "www01")), fake.actionCalls());
        }
    }
}
