package org.jaildesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jaildesk.protocol.Message;
import org.jaildesk.protocol.SysadmCodec;

/**
 * Every request and reply of every host, with timing, and for local hosts the exact iocage argv ("show your work").
 * Passwords and tokens are replaced before anything is kept. Bounded: the oldest entries go first.
 */
public final class ProtocolLog {

    /** One line of the log. {@code millis} is the round trip for replies, 0 otherwise. */
    public record Entry(Instant time, String host, Kind kind, String summary, String text, long millis) {
        public enum Kind { REQUEST, REPLY, EVENT, COMMAND }
    }

    public static final int LIMIT = 5000;
    private final SysadmCodec codec = new SysadmCodec();
    private final List<Entry> entries = new ArrayList<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public AutoCloseable onEntry(Consumer<Entry> l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    public void message(String host, Entry.Kind kind, Message m, long millis) {
        JsonNode tree;
        try {
            tree = codec.mapper().readTree(codec.write(m));
        } catch (Exception e) {
            return;
        }
        redact(tree);
        String action = tree.path("args").path("action").asText("");
        String summary = tree.path("namespace").asText() + "/" + tree.path("name").asText()
                + (action.isEmpty() ? "" : " " + action) + " #" + tree.path("id").asText();
        add(new Entry(Instant.now(), host, kind, summary, codec.toPrettyJson(tree), millis));
    }

    /** An iocage command a local host ran, as its argv. */
    public void command(String host, List<String> argv, int exit, long millis) {
        String line = String.join(" ", argv.stream().map(a -> a.isEmpty() || a.matches(".*[\\s'\"$`\\\\|;&<>()*?].*")
                ? "'" + a.replace("'", "'\\''") + "'" : a).toList());
        add(new Entry(Instant.now(), host, Entry.Kind.COMMAND, line + "  (exit " + exit + ")", line, millis));
    }

    private void add(Entry e) {
        synchronized (this) {
            entries.add(e);
            if (entries.size() > LIMIT) {
                entries.subList(0, entries.size() - LIMIT).clear();
            }
        }
        listeners.forEach(l -> l.accept(e));
    }

    /** Passwords and tokens never reach the log: auth args and auth replies are masked. */
    static void redact(JsonNode tree) {
        JsonNode args = tree.path("args");
        if (args instanceof ObjectNode o) {
            for (String k : List.of("password", "token")) {
                if (o.has(k)) {
                    o.put(k, "\u2022\u2022\u2022\u2022");
                }
            }
        }
        if (args.isArray() && args.size() == 2 && args.get(0).isTextual() && args.get(1).isNumber() && tree instanceof ObjectNode root) {
            root.putArray("args").add("\u2022\u2022\u2022\u2022").add(args.get(1));
        }
    }
}
