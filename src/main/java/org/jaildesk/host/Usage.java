package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.jaildesk.domain.JailUsage;
import org.jaildesk.host.parse.PsOutput;

/**
 * What the running jails use now (JailDesk's extension {@code jailusage}): iocage lists no such thing, so the host
 * asks FreeBSD's {@code ps} once for every process with its jail, and adds them up per jail. One command for the
 * whole host, whatever the number of jails; it changes nothing and needs no privilege.
 */
final class Usage {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Every process of the host, with its jail's id, CPU share and resident kilobytes; no header line. */
    static final List<String> PS_ARGS = List.of("-ax", "-o", "jid=", "-o", "pcpu=", "-o", "rss=");

    private final Commands commands;

    Usage(Commands commands) {
        this.commands = commands;
    }

    /** {@code {"usage":[{"jid","processes","cpu","memory"},…]}}, a row per running jail, by jail id. */
    ObjectNode list() throws Exception {
        List<JailUsage> usage = commands.toolRead(Tool.PS, PS_ARGS, PsOutput::usage);
        ObjectNode out = JSON.objectNode();
        ArrayNode rows = out.putArray("usage");
        for (JailUsage u : usage) {
            ObjectNode row = rows.addObject();
            row.put("jid", String.valueOf(u.jid()));
            row.put("processes", String.valueOf(u.processes()));
            row.put("cpu", String.format(Locale.ROOT, "%.1f", u.cpuPercent()));
            row.put("memory", String.valueOf(u.memoryBytes()));
        }
        return out;
    }
}
