package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jaildesk.domain.Shown;
import org.jaildesk.host.parse.Lines;
import org.jaildesk.host.parse.Progress;
import org.jaildesk.protocol.Event;
import org.jaildesk.protocol.Protocol;

/**
 * How the actions run iocage and read what it did: reads whose output is the answer, long jobs that send their
 * progress as events, and iocage's failures told apart from its successes in each dialect.
 */
final class Commands {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IocageHost host;
    private final HostOptions options;

    Commands(IocageHost host, HostOptions options) {
        this.host = host;
        this.options = options;
    }

    /** Runs a read: its output is the answer, so output cut at the runner's cap is a failure, not a shorter answer. */
    CommandResult read(List<String> args) throws CommandException, ActionFailedException {
        return complete(host.exec(args, options.readTimeout(), "", null));
    }

    /** {@link #read}, failing unless iocage succeeded: the output of a read that worked. */
    CommandResult readOk(Cli cli, List<String> args) throws CommandException, ActionFailedException {
        CommandResult r = read(args);
        requireSuccess(cli, r);
        return r;
    }

    /**
     * Runs a read with one of the host's own programs, failing unless it finished in time and succeeded: the output of
     * a read that worked. A failure names the program and quotes its last line (at most 300 characters).
     */
    CommandResult toolOk(Tool tool, List<String> args) throws CommandException, ActionFailedException {
        CommandResult r = complete(host.execTool(tool, new CommandSpec(args, options.readTimeout(), "", null)));
        if (r.timedOut()) {
            throw new ActionFailedException(tool.command() + " did not finish within " + options.readTimeout().toSeconds()
                    + " s and was stopped");
        }
        if (r.exitCode() != 0) {
            String said = Shown.of(lastLine(r.stderr().isBlank() ? r.stdout() : r.stderr()), 300);
            throw new ActionFailedException(tool.command() + " failed (exit " + r.exitCode() + ")"
                    + (said.isBlank() ? "" : ": " + said));
        }
        return r;
    }

    /**
     * Where a dataset is mounted, asked of {@code zfs get} as {@code zfsGet} (its last argument the dataset): a folder, or
     * a failure naming the dataset as {@code what} ("the images dataset") and what zfs said instead ({@code none},
     * {@code legacy}, a line with control characters).
     */
    String mountpoint(List<String> zfsGet, String what) throws CommandException, ActionFailedException {
        String folder = toolOk(Tool.ZFS, zfsGet).stdout().strip();
        if (!folder.startsWith("/") || folder.chars().anyMatch(Character::isISOControl)) {
            throw new ActionFailedException(what + " " + zfsGet.get(zfsGet.size() - 1)
                    + " is not mounted on a folder (its mountpoint is '" + Shown.of(folder, 120) + "')");
        }
        return folder;
    }

    /** Reads a program's output; refuses output it does not recognise with an {@code IocageParseException}. */
    interface ToolOutput<T> {
        T read(String stdout) throws Exception;
    }

    /**
     * {@link #toolOk}, its output read by {@code output}: output that is not the program's fails, naming the program
     * and what was wrong, never an empty answer.
     */
    <T> T toolRead(Tool tool, List<String> args, ToolOutput<T> output) throws Exception {
        String stdout = toolOk(tool, args).stdout();
        try {
            return output.read(stdout);
        } catch (org.jaildesk.host.parse.IocageParseException e) {
            throw new ActionFailedException(tool.command() + " printed output JailDesk cannot read: " + e.getMessage());
        }
    }

    static CommandResult complete(CommandResult r) throws ActionFailedException {
        if (r.truncated() && !r.timedOut()) {
            throw new ActionFailedException("iocage printed more output than JailDesk reads ("
                    + ProcessRunner.DEFAULT_OUTPUT_CAP / (1024 * 1024) + " MiB); the answer would be incomplete, so it is not used");
        }
        return r;
    }

    /** Runs a long job and sends dispatcher events: start, each output line (with percent where known), end. */
    CommandResult longJob(String id, List<String> argv, String stdin) throws CommandException {
        host.publish(dispatcher(id, "running", null, -1));
        CommandResult r = host.exec(argv, options.longTimeout(), stdin, line -> {
            String text = Progress.clean(line);
            if (!text.isEmpty()) {
                host.publish(dispatcher(id, "running", text, Progress.parse(line).map(Progress::percent).orElse(-1)));
            }
        });
        ObjectNode end = dispatcherArgs(id, "finished", null, -1);
        end.put("exit_code", String.valueOf(r.exitCode()));
        host.publish(new Event(Protocol.DISPATCHER_EVENT, end));
        return r;
    }

    private static Event dispatcher(String id, String state, String line, int percent) {
        return new Event(Protocol.DISPATCHER_EVENT, dispatcherArgs(id, state, line, percent));
    }

    private static ObjectNode dispatcherArgs(String id, String state, String line, int percent) {
        ObjectNode o = JSON.objectNode();
        o.put("process_id", id);
        o.put("state", state);
        if (line != null) {
            o.put("line", line);
        }
        if (percent >= 0) {
            o.put("percent", percent);
        }
        return o;
    }

    static Event jailChanged(String action, String jail) {
        return Event.change(Protocol.JAIL_CHANGED_EVENT, action, jail);
    }

    void requireSuccess(Cli cli, CommandResult r) throws ActionFailedException {
        Optional<String> f = failure(cli, r);
        if (f.isPresent()) {
            throw new ActionFailedException(f.get());
        }
    }

    /**
     * Whether a command failed, and why, in iocage's words. Python: a traceback or a non-zero exit. Legacy: exit
     * codes are unreliable, so any {@code ERROR} line also counts (reference §2.1).
     */
    Optional<String> failure(Cli cli, CommandResult r) {
        return failure(cli, r, r.crashed());
    }

    /** {@link #failure(Cli, CommandResult)} for a caller that has looked for a traceback already (a long scan). */
    Optional<String> failure(Cli cli, CommandResult r, boolean crashed) {
        if (r.timedOut()) {
            Duration t = r.elapsed();
            return Optional.of("iocage did not finish in time (" + Math.max(1, t.toSeconds()) + " s) and was stopped");
        }
        if (crashed) {
            return Optional.of("iocage crashed: " + lastLine(r.stderr().isBlank() ? r.stdout() : r.stderr()));
        }
        if (cli.dialect().isLegacy()) {
            String err = firstLineWith(r.stdout() + "\n" + r.stderr(), "ERROR");
            if (!err.isEmpty()) {
                return Optional.of(err);
            }
        }
        if (r.exitCode() != 0) {
            String said = Lines.meaningful(r.stderr()).stream().map(l -> l.text().trim()).reduce((x, y) -> x + "; " + y)
                    .orElse("");
            String last = lastLine(r.stdout());
            String message = !said.isEmpty() ? said : "iocage exited with status " + r.exitCode()
                    + (r.exitCode() > 128 ? " (killed by signal " + (r.exitCode() - 128) + ")" : "")
                    + (last.isEmpty() ? "" : "; its last output: " + last);
            return Optional.of(message.length() > 2000 ? message.substring(0, 2000) + "…" : message);
        }
        return Optional.empty();
    }

    static String firstLineWith(String text, String word) {
        for (String l : text.split("\n")) {
            if (l.contains(word)) {
                return l.trim();
            }
        }
        return "";
    }

    static String lastLine(String text) {
        List<Lines.Line> lines = Lines.meaningful(text);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).text().trim();
    }
}
