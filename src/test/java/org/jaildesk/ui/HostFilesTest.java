package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notice;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.connect.HostEntry;
import org.jaildesk.ui.connect.HostStore;
import org.jaildesk.ui.connect.HostsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Export hosts… and Import hosts…: the saved hosts to a file and back, and what a bad file changes (nothing). */
@ExtendWith(ApplicationExtension.class)
class HostFilesTest {

    @TempDir
    Path dir;
    private final Messages msg = new Messages(Locale.ENGLISH);

    /** A desktop's hosts: its own folder, its notices. */
    private record Desk(HostsViewModel hosts, Notifier notifier, HostFiles files, Path hostsJson) {
        List<String> names() {
            return hosts.hosts().stream().map(HostEntry::name).toList();
        }

        String lastNotice() {
            List<Notice> all = notifier.notices();
            return all.isEmpty() ? "" : all.get(all.size() - 1).message();
        }
    }

    private Desk desk(String folder) throws Exception {
        return desk(folder, msg);
    }

    private Desk desk(String folder, Messages msg) throws Exception {
        Path config = Files.createDirectories(dir.resolve(folder));
        Notifier notifier = new Notifier(msg);
        HostsViewModel hosts = new HostsViewModel(List.of(new HostEntry("demo", "Demo host", HostEntry.Kind.DEMO, "", "")),
                new HostStore(config.resolve("hosts.json")), null, (h, k, e) -> null, Platform::runLater, msg, notifier);
        HostFiles files = WaitForAsyncUtils.asyncFx(() -> new HostFiles(hosts, msg, notifier, (Stage) null)).get();
        return new Desk(hosts, notifier, files, config.resolve("hosts.json"));
    }

    private static <T> T onFx(java.util.concurrent.Callable<java.util.concurrent.CompletableFuture<T>> call) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(call).get().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    @Test
    void hostsExportedFromOneDeskAreAddedOnAnotherWithoutPasswords() throws Exception {
        Desk office = desk("office");
        WaitForAsyncUtils.asyncFx(() -> {
            office.hosts().addRemote("nas1", "wss://nas1.example:12150", "admin");
            office.hosts().addRemote("backup", "wss://10.0.0.9", "ops");
        }).get();
        Path file = dir.resolve("team-hosts.json");
        assertEquals(2, onFx(() -> office.files().exportTo(file)));
        String written = Files.readString(file);
        assertTrue(written.contains("wss://nas1.example:12150") && written.contains("\"ops\""), written);
        assertFalse(written.contains("Demo host"), "the built-in hosts are not exported");
        assertEquals("2 hosts written to " + file + ", with their addresses and users; no passwords.", office.lastNotice());

        Desk home = desk("home");
        HostsViewModel.Imported imported = onFx(() -> home.files().importFrom(file));
        assertEquals(List.of("nas1", "backup"), imported.added());
        assertEquals(List.of("Demo host", "nas1", "backup"), home.names());
        assertEquals("2 hosts added from team-hosts.json: nas1, backup.", home.lastNotice());
        assertTrue(Files.readString(home.hostsJson()).contains("wss://10.0.0.9"), "saved at once");
    }

    @Test
    void aSavedAddressKeepsItsNameAndABadEntryIsLeftOutWithItsReason() throws Exception {
        Desk desk = desk("d");
        WaitForAsyncUtils.asyncFx(() -> desk.hosts().addRemote("my nas", "wss://nas1:12150", "me")).get();
        Path file = dir.resolve("hosts-in.json");
        Files.writeString(file, """
                [{"name": "nas1", "url": "wss://nas1:12150", "user": "admin"},
                 {"name": "x", "url": "wss://$(x);-f", "user": "admin"},
                 {"name": "web", "url": "https://web:12150", "user": "admin"},
                 {"name": "db", "url": "wss://db:12150", "user": "root user"},
                 {"name": "%s", "url": "wss://long:12150", "user": "admin"},
                 {"name": "ok", "url": "wss://ok:12150", "user": "admin"},
                 {"name": "ok again", "url": "wss://ok:12150", "user": "other"}]
                """.formatted("n".repeat(10_000)));
        HostsViewModel.Imported imported = onFx(() -> desk.files().importFrom(file));
        assertEquals(List.of("ok"), imported.added());
        assertEquals(List.of("Demo host", "my nas", "ok"), desk.names(), "the saved address keeps its own name and user");
        assertEquals(6, imported.leftOut().size(), imported.leftOut().toString());
        assertTrue(imported.leftOut().contains("nas1: its address is saved already (as my nas)"), imported.leftOut().toString());
        String notice = desk.lastNotice();
        assertTrue(notice.startsWith("1 host added from hosts-in.json: ok. 6 left out: "), notice);
        assertTrue(notice.length() < 900, "a long reason is cut, not 10,000 characters in the notice bar");
    }

