package org.jaildesk.domain;

/**
 * One ZFS snapshot of a jail: its name (after '@'), when it was taken as the host prints it, the data it refers to
 * and the space it alone holds (what removing it would free).
 */
public record JailSnapshot(String name, String created, Size referenced, Size used) {

    public JailSnapshot {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a snapshot needs a name");
        }
        created = created == null ? "" : created;
    }
}
