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
}
