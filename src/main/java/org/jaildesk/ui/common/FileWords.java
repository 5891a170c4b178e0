package org.jaildesk.ui.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.jaildesk.client.SavedFile;

/**
 * Why a file the user chose could not be read or written, in the window's language where JailDesk words it (a
 * missing file, a denied one, a file refused for what it holds); in the system's own words otherwise.
 */
public final class FileWords {

    /** A file refused for what it holds: why, as a message key and its arguments (the message is the English). */
    public static final class Refused extends IOException {

        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient Object[] args;

        public Refused(String english, String key, Object... args) {
            super(english);
            this.key = key;
            this.args = args.clone();
        }
    }

    private FileWords() {
    }

    public static String of(Messages msg, Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.io.UncheckedIOException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        // A write wraps the JDK's exception in one that says it in English words; the JDK's says what it was.
        if (e.getClass() == IOException.class && e.getCause() instanceof IOException cause) {
            e = cause;
        }
        if (e instanceof SavedFile.LeftAsItIs left) {
            return msg.get("file.leftAsItIs", left.file());
        }
        if (e instanceof Refused r) {
            return msg.get(r.key, r.args);
        }
        if (e instanceof FileAlreadyExistsException f) {
            return msg.get("file.exists", f.getFile());
        }
        if (e instanceof AccessDeniedException f && f.getReason() == null) {
            return msg.get("file.denied", f.getFile());
        }
        if (e instanceof NoSuchFileException f && f.getReason() == null) {
            return msg.get("file.missing", f.getFile());
        }
        return SavedFile.words(e);
    }
}
