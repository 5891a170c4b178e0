package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.jaildesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

class PropsFieldTest {

    private final Messages msg = new Messages(Locale.ENGLISH);

    @Test
    void aTokenThatIsNotKeyValueIsQuotedShortWhateverItsSize() {
        String problem = PropsField.check("boot=on " + "x".repeat(10 * 1024 * 1024), msg).orElseThrow();
        assertEquals("'" + "x".repeat(40) + "…' is not key=value", problem);
        assertEquals("'$(x)' is not key=value", PropsField.check("$(x)", msg).orElseThrow());
        assertEquals("tag is set above, not here", PropsField.check("tag=-f", msg).orElseThrow());
        assertTrue(PropsField.check("boot=on priority=50", msg).isEmpty());
    }
}
