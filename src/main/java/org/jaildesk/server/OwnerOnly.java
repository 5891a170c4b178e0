package org.jaildesk.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The server's files that only its own user may read: the users' hashes, the certificate's key, the audit log. */
final class OwnerOnly {

    private OwnerOnly() {
    }

    /**
     * Creates {@code file} empty and {@code rw-------} from the start, so that nothing is ever in it while others
     * could read it. A file system without POSIX permissions gets the file as it makes it.
     */
    static void create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /**
     * Writes {@code text} (UTF-8) to a new owner-only file beside {@code file} and moves it over {@code file}: readers
     * see the old file or the new one, never half of one.
     */
    static void replace(Path file, CharSequence text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        create(tmp);
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
