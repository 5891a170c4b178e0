package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jaildesk.domain.Shown;

/**
 * A jail's console log (JailDesk's extension {@code consolelog}): what the jail's rc printed at each start and stop,
 * which jail(8) appends to {@code <iocroot>/log/ioc-<name>-console.log} for Python iocage ({@code exec.consolelog}).
 * Where a service did not start, it says why. Read with the host's {@code zfs get} and {@code tail}, never through a
 * shell; the last {@link #BYTES} of it. Changes nothing.
 */
final class ConsoleLogs {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** How much of a log's end is read: some 1,500 lines of rc's output, the last few starts and stops. */
    static final int BYTES = 128 * 1024;

    private final Commands commands;
    private final Reads reads;
    private final IocageHost host;
    private final HostOptions options;

    ConsoleLogs(IocageHost host, HostOptions options, Commands commands, Reads reads) {
        this.host = host;
        this.options = options;
        this.commands = commands;
        this.reads = reads;
    }

    /**
     * {@code {"jail","file","lines":[…]}}, oldest first, with {@code "cut":"true"} where the log is longer than what is
     * read (its first, partial line left out) and {@code "none":"true"} where there is no log yet (the jail has not
     * been started since iocage began keeping one, or never). Control characters other than a tab are left out of the
     * lines.
     */
    ObjectNode read(Args a) throws Exception {
        String jail = a.required("jail", v -> Validation.jail(v, false));
        Cli cli = reads.cli();
        String iocroot = commands.mountpoint(cli.iocroot(reads.pool()), "the iocage dataset");
        String file = iocroot + "/log/ioc-" + jail + "-console.log";
        // One byte more than is kept: whether the log is longer than that is then known, not guessed from the size.
        CommandResult r = Commands.complete(host.execTool(Tool.TAIL, new CommandSpec(Cli.logTail(file, BYTES + 1),
                options.readTimeout(), "", null)));
        ObjectNode out = JSON.objectNode();
        out.put("jail", jail);
        out.put("file", file);
        ArrayNode lines = out.putArray("lines");
        if (r.exitCode() != 0 && r.stderr().contains("No such file or directory")) {
            out.put("none", "true");
            return out;
        }
        if (r.timedOut() || r.exitCode() != 0) {
            String said = Shown.of(r.stderr().strip(), 300);
            throw new ActionFailedException("tail could not read " + file + (said.isEmpty() ? "" : ": " + said));
        }
        String text = r.stdout();
        boolean cut = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > BYTES;
        String[] all = text.split("\n", -1);
        int from = cut ? 1 : 0;
        int to = all.length > 0 && all[all.length - 1].isEmpty() ? all.length - 1 : all.length;
        for (int i = from; i < to; i++) {
            lines.add(clean(all[i]));
        }
        if (cut) {
            out.put("cut", "true");
        }
        return out;
    }

    /** The line without control characters but tabs (a carriage return, an escape sequence's ESC). */
    private static String clean(String line) {
        StringBuilder b = new StringBuilder(line.length());
        line.chars().filter(c -> c == '\t' || !Character.isISOControl(c)).forEach(b::appendCodePoint);
        return b.toString();
    }
}
