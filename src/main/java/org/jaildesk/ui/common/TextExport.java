package org.jaildesk.ui.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jaildesk.client.SavedFile;

/**
 * A file the user saves (the jobs as CSV, the protocol log, a server's action log), written as UTF-8 text through
 * {@link SavedFile#export}: whole or not at all, readable by its owner only, into a folder that is there; off the FX
 * thread, on the caller's executor. Each caller says in its own words how it went.
 */
public final class TextExport {

    /** Writes the text; the writer is flushed after. */
    @FunctionalInterface
    public interface Body {
        void write(Writer out) throws IOException;
    }

    private TextExport() {
    }

    /** Writes {@code body} to {@code to} on {@code on}; fails with an {@link UncheckedIOException} around the cause. */
    public static CompletableFuture<Void> write(Path to, Executor on, Body body) {
        return CompletableFuture.runAsync(() -> {
            try {
                SavedFile.export(to, out -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    body.write(w);
                    w.flush();
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, on);
    }
}
