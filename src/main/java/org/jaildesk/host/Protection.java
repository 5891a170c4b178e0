package org.jaildesk.host;

import java.util.Set;

/**
 * The jails a server keeps protected from destroy (its own marks, {@code jaildesk serve}'s {@code protectjail}): the
 * host refuses {@code destroyjail} of one, and every clean that would destroy one, whoever asks. A host in the
 * desktop's process has none; the desktop keeps its own marks there.
 */
public interface Protection {

    /** No marks: nothing is refused for them. */
    Protection NONE = new Protection() {
        @Override
        public Set<String> ids() {
            return Set.of();
        }

        @Override
        public void moved(String from, String to) {
        }
    };

    /** The ids marked (a Python jail's name, a legacy jail's UUID or tag, as it was marked). */
    Set<String> ids();

    /** A marked jail now goes by {@code to} (renamed); nothing for one that is not marked. */
    void moved(String from, String to);
}
