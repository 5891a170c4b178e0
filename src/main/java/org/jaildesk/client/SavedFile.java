package org.jaildesk.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.jaildesk.domain.Shown;

/**
 * A file of the desktop's config or state folder (saved hosts, accepted certificates, window state, job history):
 * people edit these by hand, and another version of JailDesk may have written them. One that cannot be read is never
 * overwritten by the next save: it is moved aside under a new name ({@code hosts.json.unreadable-20261127-153000}),
 * kept as it was, and the user is told where. Reads are bounded: a file past its limit is not read at all.
 */
public final class SavedFile {

    private static final Logger LOG = Logger.getLogger(SavedFile.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    /** The most of a reason kept in a notice (a parser's message may quote the file). */
    private static final int REASON = 300;

    /**
     * A file that could not be used as it was.
     *
     * @param file   the file as JailDesk knows it
     * @param keptAs where its content now is, or empty if it could not be moved (then JailDesk does not write it)
     * @param reason what was wrong, one line
     */
    public record SetAside(Path file, Optional<Path> keptAs, String reason) {
    }

    /** Reads the content; throws (any exception) when it is not what it should be. */
    @FunctionalInterface
    public interface Parse<T> {
        T from(InputStream in) throws Exception;
    }

    /** Writes the whole new content. */
    @FunctionalInterface
    public interface Write {
        void to(OutputStream out) throws IOException;
    }

    /** Renames a file (a seam for tests: a rename the file system refuses cannot be arranged as root). */
    @FunctionalInterface
    interface Rename {
        void move(Path from, Path to) throws IOException;
    }

    private final Path file;
    private final long limit;
    private final Consumer<SetAside> setAside;
    private final Rename rename;
    private volatile boolean stuck;
    private final AtomicBoolean toldWriteFailed = new AtomicBoolean();

    /**
     * @param limit    the most bytes read; a bigger file is set aside unread
     * @param setAside told of each file set aside (on the calling thread)
     */
    public SavedFile(Path file, long limit, Consumer<SetAside> setAside) {
        this(file, limit, setAside, (from, to) -> Files.move(from, to));
    }

    SavedFile(Path file, long limit, Consumer<SetAside> setAside, Rename rename) {
        this.file = file;
        this.limit = limit;
        this.setAside = setAside;
        this.rename = rename;
    }

    /** A file whose trouble is only logged (the command line, tests). */
    public static SavedFile logged(Path file, long limit) {
        return new SavedFile(file, limit, s -> { });
    }

    public Path path() {
        return file;
    }

    /** The content parsed; empty when there is no file or it could not be read (it was then set aside). */
    public <T> Optional<T> read(Parse<T> parse) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            setAside("cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        if (content.length > limit) {
            setAside(String.format(Locale.ROOT, "it is larger than the %,d bytes JailDesk reads", limit));
            return Optional.empty();
        }
        try {
            return Optional.of(parse.from(new ByteArrayInputStream(content)));
        } catch (Exception e) {
            setAside(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Moves the file aside, as it is, and says so: it cannot be used, and the next save must not destroy what the user
     * had in it. If it cannot be moved, it is not written either.
     */
    public void setAside(String reason) {
        // One line, without its closing full stop: the message around it has its own.
        String why = Shown.cut(reason, REASON).replaceAll("\\p{Cntrl}+", " ").strip().replaceAll("\\.+$", "");
        Optional<Path> kept = Optional.empty();
        try {
            String name = file.getFileName() + ".unreadable-" + LocalDateTime.now().format(STAMP);
            Path to = file.resolveSibling(name);
            for (int n = 2; Files.exists(to); n++) {
                to = file.resolveSibling(name + "-" + n);
            }
            rename.move(file, to);
            kept = Optional.of(to);
        } catch (IOException e) {
            stuck = true;
            LOG.warning("cannot move " + file + " aside: " + e.getMessage() + "; JailDesk will not write it");
        }
        LOG.warning(file + " " + why + (kept.isPresent() ? "; kept as " + kept.get() : ""));
        setAside.accept(new SetAside(file, kept, why));
    }

    /**
     * Makes {@code tmp} (new, or left by a write that was cut off) readable by its owner only, before anything is
     * written to it: the job history holds what commands run in jails printed, which may be secret, and a home folder
     * is often readable by every local user.
     */
    private static void ownerOnly(Path tmp) throws IOException {
        try {
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException leftOver) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: its own rules apply.
        }
    }

    /**
     * {@link #write}, for a save that follows a change in the window: a failure is logged, and the first one for this
     * file is given to {@code told} (to be said in the window's language), so that the user hears of it once, not at every save. Returns
     * whether the file was written.
     */
    public boolean writeOrTellOnce(Write content, Consumer<IOException> told) {
        try {
            write(content);
            return true;
        } catch (IOException e) {
            LOG.warning("cannot save " + file + ": " + e.getMessage());
            if (toldWriteFailed.compareAndSet(false, true)) {
                told.accept(e);
            }
            return false;
        }
    }

    /**
     * An export to a place the user chose (the jobs, the protocol log, a server's action log): written as {@link #write}
     * writes, whole and readable by its owner only, but into a folder that is there: a mistyped folder is refused, not
     * made.
     */
    public static void export(Path to, Write content) throws IOException {
        Path folder = to.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString());
        }
        new SavedFile(to, Long.MAX_VALUE, aside -> { }).write(content);
    }

    /**
     * Replaces the file's content at once (a new file moved over the old one), never leaving half a file. What went
     * wrong is said in words a user can act on ("/home/a/.config/jaildesk exists and is not a folder").
     */
    public void write(Write content) throws IOException {
        if (stuck) {
            throw new LeftAsItIs(file);
        }
        try {
            // A link (a dotfiles folder linked in) stays a link: the file it points to is the one replaced.
            Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            ownerOnly(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.to(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AccessDeniedException | NoSuchFileException e) {
            throw new IOException(words(e), e);
        }
    }

    /** A file that could not be read nor moved aside: it is left as it is, and nothing is written to it. */
    public static final class LeftAsItIs extends IOException {

        private static final long serialVersionUID = 1L;
        private final transient Path file;

        public LeftAsItIs(Path file) {
            super(file + " could not be read nor moved aside; it is left as it is");
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    /**
     * What a file operation run in the background ended with (a {@code CompletionException} around an
     * {@code UncheckedIOException} around the {@link IOException}); any other error by its message.
     */
    public static String words(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.io.UncheckedIOException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof IOException io ? words(io) : String.valueOf(e.getMessage());
    }

    /**
     * What a failed file operation means, in words one can act on: the JDK's messages for the commonest ones are only
     * the path ("/home/a/.config/jaildesk").
     */
    public static String words(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof AccessDeniedException f && f.getReason() == null) {
            return f.getFile() + ": permission denied";
        }
        if (e instanceof NoSuchFileException f && f.getReason() == null) {
            return f.getFile() + ": no such file or folder";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
