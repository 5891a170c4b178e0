package org.jaildesk.domain;

import java.util.List;
import java.util.Objects;

/**
 * A running jail on the host that iocage did not make (started by {@code jail.conf}, Bastille, pot, AppJail…), as
 * {@code jls} shows it. JailDesk only shows it: starting, stopping or changing it is left to the tool that made it.
 *
 * @param jid      the kernel's id for it
 * @param name     its kernel name ({@code jail -r <name>} would stop it)
 * @param hostname its {@code host.hostname}
 * @param path     its root directory on the host
 * @param ip4      its IPv4 addresses; none for a VNET jail or one without
 * @param ip6      its IPv6 addresses
 */
public record OtherJail(int jid, String name, String hostname, String path, List<String> ip4, List<String> ip6) {

    /** The tools whose default folder for jails is known; {@link #OTHER} for any other place. */
    public enum Maker {
        BASTILLE("Bastille", "/usr/local/bastille/jails/"),
        POT("pot", "/opt/pot/jails/"),
        APPJAIL("AppJail", "/usr/local/appjail/jails/"),
        CBSD("CBSD", "/usr/jails/jails/"),
        OTHER("", "");

        private final String shown;
        private final String folder;

        Maker(String shown, String folder) {
            this.shown = shown;
            this.folder = folder;
        }

        /** The tool's own name; empty for {@link #OTHER}. */
        public String shown() {
            return shown;
        }
    }

    public OtherJail {
        if (jid <= 0) {
            throw new IllegalArgumentException("a running jail has a positive id, not " + jid);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(path, "path");
        ip4 = List.copyOf(ip4);
        ip6 = List.copyOf(ip6);
    }

    /**
     * Which tool it most likely came from, by its root's place: a guess, right only where the tool keeps its default
     * folder (and the folder is its own). The window says "looks like".
     */
    public Maker maker() {
        for (Maker m : Maker.values()) {
            if (m != Maker.OTHER && path.startsWith(m.folder)) {
                return m;
            }
        }
        return Maker.OTHER;
    }

    /**
     * Whether {@code jls} shows a jail of iocage's: iocage names its kernel jails {@code ioc-<name>} (dots made
     * underscores; legacy iocage {@code ioc-<UUID>}) and keeps them under {@code <pool mountpoint>/iocage/jails/}.
     */
    public static boolean isIocages(String kernelName, String path) {
        return kernelName.startsWith("ioc-") || path.contains("/iocage/jails/");
    }
}
