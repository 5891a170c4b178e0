package org.jaildesk.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where JailDesk keeps its files, per platform convention: the user's config folder (hosts, accepted certificates,
 * window layout) and the server's state folder (certificate, users, audit log). {@code -Djaildesk.config.dir} and
 * {@code -Djaildesk.state.dir} override them (tests, portable installs).
 */
public final class AppDirs {

    private AppDirs() {
    }

    public static Path config() {
        String override = System.getProperty("jaildesk.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/JailDesk");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("JailDesk");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("jaildesk");
    }

    /** The server's state: /var/db/jaildesk when run as root on FreeBSD, else the user's state folder. */
    public static Path serverState() {
        String override = System.getProperty("jaildesk.state.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("freebsd") && "root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/db/jaildesk");
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path home = Path.of(System.getProperty("user.home"));
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/state")).resolve("jaildesk");
    }
}
