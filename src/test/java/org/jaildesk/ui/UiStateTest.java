package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jaildesk.client.SavedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ui-state.json is a file people edit: what cannot be read is dropped part by part, the rest is kept. */
class UiStateTest {

    @TempDir
    Path dir;

    @Test
    void aBadPartDoesNotCostTheRest() throws Exception {
        Path file = dir.resolve("ui-state.json");
        Files.writeString(file, "{\"layouts\":{\"demo\":{\"width\":\"wide\"},\"nas\":{\"width\":900,\"height\":600}},"
                + "\"settings\":{\"theme\":\"dark\",\"refreshSeconds\":\"soon\",\"odd\":{\"nested\":1}}}");
        UiState s = new UiState(file);
        assertEquals(900, s.layout("nas").width);
        assertTrue(Double.isNaN(s.layout("demo").width), "the unreadable layout is a fresh one");
        assertEquals("dark", s.setting("theme", "light"));
        assertEquals(30, s.intSetting("refreshSeconds", 30), "not a number: the default");
        assertEquals("-", s.setting("odd", "-"));
    }

    @Test
    void aFileThatIsNotJsonIsKeptAsideAndNotOverwritten() throws Exception {
        Path file = dir.resolve("ui-state.json");
        String damaged = "{\"settings\":{\"theme\":\"da";
        Files.writeString(file, damaged);
        List<SavedFile.SetAside> told = new ArrayList<>();
        UiState s = new UiState(new SavedFile(file, UiState.LIMIT, told::add));
        assertEquals("light", s.setting("theme", "light"));
        s.putSetting("theme", "dark");
        s.save();
        assertEquals(damaged, Files.readString(told.get(0).keptAs().orElseThrow()), "what the user had is kept");
        assertEquals("dark", new UiState(file).setting("theme", "light"));
    }

    @Test
    void jsonThatIsNoObjectIsSetAsideToo() throws Exception {
        Path file = dir.resolve("ui-state.json");
        Files.writeString(file, "[\"dark\"]");
        List<SavedFile.SetAside> told = new ArrayList<>();
        assertEquals("light", new UiState(new SavedFile(file, UiState.LIMIT, told::add)).setting("theme", "light"));
        assertEquals("it is not a JSON object", told.get(0).reason());
    }

    @Test
    void aLayoutWithAFieldOfALaterVersionIsKept() throws Exception {
        Path file = dir.resolve("ui-state.json");
        Files.writeString(file, "{\"layouts\":{\"nas\":{\"width\":900,\"density\":\"compact\"}}}");
        assertEquals(900, new UiState(file).layout("nas").width);
    }

    @Test
    void aFileThatCannotBeWrittenIsToldOnce() throws Exception {
        Files.writeString(dir.resolve("config"), "a file where the config folder should be");
        Path file = dir.resolve("config").resolve("ui-state.json");
        UiState s = new UiState(file);
        List<String> told = new ArrayList<>();
        s.onSaveFailed((path, why) -> told.add(path + ": " + org.jaildesk.ui.common.FileWords.of(
                new org.jaildesk.ui.common.Messages(java.util.Locale.ENGLISH), why)));
        s.putSetting("theme", "dark");
        s.save();
        s.save();
        assertEquals(1, told.size(), told.toString());
        assertEquals(file + ": " + dir.resolve("config") + " exists and is not a folder", told.get(0));
        assertEquals("dark", s.setting("theme", "light"), "the choice holds for this run");
    }
}
