package org.jaildesk.ui.jails;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.jaildesk.domain.Jail;

/**
 * The jails of one host that this desktop keeps from being destroyed (Proxmox's "protection"): while a jail is marked,
 * <i>Destroy</i> is off for it and a clean that would destroy it refuses, until the mark is removed. The marks are
 * kept by jail id in {@code ui-state.json}, with the host's table layout; they guard what this JailDesk does, not iocage
 * on the host or another desktop. A mark stays with its id when the jail is gone (a new jail of that name is
 * protected too: the safe side) and follows a rename.
 *
 * <p>Used on the FX thread.
 */
public final class ProtectedJails {

    /** The most marks kept for one host: more than any host has jails. */
    public static final int MOST = 10_000;
    /** A jail id is a name or a UUID; one longer than this in the saved file is no jail's. */
    private static final int LONGEST = 255;

    private final ObservableSet<String> ids = FXCollections.observableSet(new TreeSet<>());
    private final ObservableSet<String> shown = FXCollections.unmodifiableObservableSet(ids);
    private Consumer<List<String>> changed = marks -> { };

    /** The ids marked, in order; changes as marks are added and removed. */
    public ObservableSet<String> ids() {
        return shown;
    }

    public boolean has(Jail jail) {
        return ids.contains(jail.id());
    }

    public boolean has(String id) {
        return ids.contains(id);
    }

    /** Marks every one of {@code jails} (those marked already stay so); false if the host already has {@link #MOST}. */
    public boolean protect(Collection<Jail> jails) {
        List<String> add = jails.stream().map(Jail::id).filter(id -> !ids.contains(id)).distinct().toList();
        if (ids.size() + add.size() > MOST) {
            return false;
        }
        if (ids.addAll(add)) {
            changed.accept(new ArrayList<>(ids));
        }
        return true;
    }

    public void unprotect(Collection<Jail> jails) {
        if (ids.removeAll(jails.stream().map(Jail::id).toList())) {
            changed.accept(new ArrayList<>(ids));
        }
    }

    /** A marked jail now goes by {@code to} (a rename on a host whose ids are names). */
    public void moved(String from, String to) {
        if (!from.equals(to) && ids.remove(from)) {
            ids.add(to);
            changed.accept(new ArrayList<>(ids));
        }
    }

    /**
     * Puts back the marks saved for the host, adding to those made since; returns how many were not a jail id (empty,
     * longer than 255 characters, with a control character, or beyond {@link #MOST}), which are dropped.
     */
    public int restore(Collection<String> saved) {
        int dropped = 0;
        for (String id : saved) {
            if (isId(id) && (ids.contains(id) || ids.size() < MOST)) {
                ids.add(id);
            } else {
                dropped++;
            }
        }
        return dropped;
    }

    /** Told the marks, in order, once after each change made here (to keep them); not after {@link #restore}. */
    public void onChange(Consumer<List<String>> told) {
        this.changed = told;
    }

    private static boolean isId(String id) {
        return id != null && !id.isEmpty() && id.length() <= LONGEST && id.chars().noneMatch(Character::isISOControl)
                && id.strip().equals(id);
    }
}
