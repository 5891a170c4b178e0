package org.jaildesk.ui.settings;

import org.jaildesk.domain.PropertyDef;

/**
 * One property as the inspector shows it: value, default, where it belongs, and whether it is overridden, read-only
 * or needs a restart. {@code def} is null for a property the catalog does not know (shown read-only).
 */
public record Setting(String key, String value, String defaultValue, PropertyDef def, PropertyDef.Category category,
                      boolean override, boolean readOnly, boolean needsRestart) {
}
