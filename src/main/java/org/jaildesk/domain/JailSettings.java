package org.jaildesk.domain;

import java.util.Map;
import java.util.TreeMap;

/** Property values of one jail (or of the defaults), keyed by property name and sorted. */
public record JailSettings(String jail, Map<String, String> values) {

    public JailSettings {
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public String get(String key) {
        return values.get(key);
    }
}
