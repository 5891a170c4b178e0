package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file people edit that cannot be read is kept as it was, under a new name, and never overwritten. */
class SavedFileTest {

    @TempDir
    Path dir;
    private final List<SavedFile.SetAside> told = new ArrayList<>();

    private SavedFile file(String name, long limit) {
        return new SavedFile(dir.resolve(name), limit, told::add);
    }

    private static String text(java.io.InputStream in) throws IOException {
        String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (!s.startsWith("ok")) {
            throw new IOException("not what it should be");
        }
        return s;
    }

    private List<Path> keptCopies(String name) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> p.getFileName().toString().startsWith(name + ".unreadable-")).sorted().toList();
        }
    }

    @Test
    void noFileIsNothingToRead() {
        assertEquals(Optional.empty(), file("a.json", 100).read(SavedFileTest::text));
        assertTrue(told.isEmpty());
    }

    @Test
    void aGoodFileIsReadAndLeftWhereItIs() throws Exception {
        Files.writeString(dir.resolve("a.json"), "ok 1");
        assertEquals(Optional.of("ok 1"), file("a.json", 100).read(SavedFileTest::text));
        assertTrue(told.isEmpty());
        assertEquals("ok 1", Files.readString(dir.resolve("a.json")));
    }

    @Test
    void aFileThatCannotBeReadIsKeptAsItWasAndTheNextSaveWritesANewOne() throws Exception {
        byte[] original = "{\"hosts\": [ broken\n\u00e4".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("a.json"), original);
        SavedFile f = file("a.json", 100);

        assertEquals(Optional.empty(), f.read(SavedFileTest::text));
        List<Path> kept = keptCopies("a.json");
        assertEquals(1, kept.size());
        assertArrayEquals(original, Files.readAllBytes(kept.get(0)));
        assertFalse(Files.exists(dir.resolve("a.json")));
        assertEquals(List.of(new SavedFile.SetAside(dir.resolve("a.json"), Optional.of(kept.get(0)), "not what it should be")), told);

        f.write(out -> out.write("ok 2".getBytes(StandardCharsets.UTF_8)));
        assertEquals("ok 2", Files.readString(dir.resolve("a.json")));
        assertArrayEquals(original, Files.readAllBytes(kept.get(0)));
        // The job history may hold what a command printed in a jail: no other local user reads it.
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("a.json"))));
    }

    @Test
    void aFileOverItsLimitIsNotReadAtAll() throws Exception {
        Files.write(dir.resolve("big.json"), new byte[101]);
        Optional<String> read = file("big.json", 100).read(in -> {
            throw new AssertionError("parsed a file over its limit");
        });
        assertEquals(Optional.empty(), read);
        assertEquals(1, keptCopies("big.json").size());
        assertEquals("it is larger than the 100 bytes JailDesk reads", told.get(0).reason());

        Files.write(dir.resolve("edge.json"), "ok".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of("ok"), file("edge.json", 2).read(SavedFileTest::text));
    }

    @Test
    void aReasonOfMegabytesOverManyLinesIsOneShortLine() throws Exception {
        Files.writeString(dir.resolve("a.json"), "x");
        file("a.json", 100).read(in -> {
            throw new IOException("bad\n".repeat(2_000_000));
        });
        String reason = told.get(0).reason();
        assertTrue(reason.length() <= 301, reason.length() + " characters");
        assertFalse(reason.chars().anyMatch(Character::isISOControl), reason);
        assertTrue(reason.startsWith("bad bad bad"), reason);
    }

    @Test
    void twoFilesSetAsideAtOnceAreBothKept() throws Exception {
        Files.writeString(dir.resolve("a.json"), "first");
        file("a.json", 100).read(SavedFileTest::text);
        Files.writeString(dir.resolve("a.json"), "second");
        file("a.json", 100).read(SavedFileTest::text);
        List<Path> kept = keptCopies("a.json");
        assertEquals(2, kept.size());
        assertEquals(List.of("first", "second"), kept.stream().map(p -> {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).sorted().toList());
    }

    @Test
    void aLinkedFileStaysALink() throws Exception {
        Path dotfiles = Files.createDirectories(dir.resolve("dotfiles"));
        Files.writeString(dotfiles.resolve("a.json"), "ok 1");
        Files.createSymbolicLink(dir.resolve("a.json"), dotfiles.resolve("a.json"));
        SavedFile f = file("a.json", 100);
        assertEquals(Optional.of("ok 1"), f.read(SavedFileTest::text));
        f.write(out -> out.write("ok 2".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(dir.resolve("a.json")));
        assertEquals("ok 2", Files.readString(dotfiles.resolve("a.json")));
    }

    @Test
    void aFileThatCannotBeMovedAsideIsNeverWritten() throws Exception {
        Files.writeString(dir.resolve("a.json"), "damaged");
        SavedFile f = new SavedFile(dir.resolve("a.json"), 100, told::add, (from, to) -> {
            throw new IOException("read-only file system");
        });
        assertEquals(Optional.empty(), f.read(SavedFileTest::text));
        assertEquals(List.of(new SavedFile.SetAside(dir.resolve("a.json"), Optional.empty(), "not what it should be")), told);
        IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> f.write(out -> out.write("ok".getBytes(StandardCharsets.UTF_8))));
        assertTrue(refused.getMessage().endsWith("could not be read nor moved aside; it is left as it is"), refused.getMessage());
        assertEquals(dir.resolve("a.json"), ((SavedFile.LeftAsItIs) refused).file(), "typed, to be said in the window's language");
        assertEquals("damaged", Files.readString(dir.resolve("a.json")));
    }
}
