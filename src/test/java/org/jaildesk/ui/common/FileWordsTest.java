package org.jaildesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jaildesk.client.SavedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a file JailDesk keeps could not be written, in the window's language, whichever way the write failed. */
class FileWordsTest {

    private final Messages de = new Messages(Locale.GERMAN);

    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsIsSaidInTheWindowsLanguage() throws Exception {
        Path aFile = Files.writeString(dir.resolve("config"), "a file where the config folder should be");
        SavedFile saved = new SavedFile(aFile.resolve("ui-state.json"), 100, aside -> { });
        IOException e = assertThrows(IOException.class, () -> saved.write(out -> out.write('x')));
        assertEquals(aFile + " exists and is not a folder", e.getMessage(), "English for the log");
        assertEquals(aFile + " existiert und ist kein Ordner", FileWords.of(de, e));
        // Told as the window's saves tell it: once, with the exception, said in German.
        java.util.List<String> told = new java.util.ArrayList<>();
        saved.writeOrTellOnce(out -> out.write('x'), why -> told.add(FileWords.of(de, why)));
        saved.writeOrTellOnce(out -> out.write('x'), why -> told.add(FileWords.of(de, why)));
        assertEquals(java.util.List.of(aFile + " existiert und ist kein Ordner"), told);
    }

    @Test
    void aFileLeftAsItIsAndOnesTheJdkNamesAreSaidInTheWindowsLanguage() {
        Path file = dir.resolve("jobs.json");
        assertEquals(file + " ließ sich weder lesen noch beiseitelegen; sie bleibt, wie sie ist",
                FileWords.of(de, new SavedFile.LeftAsItIs(file)));
        // As a background write hands them over: inside a CompletionException and an UncheckedIOException.
        assertEquals(file + ": keine solche Datei und kein solcher Ordner", FileWords.of(de, new java.util.concurrent.CompletionException(
                new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException(file.toString())))));
        assertEquals(file + ": Zugriff verweigert", FileWords.of(de, new IOException("permission denied",
                new java.nio.file.AccessDeniedException(file.toString()))));
        // What JailDesk has no words for is said in the system's.
        assertEquals("No space left on device", FileWords.of(de, new IOException("No space left on device")));
    }
}
