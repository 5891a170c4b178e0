package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jaildesk.client.SavedFile;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jails' last day saved between starts: read back as written, refused whole when it is anything else. */
class UsageArchiveTest {

    private static final long T = 1_800_000_000L;

    @TempDir
    Path dir;

    private final List<SavedFile.SetAside> setAside = new ArrayList<>();

    private UsageArchive archive() {
        UsageArchive a = new UsageArchive(new SavedFile(dir.resolve("usage-history.bin"), UsageArchive.LIMIT, setAside::add),
                Runnable::run, Runnable::run);
        a.clock(() -> T + 3_600);
        return a;
    }

    private static JailUsages usages() {
        return new JailUsages(null, Runnable::run, new Messages(Locale.ENGLISH), List.of());
    }

    private static UsageHistory.Samples day(long... at) {
        double[] v = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            v[i] = i + 0.5;
        }
        return new UsageHistory.Samples(at, v, v.clone());
    }

    @Test
    void whatIsSavedComesBackAtTheNextStart() throws Exception {
        UsageArchive first = archive();
        first.load().join();
        JailUsages demo = usages();
        first.follow("demo", demo);
        demo.restore(Map.of("db01", day(T, T + 600, T + 1_200), "mail", day(T + 600)));
        first.save().join();
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("usage-history.bin"))));

        // The next start: the host's table is shown before the file is read, and gets its days once it is.
        UsageArchive next = archive();
        JailUsages again = usages();
        next.follow("demo", again);
        assertTrue(again.days().isEmpty());
        next.load().join();
        assertArrayEquals(new long[] {T, T + 600, T + 1_200}, again.days().get("db01").at());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, again.days().get("db01").cpu(), 1e-6);
        assertArrayEquals(new long[] {T + 600}, again.days().get("mail").at());
        assertTrue(setAside.isEmpty());
    }

    @Test
    void aHostNotShownKeepsItsSavedDayAndOldMeansAreNotSaved() throws Exception {
        UsageArchive first = archive();
        first.load().join();
        JailUsages demo = usages();
        JailUsages other = usages();
        first.follow("demo", demo);
        first.follow("remote:wss://nas:12150", other);
        // The clock says T + 1 hour: a mean from more than a day before is not saved.
        demo.restore(Map.of("db01", day(T - 86_400, T)));
        other.restore(Map.of("www", day(T)));
        first.save().join();

        UsageArchive next = archive();
        next.load().join();
        JailUsages demoAgain = usages();
        next.follow("demo", demoAgain); // the remote host is not shown in this session
        next.save().join();

        UsageArchive third = archive();
        third.load().join();
        JailUsages remote = usages();
        third.follow("remote:wss://nas:12150", remote);
        assertArrayEquals(new long[] {T}, remote.days().get("www").at(), "kept although not shown in between");
        JailUsages demoThird = usages();
        third.follow("demo", demoThird);
        assertArrayEquals(new long[] {T}, demoThird.days().get("db01").at());
    }

    @Test
    void nothingIsWrittenBeforeTheFileIsRead() {
        UsageArchive a = archive();
        JailUsages demo = usages();
        a.follow("demo", demo);
        demo.restore(Map.of("db01", day(T)));
        a.save().join();
        assertFalse(Files.exists(dir.resolve("usage-history.bin")));
    }

    /** What the file could hold that JailDesk did not write: refused whole, set aside, and the window goes on. */
    @Test
    void anythingElseIsRefusedWhole() throws Exception {
        List<byte[]> bad = List.of(
                "not a history".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                file(out -> out.writeInt(-1)),
                file(out -> out.writeInt(1_001)),
                file(out -> { out.writeInt(1); out.writeUTF("demo"); out.writeInt(100_001); }),
                file(out -> { out.writeInt(1); out.writeUTF(""); out.writeInt(0); }),
                file(out -> { out.writeInt(1); out.writeUTF("demo"); out.writeInt(1); out.writeUTF("a\nb"); out.writeShort(0); }),
                file(out -> { out.writeInt(1); out.writeUTF("x".repeat(3_000)); out.writeInt(0); }),
                jail(145, new long[0], new float[0]),
                jail(1, new long[] {T + 1}, new float[] {1}),
                jail(2, new long[] {T + 600, T}, new float[] {1, 1}),
                jail(1, new long[] {T}, new float[] {Float.NaN}),
                jail(1, new long[] {T}, new float[] {-1}),
                jail(1, new long[] {T}, new float[] {Float.POSITIVE_INFINITY}),
                file(out -> { out.writeInt(1); out.writeUTF("demo"); }), // cut off
                concat(file(out -> out.writeInt(0)), new byte[] {1}));
        for (byte[] b : bad) {
            assertThrows(IOException.class, () -> UsageArchive.parse(new ByteArrayInputStream(b)),
                    new String(b, 0, Math.min(b.length, 40), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        Files.write(dir.resolve("usage-history.bin"), bad.get(9));
        UsageArchive a = archive();
        a.load().join();
        assertEquals(1, setAside.size());
        assertTrue(setAside.get(0).reason().contains("out of order"), setAside.get(0).reason());
        assertTrue(setAside.get(0).keptAs().isPresent());
        JailUsages demo = usages();
        a.follow("demo", demo);
        assertTrue(demo.days().isEmpty());
    }

    @Test
    void aFileLargerThanItsLimitIsNotRead() throws Exception {
        byte[] big = new byte[64];
        Path f = dir.resolve("usage-history.bin");
        Files.write(f, big);
        UsageArchive a = new UsageArchive(new SavedFile(f, 32, setAside::add), Runnable::run, Runnable::run);
        a.load().join();
        assertEquals(1, setAside.size());
        assertTrue(setAside.get(0).reason().contains("larger"), setAside.get(0).reason());
    }

    private interface Body {
        void to(DataOutputStream out) throws IOException;
    }

    private static byte[] file(Body body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.write("JDUSAGE1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.to(out);
        out.flush();
        return b.toByteArray();
    }

    /** One host "demo" with one jail "db01" saying it has {@code n} means, then those given (CPU and memory alike). */
    private static byte[] jail(int n, long[] at, float[] values) throws IOException {
        return file(out -> {
            out.writeInt(1);
            out.writeUTF("demo");
            out.writeInt(1);
            out.writeUTF("db01");
            out.writeShort(n);
            for (int i = 0; i < at.length; i++) {
                out.writeLong(at[i]);
                out.writeFloat(values[i]);
                out.writeFloat(values[i]);
            }
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
