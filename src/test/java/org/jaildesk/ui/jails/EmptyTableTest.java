package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** An empty table says why: still loading, the listing failed, no jails, or nothing matching the search. */
class EmptyTableTest {

    private final Messages msg = new Messages(Locale.ENGLISH);

    @Test
    void aFailedFirstListingIsNotCalledLoading() {
        assertEquals(msg.get("empty.loading"), EmptyTable.text(msg, false, true, false, true, ""));
        assertEquals(msg.get("empty.failed"), EmptyTable.text(msg, false, false, true, true, ""));
        assertEquals(msg.get("empty.loading"), EmptyTable.text(msg, false, true, true, true, ""),
                "trying again after a failure is loading again");
        assertEquals(msg.get("empty.noJails"), EmptyTable.text(msg, true, false, false, true, ""));
        assertEquals(msg.get("empty.noMatch", "web"), EmptyTable.text(msg, true, false, true, false, "web"));
    }
}
