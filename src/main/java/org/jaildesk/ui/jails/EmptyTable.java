package org.jaildesk.ui.jails;

import org.jaildesk.ui.common.Messages;

/** What an empty jail table says: loading, the first listing failed, no jails at all, or none matching the search. */
final class EmptyTable {

    private EmptyTable() {
    }

    static String text(Messages msg, boolean loaded, boolean refreshing, boolean failed, boolean noJails, String query) {
        if (!loaded) {
            return failed && !refreshing ? msg.get("empty.failed") : msg.get("empty.loading");
        }
        if (noJails) {
            return msg.get("empty.noJails");
        }
        return msg.get("empty.noMatch", query);
    }
}
