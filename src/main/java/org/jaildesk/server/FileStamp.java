package org.jaildesk.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Whether a file the server keeps in memory was changed by another process ({@code jaildesk user …} while it runs):
 * its identity (a file replaced whole is a new one), time and size, as last read or written.
 */
final class FileStamp {

    private final Path file;
    private List<Object> seen;

    /** Taken now: the file as just read. */
    FileStamp(Path file) {
        this.file = file;
        this.seen = now(file);
    }

    /** True once for each change since the file was last read or written here (taken as seen from then on). */
    synchronized boolean changed() {
        List<Object> now = now(file);
        if (Objects.equals(now, seen)) {
            return false;
        }
        seen = now;
        return true;
    }

    /** The file was just written here: its new stamp is no change. */
    synchronized void written() {
        seen = now(file);
    }

    private static List<Object> now(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Arrays.asList(a.fileKey(), a.lastModifiedTime(), a.size());
        } catch (IOException e) {
            return null;
        }
    }
}
