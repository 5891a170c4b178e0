package org.jaildesk.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.jaildesk.host.Protection;
import org.jaildesk.host.Validation;

/**
 * The jails this server keeps protected from destroy, one id a line in {@code protected.txt} in its state folder
 * ({@code rw-------}, replaced whole at each change): the host refuses {@code destroyjail} of one and every clean that
 * would destroy one, for every client of the server (desktops, {@code jaildesk call}, REST). Not iocage's: a shell's
 * {@code iocage destroy} does not know of them.
 */
final class ProtectedJails implements Protection {

    private static final Logger LOG = Logger.getLogger(ProtectedJails.class.getName());
    /** More marks than any host has jails. */
    static final int MOST = 10_000;

    private final Path file;
    private final TreeSet<String> ids = new TreeSet<>();
    private java.util.function.BiConsumer<String, String> told = (action, jail) -> { };

    /** Reads the marks kept in {@code file}; a line that is no jail name is left out and said in the log. */
    ProtectedJails(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            int dropped = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isEmpty() && Validation.jail(line, false).isEmpty() && ids.size() < MOST) {
                    ids.add(line);
                } else if (!line.isEmpty()) {
                    dropped++;
                }
            }
            if (dropped > 0) {
                LOG.warning("ignoring " + dropped + " lines of " + file + " that name no jail");
            }
        }
    }

    /**
     * Told each change as it is kept, in the order kept: {@code protectjail}, {@code unprotectjail} or {@code renamejail}
     * and the jail's name (its new name for a rename). Called while the marks are locked, so that what it sends on
     * goes out in the order of the changes.
     */
    synchronized void onChange(java.util.function.BiConsumer<String, String> told) {
        this.told = told;
    }

    @Override
    public synchronized Set<String> ids() {
        return Collections.unmodifiableSet(new TreeSet<>(ids));
    }

    /** Marks {@code id}; the marks after. Refuses a name that is no jail's, or one more than {@link #MOST}. */
    synchronized List<String> add(String id) throws IOException {
        requireJailName(id);
        if (!ids.contains(id) && ids.size() >= MOST) {
            throw new IllegalArgumentException("this server keeps at most " + MOST + " jails protected");
        }
        if (ids.add(id)) {
            try {
                save();
            } catch (IOException e) {
                ids.remove(id); // the answer says it was not kept: then it is not
                throw e;
            }
            told.accept("protectjail", id);
        }
        return List.copyOf(ids);
    }

    /** Takes the mark of {@code id} away (nothing when it has none); the marks after. Refuses a name that is no jail's. */
    synchronized List<String> remove(String id) throws IOException {
        requireJailName(id);
        if (ids.remove(id)) {
            try {
                save();
            } catch (IOException e) {
                ids.add(id); // the answer says it was not taken away: then it still protects
                throw e;
            }
            told.accept("unprotectjail", id);
        }
        return List.copyOf(ids);
    }

    private static void requireJailName(String id) {
        Validation.jail(id, false).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
    }

    @Override
    public synchronized void moved(String from, String to) {
        if (from.equals(to) || !ids.contains(from)) {
            return;
        }
        ids.remove(from);
        ids.add(to);
        told.accept("renamejail", to);
        try {
            save();
        } catch (IOException e) {
            // The rename happened and its reply says so; the mark holds for this run, and the log says why it may not
            // after a restart.
            LOG.severe("cannot keep the protection of " + from + " under its new name " + to + " in " + file + ": " + e.getMessage());
        }
    }

    /** The whole file anew, moved over the old one: never half a list. */
    private void save() throws IOException {
        OwnerOnly.replace(file, ids.isEmpty() ? "" : String.join("\n", ids) + "\n");
    }
}
