package org.jaildesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accepted certificates: a damaged file is set aside, never a reason not to start. */
class KnownHostsTest {

    @TempDir
    Path dir;

    @Test
    void acceptedFingerprintsAreKeptAcrossStarts() {
        Path file = dir.resolve("known-hosts.properties");
        new KnownHosts(file).accept("nas:12150", "AB:CD");
        assertEquals(Optional.of("AB:CD"), new KnownHosts(file).fingerprint("nas:12150"));
    }

    @Test
    void aDamagedFileIsSetAsideAndTheHostsAreAskedAboutAgain() throws Exception {
        Path file = dir.resolve("known-hosts.properties");
        // What Properties.load refuses with an IllegalArgumentException (not an IOException).
        Files.writeString(file, "nas\\:12150=\\u12\n");
        List<SavedFile.SetAside> told = new ArrayList<>();

        KnownHosts known = new KnownHosts(new SavedFile(file, KnownHosts.LIMIT, told::add));
        assertEquals(Optional.empty(), known.fingerprint("nas:12150"));
        assertEquals(1, told.size());
        assertEquals("nas\\:12150=\\u12\n", Files.readString(told.get(0).keptAs().orElseThrow()));

        known.accept("nas:12150", "AB:CD");
        assertTrue(Files.readString(file).contains("nas\\:12150=AB\\:CD"));
    }
}
