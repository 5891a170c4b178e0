package org.jaildesk.ui.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** The saved remote hosts ({@code hosts.json} in the config folder): name, URL and user; no passwords. */
public final class HostStore {

    private static final Logger LOG = Logger.getLogger(HostStore.class.getName());
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    private record Saved(String name, String url, String user) {
    }

    public HostStore(Path file) {
        this.file = file;
    }

    public List<HostEntry> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Saved> saved = json.readValue(file.toFile(), new TypeReference<List<Saved>>() { });
            return saved.stream().map(s -> HostEntry.remote(s.name(), s.url(), s.user())).toList();
        } catch (IOException e) {
            LOG.warning("cannot read the saved hosts in " + file + ": " + e.getMessage());
            return List.of();
        }
    }

    public void save(List<HostEntry> hosts) {
        List<Saved> out = new ArrayList<>();
        hosts.stream().filter(h -> h.kind() == HostEntry.Kind.REMOTE).forEach(h -> out.add(new Saved(h.name(), h.url(), h.user())));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), out);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning("cannot save the hosts in " + file + ": " + e.getMessage());
        }
    }
}
