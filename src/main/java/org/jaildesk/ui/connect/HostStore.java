package org.jaildesk.ui.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.jaildesk.client.SavedFile;
import org.jaildesk.domain.Shown;
import org.jaildesk.ui.common.FileWords;

/**
 * The saved remote hosts ({@code hosts.json} in the config folder): name, URL and user; no passwords. People edit it:
 * a file that cannot be read, or holds a host that could not have been saved from the window, is set aside whole
 * (see {@link SavedFile}) and the hosts that can be used are kept.
 */
public final class HostStore {

    private static final Logger LOG = Logger.getLogger(HostStore.class.getName());
    /** The most of the file read: thousands of hosts. */
    public static final long LIMIT = 1024 * 1024;

    private final SavedFile file;
    private final ObjectMapper json = new ObjectMapper();

    private record Saved(String name, String url, String user) {
    }

    public HostStore(Path file) {
        this(SavedFile.logged(file, LIMIT));
    }

    public HostStore(SavedFile file) {
        this.file = file;
    }

    /** The saved hosts that pass {@code check}, each URL once; any other is reported by setting the file aside. */
    public List<HostEntry> load(HostsViewModel.Check check) {
        Optional<JsonNode> read = file.read(in -> {
            JsonNode all = json.readTree(in);
            if (all == null || !all.isArray()) {
                throw new IOException("it is not a list of hosts");
            }
            return all;
        });
        if (read.isEmpty()) {
            return List.of();
        }
        Parsed parsed = parse(read.get(), check);
        List<HostEntry> usable = parsed.hosts();
        List<String> refused = parsed.refused();
        if (!refused.isEmpty()) {
            file.setAside(String.join("; ", refused));
            try {
                file.write(content(usable));
            } catch (IOException e) {
                LOG.warning("cannot save the hosts in " + file.path() + ": " + e.getMessage());
            }
        }
        return usable;
    }

    /** The hosts of a list, each address once, and those left out: by their place in the list, and why. */
    public record Parsed(List<HostEntry> hosts, List<String> refused) {
    }

    static Parsed parse(JsonNode all, HostsViewModel.Check check) {
        Map<String, HostEntry> hosts = new LinkedHashMap<>();
        Map<String, Integer> places = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        int n = 0;
        for (JsonNode h : all) {
            n++;
            String url = text(h, "url");
            // A host written without a name is listed by its address, as the window would list it.
            String name = text(h, "name").isBlank() ? Shown.cut(url.strip(), HostsViewModel.NAME_LENGTH - 1) : text(h, "name");
            String user = text(h, "user");
            // Anything but a host's fields (a number, a list) has no name: the check says so in the window's language.
            Optional<String> problem = check.of(name, url, user);
            if (problem.isPresent()) {
                refused.add("#" + n + " (" + Shown.of(name) + "): " + problem.get());
            } else {
                HostEntry entry = HostEntry.remote(name.strip(), url.strip(), user.strip());
                Integer first = places.putIfAbsent(entry.id(), n);
                if (first == null) {
                    hosts.put(entry.id(), entry);
                } else {
                    // One entry per address (the window replaces a host saved again): the second would be lost unseen.
                    refused.add("#" + n + " (" + Shown.of(name) + ") = #" + first + " (" + Shown.of(url) + ")");
                }
            }
        }
        return new Parsed(List.copyOf(hosts.values()), List.copyOf(refused));
    }

    /**
     * A host list exported from JailDesk (File ▸ Export hosts…), as {@code hosts.json} holds it, for File ▸ Import
     * hosts…: each host checked as the window checks one typed in. The file is only read, whatever it holds; one that
     * cannot be a host list (larger than {@link #LIMIT}, not JSON, not a list) is refused whole.
     */
    public static Parsed readExported(Path file, HostsViewModel.Check check) throws IOException {
        byte[] content;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            content = in.readNBytes((int) LIMIT + 1);
        }
        if (content.length > LIMIT) {
            throw new FileWords.Refused(String.format(java.util.Locale.ROOT, "it is larger than the %,d bytes a host list can be",
                    LIMIT), "hosts.notHostList.large", LIMIT);
        }
        JsonNode all;
        try {
            all = new ObjectMapper().readTree(content);
        } catch (IOException e) {
            throw new FileWords.Refused("it is not a host list JailDesk wrote (not JSON)", "hosts.notHostList.json");
        }
        if (all == null || !all.isArray()) {
            throw new FileWords.Refused("it is not a list of hosts", "hosts.notHostList.list");
        }
        return parse(all, check);
    }

    /** Writes the remote hosts of {@code hosts} to {@code file} as {@code hosts.json} holds them: names, addresses, users. */
    public static void export(Path file, List<HostEntry> hosts) throws IOException {
        new SavedFile(file, LIMIT, aside -> { }).write(new HostStore(file).content(hosts));
    }

    private static String text(JsonNode host, String field) {
        JsonNode v = host.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    /** Writes the remote hosts of {@code hosts}; the first time that fails, {@code told} hears why. */
    public void save(List<HostEntry> hosts, Consumer<java.io.IOException> told) {
        file.writeOrTellOnce(content(hosts), told);
    }

    private SavedFile.Write content(List<HostEntry> hosts) {
        List<Saved> out = new ArrayList<>();
        hosts.stream().filter(h -> h.kind() == HostEntry.Kind.REMOTE).forEach(h -> out.add(new Saved(h.name(), h.url(), h.user())));
        return w -> json.writerWithDefaultPrettyPrinter().writeValue(w, out);
    }

    public Path path() {
        return file.path();
    }
}
