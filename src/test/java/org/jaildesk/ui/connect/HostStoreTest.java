package org.jaildesk.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jaildesk.client.SavedFile;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hosts.json is edited by hand and written by other versions: what cannot be used is set aside whole, as it was, and
 * never lost to the next save; what can be used is listed.
 */
class HostStoreTest {

    @TempDir
    Path dir;
    private final List<SavedFile.SetAside> told = new ArrayList<>();

    private HostsViewModel hosts() {
        Messages msg = new Messages(Locale.ENGLISH);
        return new HostsViewModel(List.of(), new HostStore(new SavedFile(dir.resolve("hosts.json"), HostStore.LIMIT, told::add)),
                null, (h, k, e) -> null, Runnable::run, msg, new Notifier(msg));
    }

    private List<String> names(HostsViewModel hosts) {
        return hosts.hosts().stream().map(HostEntry::name).toList();
    }

    @Test
    void aFileThatIsNoJsonIsKeptAndAHostAddedLaterDoesNotOverwriteIt() throws Exception {
        String damaged = "[{\"name\": \"nas\", \"url\": \"wss://nas:12150\", \"user\": \"admin\"},\n{\"name\": \"web\"";
        Files.writeString(dir.resolve("hosts.json"), damaged);
        HostsViewModel hosts = hosts();
        assertEquals(List.of(), names(hosts));
        Path kept = told.get(0).keptAs().orElseThrow();

        hosts.addRemote("db", "wss://db:12150", "admin");
        assertEquals(damaged, Files.readString(kept));
        assertEquals(List.of("db"), names(hosts()));
    }

    @Test
    void aFieldOfALaterVersionIsNoReasonToDropTheHosts() throws Exception {
        Files.writeString(dir.resolve("hosts.json"),
                "[{\"name\": \"nas\", \"url\": \"wss://nas:12150\", \"user\": \"admin\", \"colour\": \"green\"}]");
        assertEquals(List.of("nas"), names(hosts()));
        assertTrue(told.isEmpty());
    }

    @Test
    void hostsTheWindowWouldRefuseAreSetAsideAndTheOthersKept() throws Exception {
        String original = "[{\"name\": \"" + "n".repeat(70) + "\", \"url\": \"wss://long:12150\", \"user\": \"admin\"},\n"
                + " 42,\n"
                + " {\"name\": \"nobody\", \"url\": \"wss://nobody:12150\", \"user\": null},\n"
                + " {\"name\": \"shell\", \"url\": \"wss://shell:12150\", \"user\": \"a b\"},\n"
                + " {\"name\": \"ftp\", \"url\": \"ftp://files\", \"user\": \"admin\"},\n"
                + " {\"url\": \"wss://unnamed:12150\", \"user\": \"admin\"},\n"
                + " {\"name\": \"nas\", \"url\": \"wss://nas:12150\", \"user\": \"admin\"},\n"
                + " {\"name\": \"nas again\", \"url\": \"wss://nas:12150\", \"user\": \"root\"}]";
        Files.writeString(dir.resolve("hosts.json"), original);

        assertEquals(List.of("wss://unnamed:12150", "nas"), names(hosts()));
        SavedFile.SetAside aside = told.get(0);
        assertEquals(original, Files.readString(aside.keptAs().orElseThrow()));
        assertTrue(aside.reason().startsWith("#1 (nnnn"), aside.reason());
        assertTrue(aside.reason().contains("A host name has at most 64 characters."), aside.reason());
        assertTrue(aside.reason().contains("#2 (): Enter a name for the host."), aside.reason());
        // The file now holds what is listed: the next start reads it without setting anything aside.
        told.clear();
        assertEquals(List.of("wss://unnamed:12150", "nas"), names(hosts()));
        assertTrue(told.isEmpty(), told.toString());
    }

    @Test
    void aSecondHostOfTheSameAddressIsSetAsideNotLostUnseen() throws Exception {
        String original = "[{\"name\": \"nas\", \"url\": \"wss://nas:12150\", \"user\": \"admin\"},\n"
                + " {\"name\": \"nas as root\", \"url\": \"wss://nas:12150\", \"user\": \"root\"}]";
        Files.writeString(dir.resolve("hosts.json"), original);
        assertEquals(List.of("nas"), names(hosts()));
        assertEquals("#2 (nas as root) = #1 (wss://nas:12150)", told.get(0).reason());
        assertEquals(original, Files.readString(told.get(0).keptAs().orElseThrow()));
    }

    @Test
    void aFileOfMegabytesIsNotRead() throws Exception {
        Files.writeString(dir.resolve("hosts.json"), "[" + " ".repeat(2 * 1024 * 1024) + "]");
        assertEquals(List.of(), names(hosts()));
        assertEquals("it is larger than the 1,048,576 bytes JailDesk reads", told.get(0).reason());
    }

    /** A host added where hosts.json cannot be written (here its folder is a file) is listed, and the user told. */
    @Test
    void aHostThatCannotBeSavedIsListedAndTheUserTold() throws Exception {
        Files.writeString(dir.resolve("config"), "a file where the config folder should be");
        Messages msg = new Messages(Locale.ENGLISH);
        Notifier notifier = new Notifier(msg);
        Path file = dir.resolve("config").resolve("hosts.json");
        HostsViewModel hosts = new HostsViewModel(List.of(), new HostStore(file), null, (h, k, e) -> null, Runnable::run, msg, notifier);

        hosts.addRemote("nas", "wss://nas:12150", "admin");
        hosts.addRemote("web", "wss://web:12150", "admin");
        assertEquals(List.of("nas", "web"), names(hosts));
        assertEquals(1, notifier.notices().size(), "told once, not at every change");
        String notice = notifier.notices().get(0).message();
        assertTrue(notice.startsWith("The hosts could not be saved to " + file + " ("), notice);
        assertTrue(notice.endsWith("): the change holds until JailDesk is closed and will then be lost."), notice);
    }
}
