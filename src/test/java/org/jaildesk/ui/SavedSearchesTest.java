package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jaildesk.ui.UiState.SavedSearch;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved searches' rules, and what ui-state.json keeps of them, also when people have edited it. */
class SavedSearchesTest {

    private final Messages msg = new Messages(Locale.ENGLISH);

    @TempDir
    Path dir;

    @Test
    void aNameIsOneLineOfAtMostSixtyCharactersAndFiftyAreKept() {
        assertEquals(Optional.of("Give the search a name."), SavedSearches.whyNot(List.of(), "  ", msg));
        assertEquals(Optional.of("The name is too long (61 characters, at most 60)."),
                SavedSearches.whyNot(List.of(), "n".repeat(61), msg));
        assertEquals(Optional.of("The name is too long (10,485,760 characters, at most 60)."),
                SavedSearches.whyNot(List.of(), "n".repeat(10 * 1024 * 1024), msg));
        assertEquals(Optional.of("The name holds a control character."), SavedSearches.whyNot(List.of(), "a\nb", msg));
        assertEquals(Optional.empty(), SavedSearches.whyNot(List.of(), "-f; $(x)", msg), "a name is never run");
        List<SavedSearch> full = new ArrayList<>();
        for (int i = 0; i < SavedSearches.MAX; i++) {
            full.add(new SavedSearch("s" + i, "state:up"));
        }
        assertTrue(SavedSearches.whyNot(full, "one more", msg).orElseThrow().startsWith("At most 50 searches are kept"));
        assertEquals(Optional.empty(), SavedSearches.whyNot(full, "s7", msg), "one of the fifty can be replaced");
    }

    @Test
    void savingUnderANameSavedAlreadyReplacesItInItsPlace() {
        List<SavedSearch> saved = SavedSearches.with(List.of(), "Running", "state:up");
        saved = SavedSearches.with(saved, "Old releases", "release:13.*");
        saved = SavedSearches.with(saved, " Running ", "state:up !boot:on");
        assertEquals(List.of(new SavedSearch("Running", "state:up !boot:on"), new SavedSearch("Old releases", "release:13.*")),
                saved);
        assertEquals(List.of(new SavedSearch("Old releases", "release:13.*")), SavedSearches.without(saved, "Running"));
    }

    @Test
    void theyAreKeptInTheFileAndWhatCannotBeUsedIsLeftOut() throws Exception {
        Path file = dir.resolve("ui-state.json");
        UiState state = new UiState(file);
        state.putSearches(List.of(new SavedSearch("Running", "state:up"), new SavedSearch("Web", "name:web*")));
        state.save();
        assertEquals(List.of(new SavedSearch("Running", "state:up"), new SavedSearch("Web", "name:web*")),
                new UiState(file).searches());

        Files.writeString(file, """
                {"settings": {"theme": "dark"}, "searches": [
                  {"name": "Running", "query": "state:up"},
                  {"name": "Running", "query": "a second of the same name"},
                  {"name": "", "query": "no name"},
                  {"name": "line\\nbreak", "query": "x"},
                  {"name": "%s", "query": "too long a name"},
                  {"name": "long query", "query": "%s"},
                  {"name": 7, "query": "not text"},
                  "not an object",
                  {"name": "Web", "query": "name:web*"}
                ]}
                """.formatted("n".repeat(61), "q".repeat(1_001)));
        UiState read = new UiState(file);
        assertEquals(List.of(new SavedSearch("Running", "state:up"), new SavedSearch("Web", "name:web*")), read.searches());
        assertEquals("dark", read.setting("theme", "light"), "the rest of the file is kept");
    }
}
