package org.jaildesk.domain;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jaildesk.domain.Wording.Phrase;

/**
 * The rules for a command run inside a jail ({@code execjail}) and the user it runs as, shared by the command consoles
 * (before anything is sent, which matters when one command goes to many jails) and the host (before anything runs).
 * The command is one line of text handed to the jail's shell as one argument; the user a FreeBSD login name.
 */
public final class CommandLines {

    /** Longest command, as every argument of a request. */
    public static final int MAX_COMMAND = 8192;

    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?");

    private CommandLines() {
    }

    /** The problem with running {@code command} as {@code user}: the user's first, as the host checks them. */
    public static Optional<Wording> check(String user, String command) {
        return checkUser(user).or(() -> checkCommand(command));
    }

    /** The problem with {@code command}, or empty when it may be run. */
    public static Optional<Wording> checkCommand(String command) {
        if (command == null || command.isBlank()) {
            return Optional.of(Wording.of(Phrase.COMMAND_EMPTY));
        }
        if (command.length() > MAX_COMMAND) {
            return Optional.of(Wording.of(Phrase.COMMAND_TOO_LONG, Integer.toString(command.length()),
                    Integer.toString(MAX_COMMAND)));
        }
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return Optional.of(Wording.of(Phrase.COMMAND_CONTROL, Integer.toString(c)));
            }
        }
        return Optional.empty();
    }

    /** The problem with {@code user}, or empty when it is a login name the command may run as. */
    public static Optional<Wording> checkUser(String user) {
        if (user == null || user.isEmpty()) {
            return Optional.of(Wording.of(Phrase.USER_EMPTY));
        }
        return USER.matcher(user).matches() ? Optional.empty()
                : Optional.of(Wording.of(Phrase.USER_INVALID, Shown.of(user)));
    }
}
