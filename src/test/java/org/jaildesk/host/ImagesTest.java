package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jaildesk.client.InProcessTransport;
import org.jaildesk.client.IocageClient;
import org.jaildesk.domain.Jail;
import org.jaildesk.protocol.ErrorReply;
import org.jaildesk.protocol.Protocol;
import org.jaildesk.sim.SimulatedIocage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code exportjail} and {@code importjail} extensions: iocage's export and import, as long jobs. */
class ImagesTest extends OverFake {

    @Test
    void pythonExportsAStoppedJailByNameAndSaysWhereTheImageIs() {
        open(FakeIocage.Kind.PYTHON);
        List<String> lines = progressLines(h.host);
        JsonNode body = h.body("exportjail", "jail", "mail");
        assertTrue(fake.actionCalls().contains(List.of("export", "mail")), fake.actionCalls().toString());
        assertEquals("/zroot/iocage/images/mail_2026-11-27.zip", body.get("image").asText());
        assertEquals("mail exported to /zroot/iocage/images/mail_2026-11-27.zip", body.get("success").asText());
        assertTrue(lines.contains("Exporting dataset: zroot/iocage/jails/mail/root"), lines.toString());
        assertTrue(Protocol.isLong("exportjail") && Protocol.isLong("importjail"), "a jail's whole data: a long action's limits");
    }

