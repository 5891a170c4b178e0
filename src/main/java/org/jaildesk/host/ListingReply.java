package org.jaildesk.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jaildesk.host.parse.ListedJail;

/**
 * The reply of {@code listjails} and {@code listtemplates}: one object per jail under its id. Built for every table
 * refresh over thousands of rows, so it shares what rows repeat (docs/performance.md).
 */
final class ListingReply {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ListingReply() {
    }

    /** The jails under their ids, in the listing's order. */
    static ObjectNode of(List<ListedJail> jails) {
        ObjectNode out = new ObjectNode(JSON, new LinkedHashMap<>(capacityFor(jails.size())));
        Releases releases = new Releases();
        for (ListedJail j : jails) {
            out.set(j.id(), jailJson(j, releases));
        }
        return out;
    }

    private static int capacityFor(int entries) {
        return Math.max(16, (int) (entries / 0.75f) + 1);
    }

    /** The seed's six fields, plus release, ip6 and template (our additions; old clients ignore them). */
    private static final RowMap.Names JAIL_FIELDS =
            new RowMap.Names("boot", "ip4", "jid", "state", "tag", "type", "release", "ip6", "template");

    /**
     * The values most rows repeat, one node each: a listing of 5,000 jails makes some 30,000 nodes fewer. The
     * parsers hand these out as the literals themselves, so an identity test finds them; any other string, equal or
     * not, simply gets its own node. Indexed by length, so a value is compared with at most two of them.
     */
    private static final TextNode[][] COMMON = new TextNode[9][];

    static {
        Map<Integer, List<TextNode>> byLength = new java.util.HashMap<>();
        for (String s : List.of("-", "on", "off", "up", "down", "jail", "basejail", "template")) {
            byLength.computeIfAbsent(s.length(), k -> new ArrayList<>()).add(new TextNode(s));
        }
        for (int n = 0; n < COMMON.length; n++) {
            COMMON[n] = byLength.getOrDefault(n, List.of()).toArray(TextNode[]::new);
        }
    }

    private static TextNode text(String value) {
        if (value.length() < COMMON.length) {
            for (TextNode common : COMMON[value.length()]) {
                if (common.textValue() == value) {
                    return common;
                }
            }
        }
        return new TextNode(value);
    }

    private static ObjectNode jailJson(ListedJail j, Releases releases) {
        return new ObjectNode(JSON, new RowMap(JAIL_FIELDS, new JsonNode[] {
            text(j.boot()), text(j.ip4()), text(j.jid()), text(j.state()), text(j.tag()), text(j.type()),
            releases.node(j.release()), text(j.ip6()), text(j.template())}));
    }

    /**
     * The releases of a reply's rows: the TAB parser gives the rows of one release the same string, so they get the same
     * node too (the first 16 releases; a host has a few).
     */
    private static final class Releases {
        private final String[] seen = new String[16];
        private final TextNode[] nodes = new TextNode[seen.length];
        private int count;

        TextNode node(String release) {
            for (int i = 0; i < count; i++) {
                if (seen[i] == release) {
                    return nodes[i];
                }
            }
            TextNode node = text(release);
            if (count < seen.length) {
                seen[count] = release;
                nodes[count++] = node;
            }
            return node;
        }
    }
}
