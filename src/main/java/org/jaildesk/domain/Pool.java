package org.jaildesk.domain;

/** The ZFS pool iocage keeps its jails on, or none when no pool is active. */
public record Pool(String name, boolean active) {

    public static Pool none() {
        return new Pool("", false);
    }
}
