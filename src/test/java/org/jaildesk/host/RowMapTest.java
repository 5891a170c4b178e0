package org.jaildesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The compact row map behind every jail of a {@code listjails} reply: it must be a Map like Jackson's own, in
 * content, order, equality and JSON, through any sequence of changes, and never change a row it shares names with.
 */
class RowMapTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final RowMap.Names NAMES = new RowMap.Names("boot", "ip4", "jid", "state", "tag");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode[] values(String... v) {
        JsonNode[] out = new JsonNode[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = new TextNode(v[i]);
        }
        return out;
    }

    private static RowMap row() {
        return new RowMap(NAMES, values("on", "-", "7", "up", "web"));
    }

    private static LinkedHashMap<String, JsonNode> plainRow() {
        LinkedHashMap<String, JsonNode> m = new LinkedHashMap<>();
        String[] k = {"boot", "ip4", "jid", "state", "tag"};
        JsonNode[] v = values("on", "-", "7", "up", "web");
        for (int i = 0; i < k.length; i++) {
            m.put(k[i], v[i]);
        }
        return m;
    }

    /** One change to a map: put, remove, remove through the iterator, clear, or set through an entry. */
    record Op(int kind, String key, String value) {
        void apply(Map<String, JsonNode> m) {
            switch (kind) {
                case 0 -> m.put(key, new TextNode(value));
                case 1 -> m.remove(key);
                case 2 -> {
                    for (Iterator<Map.Entry<String, JsonNode>> it = m.entrySet().iterator(); it.hasNext(); ) {
                        if (it.next().getKey().equals(key)) {
                            it.remove();
                        }
                    }
                }
                case 3 -> {
                    if (value.length() == 1) {
                        m.clear();
                    }
                }
                default -> m.entrySet().stream().filter(e -> e.getKey().equals(key)).findFirst()
                        .ifPresent(e -> e.setValue(new TextNode(value)));
            }
        }
    }

    @Provide
    Arbitrary<Op> ops() {
        Arbitrary<String> keys = Arbitraries.of("boot", "ip4", "jid", "state", "tag", "release", "x", "y", "");
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 4), keys,
                Arbitraries.strings().alpha().ofMaxLength(3)).as(Op::new);
    }

    @Property(tries = 1000)
    void behavesAsALinkedHashMapThroughAnyChanges(@ForAll @Size(max = 25) List<@net.jqwik.api.From("ops") Op> ops) throws Exception {
        RowMap compact = row();
        RowMap neighbour = row();
        LinkedHashMap<String, JsonNode> plain = plainRow();
        for (Op op : ops) {
            op.apply(compact);
            op.apply(plain);
            assertEquals(plain, compact);
            assertEquals(compact, plain);
            assertEquals(plain.hashCode(), compact.hashCode());
            assertEquals(new ArrayList<>(plain.keySet()), new ArrayList<>(compact.keySet()));
            assertEquals(new ArrayList<>(plain.values()), new ArrayList<>(compact.values()));
        }
        assertEquals(MAPPER.writeValueAsString(new ObjectNode(JSON, plain)), MAPPER.writeValueAsString(new ObjectNode(JSON, compact)));
        assertEquals(plainRow(), neighbour, "a row that shares the names is never changed by another's edits");
    }

    @Test
    void anObjectNodeOverItReadsWritesCopiesAndPrintsAsJacksonsOwn() throws Exception {
        ObjectNode compact = new ObjectNode(JSON, row());
        ObjectNode plain = new ObjectNode(JSON, plainRow());
        assertEquals(plain, compact);
        assertEquals(compact, plain);
        assertEquals("{\"boot\":\"on\",\"ip4\":\"-\",\"jid\":\"7\",\"state\":\"up\",\"tag\":\"web\"}", MAPPER.writeValueAsString(compact));
        assertEquals("7", compact.get("jid").asText());
        assertEquals("up", compact.path(new String("state".toCharArray())).asText(), "a name made at run time is found too");
        assertTrue(compact.path("release").isMissingNode());

        ObjectNode copy = compact.deepCopy();
        compact.put("release", "14.1-RELEASE");
        compact.remove("ip4");
        compact.retain("jid", "release", "tag");
        assertEquals("{\"jid\":\"7\",\"tag\":\"web\",\"release\":\"14.1-RELEASE\"}", MAPPER.writeValueAsString(compact));
        assertEquals(plain, copy, "the copy taken before is untouched");
        assertEquals(MAPPER.readTree(MAPPER.writeValueAsString(plain)), copy);
    }

    @Test
    void iteratingWhileChangingIsCaughtAndBadShapesAreRefused() {
        RowMap m = row();
        Iterator<Map.Entry<String, JsonNode>> it = m.entrySet().iterator();
        it.next();
        m.put("release", new TextNode("x"));
        assertThrows(ConcurrentModificationException.class, it::next);
        Iterator<Map.Entry<String, JsonNode>> fresh = m.entrySet().iterator();
        assertThrows(IllegalStateException.class, fresh::remove);
        assertThrows(IllegalArgumentException.class, () -> new RowMap.Names("a", "b", "a"));
        assertThrows(IllegalArgumentException.class, () -> new RowMap.Names("a", null));
        assertThrows(IllegalArgumentException.class, () -> new RowMap(NAMES, values("on")));
        assertThrows(NullPointerException.class, () -> m.put(null, new TextNode("x")));
    }
}
