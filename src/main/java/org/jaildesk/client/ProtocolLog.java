package org.jaildesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    /**
     * The most of one message's text kept. A listing of 10,000 jails is some 2.8 million characters indented, and the
     * log kept each refresh's whole (30 ms to write, and memory that grew with every refresh until the app ran out).
     */
    public static final int TEXT = 64_000;
    /** The most text the log keeps over all its entries; the oldest go first. */
    public static final long TOTAL = 16_000_000;
    private final SysadmCodec codec = new SysadmCodec();
    private final List<Entry> entries = new ArrayList<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private long total;

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The oldest entry still kept, or null. */
    public synchronized Entry oldest() {
        return entries.isEmpty() ? null : entries.get(0);
    }

    public AutoCloseable onEntry(Consumer<Entry> l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    public void message(String host, Entry.Kind kind, Message m, long millis) {
        ObjectNode tree = codec.tree(m);
        redact(tree);
        String action = tree.path("args").path("action").asText("");
        String summary = tree.path("namespace").asText() + "/" + tree.path("name").asText()
                + (action.isEmpty() ? "" : " " + action) + " #" + tree.path("id").asText();
        add(new Entry(Instant.now(), host, kind, summary, text(tree), millis));
    }

    /** The message indented, up to {@link #TEXT} characters: the rest is not even written. */
    private String text(ObjectNode tree) {
        Kept out = new Kept(TEXT);
        try {
            codec.writePretty(tree, out);
        } catch (Kept.Full full) {
            return out + "\n\u2026 (the rest is not kept: the log keeps " + String.format(Locale.ROOT, "%,d", TEXT)
                    + " characters of a message)";
        } catch (IOException | RuntimeException e) {
            return out + "\n(cannot write this message: " + e.getMessage() + ")";
        }
        return out.toString();
    }

    /** Text written up to a limit; past it, writing stops with {@link Full}. */
    private static final class Kept extends Writer {
        static final class Full extends IOException {
            private static final long serialVersionUID = 1L;

            Full() {
                super("full");
            }

            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        }

        private final StringBuilder text = new StringBuilder();
        private final int limit;

        Kept(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] c, int off, int len) throws Full {
            int room = limit - text.length();
            text.append(c, off, Math.min(room, len));
            if (len > room) {
                throw new Full();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
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
            total += e.text().length();
            int drop = 0;
            while (drop < entries.size() - 1 && (entries.size() - drop > LIMIT || total > TOTAL)) {
                total -= entries.get(drop++).text().length();
            }
            entries.subList(0, drop).clear();
        }
        listeners.forEach(l -> l.accept(e));
    }

    /**
     * Passwords and tokens never reach the log: auth args and auth replies are masked. The envelope's {@code args} is
     * the message's own, so it is copied before it is changed.
     */
    static void redact(ObjectNode tree) {
        JsonNode args = tree.path("args");
        if (args instanceof ObjectNode o && (o.has("password") || o.has("token"))) {
            ObjectNode masked = o.deepCopy();
            for (String k : List.of("password", "token")) {
                if (masked.has(k)) {
                    masked.put(k, "\u2022\u2022\u2022\u2022");
                }
            }
            tree.set("args", masked);
        }
        if (args.isArray() && args.size() == 2 && args.get(0).isTextual() && args.get(1).isNumber()) {
            tree.putArray("args").add("\u2022\u2022\u2022\u2022").add(args.get(1));
        }
    }
}
