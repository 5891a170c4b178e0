package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code listimages} extension: iocage lists no images, so the host asks {@code zfs} where the images dataset is
 * mounted and {@code find} for the image files there, each through a stand-in that notes its arguments.
 */
class ImageListTest extends OverFake {

    /** A stand-in for one of the host's programs that says "<name>: it went wrong" when it fails. */
    private Path tool(String name, String out, int code) throws Exception {
        return FakeTool.write(dir, name, out, code != 0 ? name + ": it went wrong" : null, code);
    }

    private void open(FakeIocage.Kind kind, String zfsOut, int zfsCode, String findOut) throws Exception {
        fake = new FakeIocage(dir, kind);
        h = new HostHarness(new ProcessRunner(fake.executable(), ProcessRunner.Privilege.NONE)
                .withTool(Tool.ZFS, tool("zfs", zfsOut, zfsCode)).withTool(Tool.FIND, tool("find", findOut, 0)));
    }

    private List<String> argv(String tool) throws Exception {
        return FakeTool.argv(dir, tool);
    }

    @Test
    void theImagesFolderIsListedNewestFirstWithTwoCommandsWhateverItHolds() throws Exception {
        open(FakeIocage.Kind.PYTHON, "/tank/iocage/images\n", 0,
                "431298560 1764279012 /tank/iocage/images/mail_2026-11-27.zip\n"
                + "120 1727000000 /tank/iocage/images/wiki_2024-09-22.tar.xz\n"
                + "99 1764200000 /tank/iocage/images/ALLES_2026-11-26.zip\n"
                + "5 1764300000 /tank/iocage/images/db01_2026-11-28.zip\n");
        List<ExecutedCommand> ran = new ArrayList<>();
        h.host.onCommand(ran::add);
        JsonNode body = h.body("listimages");
        assertEquals("/tank/iocage/images", body.get("folder").asText());
        JsonNode images = body.get("images");
        assertEquals(3, images.size(), "a name iocage would read as 'all jails' is left out: " + images);
        assertEquals("db01_2026-11-28.zip", images.get(0).get("image").asText());
        assertEquals("mail_2026-11-27.zip", images.get(1).get("image").asText());
        assertEquals("mail", images.get(1).get("jail").asText());
        assertEquals("431298560", images.get(1).get("size").asText());
        assertEquals("2025-11-27T21:30:12Z", images.get(1).get("modified").asText());
        assertEquals("wiki_2024-09-22.tar.xz", images.get(2).get("image").asText());
        assertEquals(List.of("get", "-H", "-o", "value", "mountpoint", "tank/iocage/images"), argv("zfs"));
        assertEquals(List.of("-E", "/tank/iocage/images", "-maxdepth", "1", "-type", "f", "-regex",
                ".*/[A-Za-z0-9._-]+_[0-9]{4}-[0-9]{2}-[0-9]{2}\\.(zip|tar\\.xz)", "-exec", "/usr/bin/stat", "-f",
                "%z %m %N", "{}", "+"), argv("find"));
        List<String> shown = ran.stream().map(c -> c.commandLine().get(0).equals("iocage") ? String.join(" ", c.commandLine())
                : c.commandLine().get(0)).filter(c -> !c.equals("iocage --version")).toList();
        assertEquals(List.of("iocage get -p", "zfs", "find"), shown, "the protocol log shows what ran");
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.get(0).equals("export") || c.get(0).equals("import")),
                "nothing changes");
    }

    @Test
    void anEmptyFolderHasNoImages() throws Exception {
        open(FakeIocage.Kind.PYTHON, "/mnt/tank/iocage/images\n", 0, "");
        JsonNode body = h.body("listimages");
        assertEquals("/mnt/tank/iocage/images", body.get("folder").asText());
        assertEquals(0, body.get("images").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "legacy", "-", "", "tank/iocage/images", "/tank/iocage/images\n/other"})
    void aMountpointThatIsNoFolderIsAnErrorAndNothingIsSearched(String mountpoint) throws Exception {
        open(FakeIocage.Kind.PYTHON, mountpoint + "\n", 0, "");
        String error = h.body("listimages").get("error").asText();
        assertTrue(error.startsWith("the images dataset tank/iocage/images is not mounted on a folder"), error);
        assertEquals(List.of(), argv("find"));
    }

    @Test
    void aFailingZfsIsAnErrorWithWhatItSaid() throws Exception {
        open(FakeIocage.Kind.PYTHON, "", 1, "");
        assertEquals("zfs failed (exit 1): zfs: it went wrong", h.body("listimages").get("error").asText());
        assertEquals(List.of(), argv("find"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a line of its own", "12 1764279012", "x 1764279012 /tank/iocage/images/mail_2026-11-27.zip",
        "12 1764279012 /etc/mail_2026-11-27.zip", "12 1764279012 /tank/iocage/images/old/mail_2026-11-27.zip",
        "12 1764279012 /tank/iocage/imagesX/mail_2026-11-27.zip"})
    void findOutputItCannotReadIsAnErrorNamingTheLine(String line) throws Exception {
        open(FakeIocage.Kind.PYTHON, "/tank/iocage/images\n", 0, "5 1764300000 /tank/iocage/images/db01_2026-11-28.zip\n" + line + "\n");
        String error = h.body("listimages").get("error").asText();
        assertTrue(error.startsWith("find printed output JailDesk cannot read: ") && error.contains("(line 2: '"), error);
    }

    @Test
    void legacyIocageIsNotAsked() throws Exception {
        open(FakeIocage.Kind.LEGACY_DEVELOP, "/iocage/images\n", 0, "");
        String error = h.body("listimages").get("error").asText();
        assertTrue(error.startsWith("listimages is not supported by iocage"), error);
        assertEquals(List.of(), fake.actionCalls(), "not even asked for its pool");
        assertEquals(List.of(), argv("zfs"));
        assertEquals(List.of(), argv("find"));
    }

    /** The demo host lists what it holds: two images from before, then each one exported, newest first. */
    @Test
    void theDemoHostListsItsImagesAndAnExportComesFirst() {
        try (HostHarness sim = new HostHarness(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            JsonNode before = sim.body("listimages");
            assertEquals("/tank/iocage/images", before.get("folder").asText());
            assertEquals(List.of("git_2026-10-30.zip", "wiki_2026-09-14.zip"), names(before));
            assertFalse(sim.body("exportjail", "jail", "mail").has("error"));
            List<String> after = names(sim.body("listimages"));
            assertEquals(3, after.size());
            assertTrue(after.get(0).startsWith("mail_"), after.toString());
            assertFalse(sim.body("importjail", "image", "wiki_2026-09-14.zip").has("error"));
            assertEquals(after, names(sim.body("listimages")), "an import leaves its image where it was");
        }
        try (HostHarness legacy = new HostHarness(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.LEGACY)),
                HostOptions.defaults())) {
            assertTrue(legacy.body("listimages").get("error").asText().startsWith("listimages is not supported by"));
        }
    }

    private static List<String> names(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("images").forEach(i -> out.add(i.get("image").asText()));
        return out;
    }
}
