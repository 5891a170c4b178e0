package org.jaildesk.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
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

    /*
     * The values most rows repeat, one node each: a listing of 5,000 jails makes some 30,000 nodes fewer. The parsers
     * hand these out as the literals themselves, so an identity test finds them, and each field is tested only against
     * the values it can take; any other string, equal or not, simply gets its own node.
     */
    private static final TextNode DASH = new TextNode("-");
    private static final TextNode ON = new TextNode("on");
    private static final TextNode OFF = new TextNode("off");
    private static final TextNode UP = new TextNode("up");
    private static final TextNode DOWN = new TextNode("down");
    private static final TextNode JAIL = new TextNode("jail");
    private static final TextNode BASEJAIL = new TextNode("basejail");
    private static final TextNode TEMPLATE = new TextNode("template");

    /** {@code a} if {@code value} is the very string it holds, else a node of its own. */
    private static TextNode shared(String value, TextNode a) {
        return value == a.textValue() ? a : new TextNode(value);
    }

    /** The one of {@code a}, {@code b}, {@code c} that holds the very string {@code value}, else a node of its own. */
    private static TextNode shared(String value, TextNode a, TextNode b, TextNode c) {
        return value == a.textValue() ? a : value == b.textValue() ? b : shared(value, c);
    }

    private static ObjectNode jailJson(ListedJail j, Releases releases) {
        String type = j.type();
        // The short listing (no -l) gives boot and type as "-".
        return new ObjectNode(JSON, new RowMap(JAIL_FIELDS, new JsonNode[] {
            shared(j.boot(), ON, OFF, DASH), shared(j.ip4(), DASH), shared(j.jid(), DASH),
            shared(j.state(), UP, DOWN, DASH), new TextNode(j.tag()),
            type == JAIL.textValue() ? JAIL : shared(type, BASEJAIL, TEMPLATE, DASH),
            releases.node(j.release()), shared(j.ip6(), DASH), shared(j.template(), DASH)}));
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
            TextNode node = shared(release, DASH);
            if (count < seen.length) {
                seen[count] = release;
                nodes[count++] = node;
            }
            return node;
        }
    }
}
