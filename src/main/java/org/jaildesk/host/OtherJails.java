package org.jaildesk.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.host.parse.JlsOutput;

/**
 * The running jails iocage did not make (JailDesk's extension {@code listotherjails}): jails of {@code jail.conf},
 * Bastille, pot and the like, which iocage's listing leaves out. One {@code jls} for the whole host; it changes
 * nothing and needs no privilege. They are shown, never acted on.
 */
final class OtherJails {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Every running jail, verbose (with its name and every address), as JSON: the same on every FreeBSD since 11. */
    static final List<String> JLS_ARGS = List.of("--libxo", "json", "-v");

    private final Commands commands;

    OtherJails(Commands commands) {
        this.commands = commands;
    }

    /** {@code {"jails":[{"jid","name","hostname","path","ip4","ip6"},…]}} by jail id; addresses joined by commas. */
    ObjectNode list() throws Exception {
        List<OtherJail> others = commands.toolRead(Tool.JLS, JLS_ARGS, JlsOutput::others);
        ObjectNode out = JSON.objectNode();
        ArrayNode rows = out.putArray("jails");
        for (OtherJail j : others) {
            ObjectNode row = rows.addObject();
            row.put("jid", String.valueOf(j.jid()));
            row.put("name", j.name());
            row.put("hostname", j.hostname());
            row.put("path", j.path());
            row.put("ip4", String.join(",", j.ip4()));
            row.put("ip6", String.join(",", j.ip6()));
        }
        return out;
    }
}