    @Test
    void aFileThatCannotBeAHostListChangesNothingAndIsLeftAsItIs() throws Exception {
        Desk desk = desk("d");
        WaitForAsyncUtils.asyncFx(() -> desk.hosts().addRemote("nas1", "wss://nas1:12150", "admin")).get();
        String saved = Files.readString(desk.hostsJson());
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "[" + "{\"name\": \"a\", \"url\": \"wss://a\", \"user\": \"u\"},".repeat(240_000) + "{}]");
        assertTrue(Files.size(huge) > 10_000_000);
        Path notJson = dir.resolve("notes.txt");
        Files.writeString(notJson, "nas1 wss://nas1:12150\n$(rm -rf /)\n");
        Path object = dir.resolve("object.json");
        Files.writeString(object, "{\"name\": \"nas2\", \"url\": \"wss://nas2:12150\", \"user\": \"admin\"}");
        Path missing = dir.resolve("nowhere.json");
        for (Path bad : List.of(huge, notJson, object, missing)) {
            String before = Files.exists(bad) ? Files.readString(bad) : null;
            ExecutionException e = assertThrows(ExecutionException.class, () -> onFx(() -> desk.files().importFrom(bad)));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(desk.lastNotice().startsWith("No hosts imported from " + bad + ": "), desk.lastNotice());
            assertEquals(List.of("Demo host", "nas1"), desk.names(), bad + " added nothing");
            assertEquals(saved, Files.readString(desk.hostsJson()));
            assertEquals(before, Files.exists(bad) ? Files.readString(bad) : null, bad + " is left as it was, not moved aside");
        }
        assertTrue(desk.lastNotice().endsWith("no such file or folder"), desk.lastNotice());
    }

    /** Why a file is refused whole is said in the window's language, as the rest of the notice is. */
    @Test
    void aRefusedFileIsSaidInTheWindowsLanguage() throws Exception {
        Desk desk = desk("de", new Messages(Locale.GERMAN));
        Path object = Files.writeString(dir.resolve("object.json"), "{\"name\": \"nas2\"}");
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "$(rm -rf /)");
        Path missing = dir.resolve("nowhere.json");
        List<String> said = new java.util.ArrayList<>();
        for (Path bad : List.of(object, notJson, missing)) {
            assertThrows(ExecutionException.class, () -> onFx(() -> desk.files().importFrom(bad)));
            WaitForAsyncUtils.waitForFxEvents();
            said.add(desk.lastNotice());
        }
        assertTrue(said.get(0).endsWith(": sie ist keine Liste von Hosts"), said.get(0));
        assertTrue(said.get(1).endsWith(": sie ist keine von JailDesk geschriebene Hostliste (kein JSON)"), said.get(1));
        assertTrue(said.get(2).endsWith(missing + ": keine solche Datei und kein solcher Ordner"), said.get(2));
    }

    @Test
    void anExportThatCannotBeWrittenSaysWhy() throws Exception {
        Desk desk = desk("d");
        WaitForAsyncUtils.asyncFx(() -> desk.hosts().addRemote("nas1", "wss://nas1:12150", "admin")).get();
        Path aFile = Files.writeString(dir.resolve("plain-file"), "x");
        Path inside = aFile.resolve("hosts.json");
        assertThrows(ExecutionException.class, () -> onFx(() -> desk.files().exportTo(inside)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(desk.lastNotice().startsWith("The hosts could not be written to " + inside + ": "), desk.lastNotice());
        assertEquals("x", Files.readString(aFile));
    }
}
