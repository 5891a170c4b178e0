package org.jaildesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The terminal a jail's console opens in on this machine, as the words before the console's own argv: the one chosen
 * in the window (<i>Host ▸ Terminal for consoles…</i>), else the {@code TERMINAL} environment variable, else the first
 * of the usual ones found on {@code PATH}. Nothing runs through a shell: the words are split at spaces and the
 * console's argv follows them as separate arguments.
 */
final class Terminals {

    /** The longest terminal command taken. */
    static final int LONGEST = 512;

    /**
     * The usual terminals, looked for on PATH in this order, each with the words that make it run the rest of its
     * argv as a command (each takes every argument after them as the command and its arguments).
     */
    static final List<Map.Entry<String, List<String>>> KNOWN = List.of(
            Map.entry("konsole", List.of("-e")),
            Map.entry("gnome-terminal", List.of("--")),
            Map.entry("xfce4-terminal", List.of("-x")),
            Map.entry("mate-terminal", List.of("-x")),
            Map.entry("alacritty", List.of("-e")),
            Map.entry("kitty", List.of()),
            Map.entry("foot", List.of()),
            Map.entry("wezterm", List.of("start", "--")),
            Map.entry("urxvt", List.of("-e")),
            Map.entry("xterm", List.of("-e")));

    private Terminals() {
    }

    /**
     * The words before the console's argv: {@code configured} if it is not blank, else {@code terminalVariable}, else
     * the first of {@link #KNOWN} that {@code onPath} finds; empty when there is none. A single word that names a known
     * terminal gets the words that make it run a command; any other single word gets {@code -e}, as most terminals
     * take it.
     */
    static Optional<List<String>> resolve(String configured, String terminalVariable, Function<String, Optional<Path>> onPath) {
        for (String given : new String[] {configured, terminalVariable}) {
            if (given != null && !given.isBlank()) {
                return Optional.of(words(given));
            }
        }
        for (Map.Entry<String, List<String>> t : KNOWN) {
            if (onPath.apply(t.getKey()).isPresent()) {
                List<String> out = new ArrayList<>();
                out.add(t.getKey());
                out.addAll(t.getValue());
                return Optional.of(List.copyOf(out));
            }
        }
        return Optional.empty();
    }

    /** A command's words as typed, split at runs of spaces: no shell reads them. */
    static List<String> split(String command) {
        return List.of(command.strip().split("\\s+"));
    }

    /** The words of a terminal command; one word gets the words that make it run a command. */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>(split(command));
        if (out.size() == 1) {
            String name = Path.of(out.get(0)).getFileName().toString().toLowerCase(Locale.ROOT);
            out.addAll(KNOWN.stream().filter(t -> t.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                    .orElse(List.of("-e")));
        }
        return List.copyOf(out);
    }

    /** What is wrong with a terminal command: a message key of the window and what it names. */
    record Problem(String key, String named) {
    }

    /**
     * Why {@code command} cannot be the terminal: too long, a control character, or its first word neither an
     * executable file (a path) nor found on PATH (a name); empty when it can, and for a blank one (the default).
     */
    static Optional<Problem> whyNot(String command, Function<String, Optional<Path>> onPath) {
        if (command == null || command.isBlank()) {
            return Optional.empty();
        }
        if (command.length() > LONGEST) {
            return Optional.of(new Problem("terminal.tooLong", Integer.toString(LONGEST)));
        }
        if (command.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(new Problem("terminal.control", ""));
        }
        String first = command.strip().split("\\s+")[0];
        if (first.contains("/")) {
            Path p = Path.of(first);
            return p.isAbsolute() && Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.empty()
                    : Optional.of(new Problem("terminal.notExecutable", first));
        }
        return onPath.apply(first).isPresent() ? Optional.empty() : Optional.of(new Problem("terminal.notOnPath", first));
    }
}
