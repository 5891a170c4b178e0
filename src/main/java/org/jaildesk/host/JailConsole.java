package org.jaildesk.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that opens a login in a running jail of this machine: {@code iocage console J}, which runs {@code jexec …
 * login} and needs a terminal of its own (reference §3.8), so it is run in one, not by {@link ProcessRunner}. Through
 * doas or sudo as this machine's iocage is run, but without {@code -n}: in a terminal they may ask for the password.
 */
public final class JailConsole {

    private JailConsole() {
    }

    /**
     * The argv: [doas|sudo] iocage console {@code jail}. A name that is no jail's ({@code -f}, {@code a;b}, a line
     * break, …) is refused before anything is built: {@link IllegalArgumentException} saying why.
     */
    public static List<String> argv(Path iocage, ProcessRunner.Privilege privilege, String jail) {
        Validation.jail(jail, false).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        List<String> out = new ArrayList<>();
        switch (privilege) {
            case DOAS -> out.add("doas");
            case SUDO -> out.add("sudo");
            case NONE -> { }
        }
        out.add(iocage.toString());
        out.add("console");
        out.add(jail);
        return List.copyOf(out);
    }

    /**
     * The argv of a console of another host's jail: {@code ssh}'s words as the user chose them for that host (for
     * example {@code ssh -t admin@nas.lan doas}), then iocage console and the jail. ssh hands the words after its
     * destination to the host's shell as one line; a jail's name holds only letters, digits and {@code . _ - @ :}
     * ({@link Validation#jail}), which no shell reads as anything but itself, and is refused otherwise.
     */
    public static List<String> overSsh(List<String> ssh, String jail) {
        Validation.jail(jail, false).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        if (ssh.isEmpty()) {
            throw new IllegalArgumentException("no ssh command to reach the host with");
        }
        List<String> out = new ArrayList<>(ssh);
        out.add("iocage");
        out.add("console");
        out.add(jail);
        return List.copyOf(out);
    }
}
