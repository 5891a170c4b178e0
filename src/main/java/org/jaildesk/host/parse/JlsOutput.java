package org.jaildesk.host.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jaildesk.domain.OtherJail;
import org.jaildesk.domain.Shown;

/**
 * FreeBSD's {@code jls --libxo json -v}: every running jail of the host, iocage's and others, as
 * {@code {"__version":"2","jail-information":{"jail":[{"jid":3,"hostname":…,"path":…,"name":…,"state":"ACTIVE",
 * "cpusetid":4,"ipv4_addrs":[…],"ipv6_addrs":[…]},…]}}}. The same on every FreeBSD since 11 and whatever iocage the
 * host has.
 */
public final class JlsOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JlsOutput() {
    }

    /** The running jails that are not iocage's ({@link OtherJail#isIocages}), by jail id. */
    public static List<OtherJail> others(String output) throws IocageParseException {
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (JsonProcessingException e) {
            throw new IocageParseException("not the JSON jls --libxo json prints: " + Shown.of(e.getOriginalMessage(), 200));
        }
        JsonNode list = root == null ? null : root.path("jail-information").get("jail");
        if (list == null || !list.isArray()) {
            throw new IocageParseException("no jail-information.jail list in jls's output: " + Shown.of(output, 200));
        }
        List<OtherJail> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode j = list.get(i);
            String where = "jail " + (i + 1) + " of jls's list";
            int jid = jid(j.get("jid"), where);
            String name = text(j, "name", where);
            String path = text(j, "path", where);
            if (OtherJail.isIocages(name, path)) {
                continue;
            }
            out.add(new OtherJail(jid, name, text(j, "hostname", where), path, addresses(j, "ipv4_addrs", where),
                    addresses(j, "ipv6_addrs", where)));
        }
        out.sort(Comparator.comparingInt(OtherJail::jid));
        return List.copyOf(out);
    }

    private static int jid(JsonNode n, String where) throws IocageParseException {
        // libxo writes it as a number; a string of digits is taken too.
        String s = n == null ? "" : n.isIntegralNumber() ? n.asText() : n.isTextual() ? n.textValue() : "";
        if (!s.matches("[1-9]\\d{0,8}")) {
            throw new IocageParseException(where + " has no jail id: " + Shown.of(String.valueOf(n), 80));
        }
        return Integer.parseInt(s);
    }

    private static String text(JsonNode j, String field, String where) throws IocageParseException {
        JsonNode n = j.get(field);
        if (n == null || !n.isTextual()) {
            throw new IocageParseException(where + " has no " + field);
        }
        return n.textValue();
    }

    /** A jail without addresses of a kind (or a jls built without it) has an empty list, or none at all. */
    private static List<String> addresses(JsonNode j, String field, String where) throws IocageParseException {
        JsonNode n = j.get(field);
        if (n == null) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new IocageParseException(where + ": " + field + " is not a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode a : n) {
            if (!a.isTextual()) {
                throw new IocageParseException(where + ": " + field + " holds " + Shown.of(a.toString(), 80));
            }
            out.add(a.textValue());
        }
        return out;
    }
}
