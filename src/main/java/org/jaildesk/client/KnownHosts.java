package org.jaildesk.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Trust on first use: the SHA-256 fingerprint accepted for each {@code host:port}, kept in a file in the user's
 * config folder. A host whose certificate is unknown, or changed, is refused until the user accepts it.
 */
public final class KnownHosts {

    private final Path file;
    private final Properties entries = new Properties();

    public KnownHosts(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                entries.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    public synchronized Optional<String> fingerprint(String hostPort) {
        return Optional.ofNullable(entries.getProperty(hostPort));
    }

    public synchronized void accept(String hostPort, String fingerprint) {
        entries.setProperty(hostPort, fingerprint);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                entries.store(out, "JailDesk: accepted server certificates (SHA-256)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
