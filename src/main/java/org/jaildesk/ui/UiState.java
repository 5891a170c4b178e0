package org.jaildesk.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import org.jaildesk.client.SavedFile;

/**
 * Window geometry and, per host, column order, widths and sort; the settings; and the saved searches (the same on every
 * host). Kept in {@code ui-state.json} in the config folder.
 */
public final class UiState {

    private static final Logger LOG = Logger.getLogger(UiState.class.getName());

    /**
     * How this machine's iocage is run: {@code NONE} (directly; JailDesk runs as root), {@code DOAS} or {@code SUDO}
     * (non-interactive: a rule must let the user run iocage as root without a password).
     */
    public static final String LOCAL_PRIVILEGE = "localPrivilege";
    /** The terminal command this machine's jails' consoles open in; empty for the default. */
    public static final String TERMINAL = "terminal";
    public static final List<String> PRIVILEGES = List.of("NONE", "DOAS", "SUDO");

    /** One host's table: its layout, and its jails protected from destroy. */
    public static final class Layout {
        public double x = Double.NaN;
        public double y = Double.NaN;
        /** NaN until the window was closed once: it then opens as large as the screen allows (WindowPlacement). */
        public double width = Double.NaN;
        public double height = Double.NaN;
        public boolean maximized;
        public List<String> columns = new ArrayList<>();
        public Map<String, Double> widths = new HashMap<>();
        public List<String> hidden = new ArrayList<>();
        /** The iocage properties shown as columns, in the order they were added. */
        public List<String> properties = new ArrayList<>();
        public String sortColumn;
        public boolean sortAscending = true;
        /** The ids of the host's jails protected from destroy (ProtectedJails), in order. */
        public List<String> protectedJails = new ArrayList<>();
        /**
         * How ssh reaches a remote host for its jails' consoles (Host ▸ Console over SSH…), the words before iocage
         * console: {@code ssh -t admin@nas.lan doas}; empty for none.
         */
        public String consoleSsh = "";
        /**
         * Whether this desktop keeps a login key for the host in its keyring (not the key: only that there is one, so
         * that the keyring is asked for the hosts that have one, and a locked keyring does not ask to be unlocked at
         * every connection of a user who never chose a key).
         */
        public boolean loginKey;
    }

    /** A search the user saved under a name (<i>View ▸ Saved searches</i>). */
    public record SavedSearch(String name, String query) {
    }

    /** The most of the file read: the layouts of hundreds of hosts. */
    public static final long LIMIT = 1024 * 1024;

    private final SavedFile file;
    // A field a later version adds to a layout is no reason to lose the layout.
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, Layout> layouts = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private final List<SavedSearch> searches = new ArrayList<>();

    /** The state kept in {@code file}; none kept for {@code null}. */
    public UiState(Path file) {
        this(file == null ? null : SavedFile.logged(file, LIMIT));
    }

    public UiState(SavedFile file) {
        this.file = file;
        if (file == null) {
            return;
        }
        // People edit this file: what cannot be read is dropped part by part (one host's layout, one setting), and
        // the rest is kept; a file that is no JSON object at all is set aside (SavedFile).
        file.read(in -> {
            JsonNode all = json.readTree(in);
            if (all == null || !all.isObject()) {
                throw new IOException("it is not a JSON object");
            }
            return all;
        }).ifPresent(all -> {
            all.path("layouts").fields().forEachRemaining(e -> {
                try {
                    layouts.put(e.getKey(), json.convertValue(e.getValue(), Layout.class));
                } catch (IllegalArgumentException bad) {
                    LOG.warning("ignoring the saved layout of " + e.getKey() + " in " + file.path() + ": " + bad.getMessage());
                }
            });
            all.path("settings").fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    settings.put(e.getKey(), e.getValue().asText());
                }
            });
            for (JsonNode s : all.path("searches")) {
                SavedSearch search = new SavedSearch(s.path("name").asText(""), s.path("query").asText(""));
                if (s.path("name").isTextual() && s.path("query").isTextual() && SavedSearches.fits(searches, search)) {
                    searches.add(search);
                } else {
                    LOG.warning("ignoring a saved search in " + file.path() + ": " + org.jaildesk.domain.Shown.of(s.toString()));
                }
            }
        });
    }

    public Layout layout(String hostId) {
        return layouts.computeIfAbsent(hostId, k -> new Layout());
    }

    /** The ids of the hosts whose layout {@code holds}. */
    public java.util.Set<String> hostsWhere(java.util.function.Predicate<Layout> holds) {
        java.util.Set<String> out = new java.util.HashSet<>();
        layouts.forEach((id, l) -> {
            if (holds.test(l)) {
                out.add(id);
            }
        });
        return out;
    }

    public String setting(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    /** A whole-number setting; the fallback where the file holds none or something else (it is a file users edit). */
    public int intSetting(String key, int fallback) {
        try {
            return Integer.parseInt(settings.getOrDefault(key, String.valueOf(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void putSetting(String key, String value) {
        settings.put(key, value);
    }

    /** The saved searches, in the order the menu shows them. */
    public List<SavedSearch> searches() {
        return List.copyOf(searches);
    }

    public void putSearches(List<SavedSearch> saved) {
        searches.clear();
        searches.addAll(saved);
    }

    private BiConsumer<Path, java.io.IOException> saveFailed = (path, why) -> { };

    /**
     * Told the first time the file cannot be written (its path and why): a theme, a language or a way of running
     * iocage chosen in the window would otherwise be lost at the next start without a word.
     */
    public void onSaveFailed(BiConsumer<Path, java.io.IOException> told) {
        this.saveFailed = told;
    }

    public void save() {
        if (file == null) {
            return;
        }
        file.writeOrTellOnce(out -> json.writerWithDefaultPrettyPrinter().writeValue(out,
                Map.of("layouts", layouts, "settings", settings, "searches", searches)),
                why -> saveFailed.accept(file.path(), why));
    }
}