    @Test
    void aRunningJailIsNotExported() {
        open(FakeIocage.Kind.PYTHON);
        assertEquals("jail db01 is running: stop it before exporting it", h.body("exportjail", "jail", "db01").get("error").asText());
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.get(0).equals("export")), "no export ran");
    }

    @Test
    void anImageIsImportedByItsWholeNameWithoutItsExtension() {
        open(FakeIocage.Kind.PYTHON);
        List<String> lines = progressLines(h.host);
        JsonNode body = h.body("importjail", "image", "old_2026-11-27.zip");
        assertEquals(List.of("import", "old_2026-11-27"), lastCall());
        assertEquals("old", body.get("jail").asText());
        assertEquals("jail old imported from old_2026-11-27.zip", body.get("success").asText());
        assertTrue(lines.contains("Importing dataset: old/root"), lines.toString());
        assertTrue(h.body("importjail", "image", "gone_2026-11-01").get("error").asText().contains("gone_2026-11-01 not found!"));
    }

    /**
     * iocage receives an image with zfs recv -F: over a jail of the same name. iocage finds the file by a pattern in
     * which a '.' matches anything, so "m.il" would find mail's image.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mail_2026-11-27", "mail_2026-11-27.zip", "m.il_2026-11-27", "tmpl-web_2026-01-02.tar.xz"})
    void anImageOfAJailOnTheHostIsNotImportedOverIt(String image) {
        open(FakeIocage.Kind.PYTHON);
        String error = h.body("importjail", "image", image).get("error").asText();
        assertTrue(error.contains("is on this host: importing " + image + " would overwrite it"), error);
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.get(0).equals("import")), "no import ran");
    }

    /**
     * The pattern finds any image whose name begins with the one given: "box_2026-11-27" would find the image of a jail
     * named "box_2026-11-27-old" and receive it over that jail.
     */
    @Test
    void anImageThePatternWouldFindOfAnotherJailOnTheHostIsNotImportedEither() {
        try (HostHarness sim = new HostHarness(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            sim.body("createjail", "props", "tag=box_2026-11-27-old release=13.2-RELEASE");
            assertFalse(sim.body("exportjail", "jail", "box_2026-11-27-old").has("error"));
            String error = sim.body("importjail", "image", "box_2026-11-27").get("error").asText();
            assertTrue(error.startsWith("a jail or template named box_2026-11-27-old is on this host"), error);
        }
    }

    /** The images folder is the active pool's iocage's: another pool's iocage does not see them. */
    @Test
    void theDemoHostKeepsImagesWithTheirPool() {
        try (HostHarness sim = new HostHarness(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            String path = sim.body("exportjail", "jail", "git").get("image").asText();
            String image = path.substring(path.lastIndexOf('/') + 1);
            sim.body("destroyjail", "jail", "git");
            sim.body("activatepool", "pool", "backup");
            assertTrue(sim.body("importjail", "image", image).get("error").asText().contains("not found"), "not on backup");
            sim.body("activatepool", "pool", "tank");
            assertEquals("git", sim.body("importjail", "image", image).get("jail").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-f", "a;b", "$(x)", "mail", "mail_2026-11-27.tgz", "mail_27-11-2026", "-x_2026-11-27",
        "a\nb_2026-11-27", "ALL_2026-11-27", "_2026-11-27"})
    void aBadImageNameRunsNothing(String image) {
        open(FakeIocage.Kind.PYTHON);
        ErrorReply e = h.refused("importjail", "image", image);
        assertEquals("400", e.code(), e.message());
        assertEquals(List.of(), fake.calls(), "nothing ran");
    }

    @Test
    void aHugeImageNameIsRefusedShortly() {
        open(FakeIocage.Kind.PYTHON);
        ErrorReply e = h.refused("importjail", "image", "a".repeat(100_000) + "_2026-11-27");
        assertEquals("400", e.code());
        assertTrue(e.message().length() < 400, "the message does not echo a huge value");
        assertEquals(List.of(), fake.calls(), "nothing ran");
    }

    @Test
    void legacyIocageIsNotAskedEither() {
        open(FakeIocage.Kind.LEGACY_DEVELOP);
        assertTrue(h.body("exportjail", "jail", "testjail").get("error").asText().startsWith("exportjail is not supported by iocage"));
        assertTrue(h.body("importjail", "image", "x_2026-11-27").get("error").asText().startsWith("importjail is not supported by iocage"));
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.get(0).equals("export") || c.get(0).equals("import")),
                fake.actionCalls().toString());
    }

    /** Python's clean -i destroys the images dataset; legacy iocage has none and is not asked. */
    @Test
    void cleaningTheImagesIsPythonsCleanDashI() {
        open(FakeIocage.Kind.PYTHON);
        h.body("cleanimages");
        assertEquals(List.of("clean", "-f", "-i"), lastCall());
        assertTrue(Protocol.isLong("cleanimages") && Protocol.MUTATING_ACTIONS.contains("cleanimages"));
    }

    @Test
    void legacyIocageIsNotAskedToCleanImages() {
        open(FakeIocage.Kind.LEGACY_DEVELOP);
        String error = h.body("cleanimages").get("error").asText();
        assertTrue(error.startsWith("cleanimages is not supported by iocage") && error.endsWith("it has no 'clean -i'"), error);
        assertTrue(fake.actionCalls().stream().noneMatch(c -> c.get(0).equals("clean")), fake.actionCalls().toString());
    }

    /** The demo host's images go with clean -i, and with clean -a (the whole of iocage's dataset holds them). */
    @ParameterizedTest
    @ValueSource(strings = {"cleanimages", "cleanall"})
    void theDemoHostsImagesGoWithTheirDataset(String clean) {
        try (HostHarness sim = new HostHarness(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            assertEquals(2, sim.body("listimages").get("images").size());
            assertFalse(sim.body(clean).has("error"));
            assertEquals(0, sim.body("listimages").get("images").size());
        }
    }

    /** On the demo host an exported jail, destroyed, comes back from its image as it was. */
    @Test
    void aDestroyedJailComesBackFromItsImage() {
        try (IocageHost host = new IocageHost(new SimulatedIocage(SimulatedIocage.Config.instant(SimulatedIocage.Flavor.PYTHON)),
                HostOptions.defaults())) {
            IocageClient c = new IocageClient(new InProcessTransport(host));
            c.setJailSettings("mail", java.util.Map.of("notes", "before the export")).join();
            String exported = c.exportJail("mail").join();
            assertTrue(exported.matches("/tank/iocage/images/mail_\\d{4}-\\d{2}-\\d{2}\\.zip"), exported);
            String image = exported.substring(exported.lastIndexOf('/') + 1);
            c.destroyJail("mail").join();
            assertFalse(names(c).contains("mail"));
            assertEquals("mail", c.importJail(image).join().id());
            assertTrue(names(c).contains("mail"));
            assertEquals("before the export", c.getJailSettings("mail").join().get("notes"));
            String again = c.importJail(image).handle((ok, e) -> e.getCause().getMessage()).join();
            assertTrue(again.contains("would overwrite it"), again);
        }
    }

    private static List<String> names(IocageClient c) {
        return c.listJails().join().stream().map(Jail::id).toList();
    }
}
