package org.jaildesk.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of one reply row (a jail of {@code listjails}) for an {@code ObjectNode}: the values in one array, the
 * names in an array that every row of the reply shares.
 *
 * <p>A listing of 5,000 jails makes 5,000 of these per refresh. Jackson's own {@code LinkedHashMap} costs an entry
 * object per field, some 500 bytes a row; this costs about 100, and building the reply takes half the time
 * (docs/performance.md). It is a complete, insertion-ordered {@link Map}: a caller that adds or removes a field gets
 * its own copy of the names first, so the shared array never changes.
 */
final class RowMap extends AbstractMap<String, JsonNode> {

    private String[] keys;
    private JsonNode[] values;
    private int size;
    private boolean ownKeys;
    private int modCount;

    /** The field names of a kind of row, checked once: distinct and non-null. */
    static final class Names {
        private final String[] keys;

        Names(String... keys) {
            if (new HashSet<>(Arrays.asList(keys)).size() != keys.length || Arrays.asList(keys).contains(null)) {
                throw new IllegalArgumentException("field names must be distinct and non-null: " + Arrays.toString(keys));
            }
            this.keys = keys.clone();
        }
    }

    /** A row with {@code values[i]} under the i-th name; the map owns {@code values} from now on. */
    RowMap(Names names, JsonNode[] values) {
        if (values.length != names.keys.length) {
            throw new IllegalArgumentException("expected " + names.keys.length + " values, got " + values.length);
        }
        this.keys = names.keys;
        this.values = values;
        this.size = values.length;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            // Names are literals, so identity matches first; equals covers a name built at run time.
            if (keys[i] == key || keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        Objects.requireNonNull(key, "key");
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        ownKeys();
        if (size == keys.length) {
            int grown = Math.max(4, size * 2);
            keys = Arrays.copyOf(keys, grown);
            values = Arrays.copyOf(values, grown);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        modCount++;
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    @Override
    public void clear() {
        ownKeys();
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        modCount++;
    }

    private void removeAt(int i) {
        ownKeys();
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        modCount++;
    }

    private void ownKeys() {
        if (!ownKeys) {
            keys = keys.clone();
            ownKeys = true;
        }
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() {
                return new Entries();
            }
        };
    }

    private final class Entries implements Iterator<Map.Entry<String, JsonNode>> {
        private int next;
        private int last = -1;
        private int expected = modCount;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Map.Entry<String, JsonNode> next() {
            if (expected != modCount) {
                throw new ConcurrentModificationException();
            }
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return new Entry(last);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            if (expected != modCount) {
                throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expected = modCount;
        }
    }

    private final class Entry implements Map.Entry<String, JsonNode> {
        private final String key;
        private final int at;

        Entry(int at) {
            this.key = keys[at];
            this.at = at;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public JsonNode getValue() {
            return at < size && keys[at] == key ? values[at] : RowMap.this.get(key);
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            return RowMap.this.put(key, value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && key.equals(e.getKey()) && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return key + "=" + getValue();
        }
    }
}
