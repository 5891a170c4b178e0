package org.jaildesk.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.jaildesk.host.JailConsole;
import org.jaildesk.host.ProcessRunner;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jails.ConsoleOpener;

/**
 * Jails' consoles in a terminal of this desktop: this machine's with {@code iocage console J} (through doas or sudo, as
 * this machine's iocage is run), another host's over ssh as the user chose for it; in the terminal {@link Terminals}
 * finds, started as its own process with no shell between. The terminal is left running when JailDesk ends; JailDesk
 * does not read what it shows. {@code iocage} is null on a desktop without iocage: only other hosts' consoles then.
 */
final class LocalConsoles implements ConsoleOpener {

    private static final Logger LOG = Logger.getLogger(LocalConsoles.class.getName());
    /** A terminal that ends with an error within this long after it started did not open the console. */
    static final Duration WATCHED = Duration.ofSeconds(2);

    private final Path iocage;
    private final Supplier<ProcessRunner.Privilege> privilege;
    private final Supplier<String> configured;
    private final String terminalVariable;
    private final Function<String, Optional<Path>> onPath;
    private final Messages msg;
    private final Executor background;

    LocalConsoles(Path iocage, Supplier<ProcessRunner.Privilege> privilege, Supplier<String> configured,
                  String terminalVariable, Function<String, Optional<Path>> onPath, Messages msg, Executor background) {
        this.iocage = iocage;
        this.privilege = privilege;
        this.configured = configured;
        this.terminalVariable = terminalVariable;
        this.onPath = onPath;
        this.msg = msg;
        this.background = background;
    }

    @Override
    public CompletableFuture<String> open(String id) {
        return opened(id, () -> argv(id));
    }

    @Override
    public CompletableFuture<String> openOver(String ssh, String id) {
        return opened(id, () -> {
            Optional<Terminals.Problem> problem = Terminals.whyNot(ssh, onPath);
            if (ssh == null || ssh.isBlank() || problem.isPresent()) {
                throw new IllegalStateException(msg.get("console.badSsh", ssh == null ? "" : ssh.strip(),
                        problem.map(this::said).orElse(msg.get("ssh.none"))));
            }
            return inTerminal(() -> JailConsole.overSsh(Terminals.split(ssh), id));
        });
    }

    /** Starts what {@code argv} makes, off the calling (FX) thread: looking along PATH and starting a process. */
    private CompletableFuture<String> opened(String id, java.util.function.Supplier<List<String>> argv) {
        return CompletableFuture.supplyAsync(() -> start(argv.get()), background)
                .thenCompose(started -> started.process().onExit()
                        .completeOnTimeout(null, WATCHED.toMillis(), TimeUnit.MILLISECONDS)
                        .thenApply(ended -> {
                            // Most terminals keep running; some hand the window to a server and end at once, with 0.
                            if (ended != null && ended.exitValue() != 0) {
                                throw new IllegalStateException(msg.get("console.endedAtOnce", started.name(), ended.exitValue()));
                            }
                            LOG.info("opened the console of " + id + ": " + String.join(" ", started.argv()));
                            return started.name();
                        }));
    }

    /** The terminal's words, then the console's; refused (saying why) before anything starts. */
    List<String> argv(String id) {
        if (iocage == null) {
            throw new IllegalStateException(msg.get("console.noIocage"));
        }
        return inTerminal(() -> JailConsole.argv(iocage, privilege.get(), id));
    }

    /** The terminal's words, then {@code console}'s; a name that is no jail's refused in the window's words. */
    private List<String> inTerminal(java.util.function.Supplier<List<String>> console) {
        List<String> words;
        try {
            words = console.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(msg.get("console.badName", e.getMessage()));
        }
        List<String> argv = new ArrayList<>(terminal());
        argv.addAll(words);
        return List.copyOf(argv);
    }

    /** The terminal's words, as chosen or found; refused (saying why) where there is none that can run. */
    private List<String> terminal() {
        String chosen = configured.get();
        Optional<Terminals.Problem> problem = Terminals.whyNot(chosen, onPath);
        if (problem.isPresent()) {
            throw new IllegalStateException(msg.get("console.badTerminal", chosen.strip(), said(problem.get())));
        }
        return Terminals.resolve(chosen, terminalVariable, onPath).orElseThrow(() ->
                new IllegalStateException(msg.get("console.noTerminal",
                        String.join(", ", Terminals.KNOWN.stream().map(java.util.Map.Entry::getKey).toList()))));
    }

    /** A terminal started: its process, its name, and the argv it was given. */
    private record Started(Process process, String name, List<String> argv) {
    }

    private Started start(List<String> argv) {
        String name = Path.of(argv.get(0)).getFileName().toString();
        try {
            return new Started(new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start(), name, argv);
        } catch (IOException e) {
            throw new IllegalStateException(msg.get("console.notStarted", name, e.getMessage()), e);
        }
    }

    @Override
    public String found() {
        return Terminals.resolve("", terminalVariable, onPath).map(w -> String.join(" ", w)).orElse("");
    }

    @Override
    public Optional<String> whyNot(String command) {
        return Terminals.whyNot(command, onPath).map(this::said);
    }

    private String said(Terminals.Problem p) {
        return msg.get(p.key(), p.named());
    }
}
