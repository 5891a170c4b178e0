package org.jaildesk.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** Window geometry and, per host, column order, widths and sort; kept in {@code ui-state.json} in the config folder. */
public final class UiState {

    private static final Logger LOG = Logger.getLogger(UiState.class.getName());

    /** One host's table layout. */
    /**
     * How this machine's iocage is run: {@code NONE} (directly; JailDesk runs as root), {@code DOAS} or {@code SUDO}
     * (non-interactive: a rule must let the user run iocage as root without a password).
     */
    public static final String LOCAL_PRIVILEGE = "localPrivilege";
    public static final java.util.List<String> PRIVILEGES = java.util.List.of("NONE", "DOAS", "SUDO");

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
        public String sortColumn;
        public boolean sortAscending = true;
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private Map<String, Layout> layouts = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();

    public UiState(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            try {
                Map<String, Object> all = json.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
                Object l = all.get("layouts");
                if (l != null) {
                    layouts = json.convertValue(l, new TypeReference<Map<String, Layout>>() { });
                }
                Object s = all.get("settings");
                if (s != null) {
                    settings.putAll(json.convertValue(s, new TypeReference<Map<String, String>>() { }));
                }
            } catch (IOException | IllegalArgumentException e) {
                LOG.warning("cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    public Layout layout(String hostId) {
        return layouts.computeIfAbsent(hostId, k -> new Layout());
    }

    public String setting(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    public void putSetting(String key, String value) {
        settings.put(key, value);
    }

    public void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), Map.of("layouts", layouts, "settings", settings));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning("cannot save " + file + ": " + e.getMessage());
        }
    }
}
