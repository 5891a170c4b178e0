package org.jaildesk.ui.jails;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.jaildesk.client.SavedFile;

/**
 * The jails' last day of CPU and memory (means of ten minutes, {@link UsageDay}) saved between starts, by host and
 * jail: the host keeps no history, so the window keeps its own. Read once, off the FX thread; each host's figures are
 * put back when its table is first shown (or once the file is read, if that comes later), and saved when the window
 * asks (every few minutes, and as it closes), written off the FX thread. Days older than a day are not saved.
 *
 * <p>The file ({@code usage-history.bin}) is binary and bounded: {@code JDUSAGE1}, then the hosts, each with its id and
 * jails, each jail with its id and up to 144 means (start in epoch seconds, a multiple of ten minutes, ascending; CPU
 * and memory as non-negative floats). Anything else is refused whole, and the file set aside as other files are.
 */
public final class UsageArchive {

    /** The most bytes read: 10,000 running jails' full days on each of three hosts fit. */
    public static final long LIMIT = 96L * 1024 * 1024;
    private static final byte[] MAGIC = "JDUSAGE1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_HOSTS = 1_000;
    private static final int MAX_JAILS = 100_000;
    private static final int MAX_ID = 2_048;
    private static final Logger LOG = Logger.getLogger(UsageArchive.class.getName());

