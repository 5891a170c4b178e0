package org.jaildesk.host;

import java.nio.file.Path;

/**
 * A program of the host's own, besides iocage, that JailDesk runs: each with its fixed place in FreeBSD's base
 * system, run without a privilege prefix and never through a shell.
 */
public enum Tool {
    /** {@code ps(1)}: what the processes of each jail use (iocage has no such listing). Any user sees every process. */
    PS("ps", Path.of("/bin/ps")),
    /** {@code zfs(8)}, reading only: where the images dataset is mounted (iocage's {@code export} writes there). */
    ZFS("zfs", Path.of("/sbin/zfs")),
    /** {@code find(1)}: the image files in that folder, each with its size and time through {@code stat(1)}. */
    FIND("find", Path.of("/usr/bin/find")),
    /** {@code zpool(8)}, reading only: the host's pools, for choosing the one iocage is activated on. */
    ZPOOL("zpool", Path.of("/sbin/zpool")),
    /** {@code jls(8)}: the running jails iocage did not make. Any user sees every jail. */
    JLS("jls", Path.of("/usr/sbin/jls")),
    /** {@code ifconfig(8)}, reading only: the host's interfaces and bridges, for a jail's network. Any user sees them. */
    IFCONFIG("ifconfig", Path.of("/sbin/ifconfig")),
    /**
     * {@code tail(1)}: the end of a jail's console log, which jail(8) creates readable by every user ({@code 0644}
     * under the usual umask).
     */
    TAIL("tail", Path.of("/usr/bin/tail"));

    private final String command;
    private final Path path;

    Tool(String command, Path path) {
        this.command = command;
        this.path = path;
    }

    /** The name it goes by, as the protocol log shows it. */
    public String command() {
        return command;
    }

    /** Where FreeBSD keeps it. */
    public Path path() {
        return path;
    }
}
