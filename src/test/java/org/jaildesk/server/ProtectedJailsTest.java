package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's marks of protected jails: kept whole in their file, read back strictly, following a rename. */
class ProtectedJailsTest {

    @TempDir
    Path dir;

    @Test
    void marksAreKeptReadBackAndFollowARename() throws Exception {
        Path file = dir.resolve("state").resolve("protected.txt");
        ProtectedJails marks = new ProtectedJails(file);
        assertEquals(Set.of(), marks.ids());
        assertEquals(List.of("mail"), marks.add("mail"));
        assertEquals(List.of("db01", "mail"), marks.add("db01"));
        marks.moved("mail", "post");
        marks.moved("nothing", "else");
        assertEquals("db01\npost\n", Files.readString(file));
        assertEquals(Set.of("db01", "post"), new ProtectedJails(file).ids(), "read back after a restart");
        assertEquals(List.of("post"), marks.remove("db01"));
        assertEquals(List.of("post"), marks.remove("db01"), "taking away a mark that is not there changes nothing");
    }

    /**
     * A mark that cannot be saved is not made (and one that cannot be taken away stays), so that the answer, an error,
     * holds; each change kept is told once, in order, and one that changes nothing is not.
     */
    @Test
    void aChangeThatCannotBeSavedChangesNothingAndEachKeptOneIsTold() throws Exception {
        Path file = dir.resolve("protected.txt");
        ProtectedJails marks = new ProtectedJails(file);
        List<String> told = new java.util.ArrayList<>();
        marks.onChange((action, jail) -> told.add(action + " " + jail));
        marks.add("mail");
        marks.add("mail");
        // The file is written beside itself first: a folder in that place cannot be replaced.
        Path blocked = dir.resolve("protected.txt.tmp");
        Files.createDirectories(blocked.resolve("in-the-way"));
        assertThrows(java.io.IOException.class, () -> marks.add("web01"));
        assertEquals(Set.of("mail"), marks.ids(), "not kept, so not protected");
        assertThrows(java.io.IOException.class, () -> marks.remove("mail"));
        assertEquals(Set.of("mail"), marks.ids(), "not taken away, so still protected");
        Files.delete(blocked.resolve("in-the-way"));
        Files.delete(blocked);
        marks.moved("mail", "post");
        marks.remove("post");
        assertEquals(List.of("protectjail mail", "renamejail post", "unprotectjail post"), told);
        assertEquals("", Files.readString(file));
    }

    @Test
    void aNameThatIsNoJailsIsRefusedAndAHandEditedFileIsReadStrictly() throws Exception {
        Path file = dir.resolve("protected.txt");
        Files.writeString(file, "mail\n-f\na;b\n$(x)\n\nweb 01\n" + "x".repeat(10_000) + "\nALL\nweb01\n");
        ProtectedJails marks = new ProtectedJails(file);
        assertEquals(Set.of("mail", "web01"), marks.ids());
        for (String bad : List.of("-f", "a;b", "$(x)", "a\nb", "", "x".repeat(10_000_000))) {
            assertThrows(IllegalArgumentException.class, () -> marks.add(bad), bad.length() > 40 ? "10 MB" : bad);
            assertThrows(IllegalArgumentException.class, () -> marks.remove(bad), bad.length() > 40 ? "10 MB" : bad);
        }
        assertEquals(Set.of("mail", "web01"), marks.ids());
    }
}