    private final SavedFile file;
    private final Executor fx;
    private final Executor files;
    private LongSupplier epochSeconds = () -> System.currentTimeMillis() / 1000;
    /** What was saved (or read), by host id and jail id; FX thread. */
    private final Map<String, Map<String, UsageHistory.Samples>> saved = new HashMap<>();
    /** The tables shown, by host id, whose days are saved with the next save; FX thread. */
    private final Map<String, JailUsages> followed = new LinkedHashMap<>();
    private boolean read;
    private volatile CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);

    /** {@code fx} runs on the FX thread; {@code files} reads and writes the file. */
    public UsageArchive(SavedFile file, Executor fx, Executor files) {
        this.file = file;
        this.fx = fx;
        this.files = files;
    }

    /** The wall clock that says which days are too old to save (for tests). */
    void clock(LongSupplier epochSeconds) {
        this.epochSeconds = epochSeconds;
    }

    /** Reads the file off the FX thread; completes once what it held is put back into the tables followed. */
    public CompletableFuture<Void> load() {
        return CompletableFuture.supplyAsync(() -> file.read(UsageArchive::parse).orElse(Map.of()), files)
                .exceptionally(e -> {
                    LOG.warning("the usage history was not read: " + e);
                    return Map.of();
                })
                .thenAcceptAsync(days -> {
                    days.forEach((host, jails) -> saved.merge(host, jails, (mine, theirs) -> mine));
                    read = true;
                    followed.forEach((host, usages) -> usages.restore(saved.getOrDefault(host, Map.of())));
                }, fx);
    }

    /** The host's table, shown now: its saved days go back into it, and its days are saved from now on; FX thread. */
    public void follow(String hostId, JailUsages usages) {
        JailUsages before = followed.put(hostId, usages);
        if (before == usages) {
            return;
        }
        if (before != null && read) {
            saved.put(hostId, before.days()); // the host reopened: its new table goes on from the old one's days
        }
        if (read) {
            usages.restore(saved.getOrDefault(hostId, Map.of()));
        }
    }

    /**
     * Takes the days of the tables followed (a host not shown this session keeps what was saved) and writes them off
     * the FX thread; call on the FX thread. Completes once written; a failure is logged (the figures are not the
     * user's work, and the next save tries again).
     */
    public CompletableFuture<Void> save() {
        if (!read) {
            return writing; // not read yet: writing now would lose what the file holds
        }
        followed.forEach((host, usages) -> saved.put(host, usages.days()));
        long oldest = epochSeconds.getAsLong() - UsageDay.SPAN_SECONDS;
        Map<String, Map<String, UsageHistory.Samples>> copy = new HashMap<>();
        saved.forEach((host, jails) -> {
            Map<String, UsageHistory.Samples> kept = new HashMap<>();
            jails.forEach((id, d) -> {
                UsageHistory.Samples recent = since(d, oldest);
                if (recent.size() > 0) {
                    kept.put(id, recent);
                }
            });
            if (!kept.isEmpty()) {
                copy.put(host, kept);
            }
        });
        writing = writing.handle((ok, e) -> null).thenRunAsync(
                () -> file.writeOrTellOnce(out -> write(copy, out), why -> LOG.warning("the usage history: " + SavedFile.words(why))), files);
        return writing;
    }

    /** The last write asked for, for the app's exit. */
    public CompletableFuture<Void> flush() {
        return writing;
    }

    private static UsageHistory.Samples since(UsageHistory.Samples d, long oldest) {
        int from = 0;
        while (from < d.size() && d.at()[from] <= oldest) {
            from++;
        }
        return from == 0 ? d : new UsageHistory.Samples(java.util.Arrays.copyOfRange(d.at(), from, d.size()),
                java.util.Arrays.copyOfRange(d.cpu(), from, d.size()), java.util.Arrays.copyOfRange(d.memory(), from, d.size()));
    }

    static void write(Map<String, Map<String, UsageHistory.Samples>> days, OutputStream to) throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(to));
        out.write(MAGIC);
        out.writeInt(days.size());
        for (Map.Entry<String, Map<String, UsageHistory.Samples>> host : days.entrySet()) {
            out.writeUTF(host.getKey());
            out.writeInt(host.getValue().size());
            for (Map.Entry<String, UsageHistory.Samples> jail : host.getValue().entrySet()) {
                UsageHistory.Samples d = jail.getValue();
                out.writeUTF(jail.getKey());
                out.writeShort(d.size());
                for (int i = 0; i < d.size(); i++) {
                    out.writeLong(d.at()[i]);
                    out.writeFloat((float) d.cpu()[i]);
                    out.writeFloat((float) d.memory()[i]);
                }
            }
        }
        out.flush();
    }

    /** The file's days; throws, saying what is wrong, for anything but what {@link #write} writes. */
    static Map<String, Map<String, UsageHistory.Samples>> parse(InputStream from) throws IOException {
        DataInputStream in = new DataInputStream(from);
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("it is not a JailDesk usage history");
        }
        Map<String, Map<String, UsageHistory.Samples>> days = new HashMap<>();
        int hosts = count(in.readInt(), MAX_HOSTS, "hosts");
        for (int h = 0; h < hosts; h++) {
            String host = id(in.readUTF());
            int jails = count(in.readInt(), MAX_JAILS, "jails");
            Map<String, UsageHistory.Samples> byJail = new HashMap<>();
            for (int j = 0; j < jails; j++) {
                String jail = id(in.readUTF());
                int n = count(in.readUnsignedShort(), UsageDay.CAPACITY, "means");
                long[] at = new long[n];
                double[] cpu = new double[n];
                double[] memory = new double[n];
                for (int i = 0; i < n; i++) {
                    at[i] = in.readLong();
                    cpu[i] = in.readFloat();
                    memory[i] = in.readFloat();
                    if (at[i] % UsageDay.BUCKET_SECONDS != 0 || i > 0 && at[i] <= at[i - 1]
                            || !(cpu[i] >= 0) || !(memory[i] >= 0) || Double.isInfinite(cpu[i]) || Double.isInfinite(memory[i])) {
                        throw new IOException("a figure of " + jail + " is out of order or not a figure");
                    }
                }
                byJail.put(jail, new UsageHistory.Samples(at, cpu, memory));
            }
            days.put(host, byJail);
        }
        if (in.read() != -1) {
            throw new IOException("it goes on after its last host");
        }
        return days;
    }

    private static int count(int n, int most, String what) throws IOException {
        if (n < 0 || n > most) {
            throw new IOException("it says " + n + " " + what + " (at most " + most + ")");
        }
        return n;
    }

    private static String id(String id) throws IOException {
        if (id.isEmpty() || id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            throw new IOException("it holds a name that is empty, too long or has control characters");
        }
        return id;
    }
}
