package org.jaildesk.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Trust on first use: the SHA-256 fingerprint accepted for each {@code host:port}, kept in a file in the user's
 * config folder. A host whose certificate is unknown, or changed, is refused until the user accepts it.
 */
public final class KnownHosts {

    /** The most of the file read: some 10,000 hosts. */
    public static final long LIMIT = 1024 * 1024;

    private final SavedFile file;
    private final Properties entries = new Properties();

    public KnownHosts(Path file) {
        this(SavedFile.logged(file, LIMIT));
    }

    /** Reads the accepted certificates; a file that cannot be read is set aside (its hosts are then asked about again). */
    public KnownHosts(SavedFile file) {
        this.file = file;
        file.read(in -> {
            Properties read = new Properties();
            read.load(in);
            return read;
        }).ifPresent(entries::putAll);
    }

    public synchronized Optional<String> fingerprint(String hostPort) {
        return Optional.ofNullable(entries.getProperty(hostPort));
    }

    /** Takes back what was accepted for {@code hostPort}: its certificate is asked about again. */
    public synchronized void forget(String hostPort) {
        if (entries.remove(hostPort) != null) {
            save();
        }
    }

    public synchronized void accept(String hostPort, String fingerprint) {
        entries.setProperty(hostPort, fingerprint);
        save();
    }

    private void save() {
        try {
            file.write(out -> entries.store(out, "JailDesk: accepted server certificates (SHA-256)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.path(), e);
        }
    }
}
