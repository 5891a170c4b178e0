package org.jaildesk.client;

import java.util.List;
import java.util.Map;

/**
 * The result of {@code setjailsettings}: per property what the host reports ({@code "0 -> 1"} or the value set),
 * and which of them take effect only at the next start.
 */
public record SettingsChange(String jail, Map<String, String> changed, List<String> needRestart) {

    public SettingsChange {
        changed = Map.copyOf(changed);
        needRestart = List.copyOf(needRestart);
    }
}
