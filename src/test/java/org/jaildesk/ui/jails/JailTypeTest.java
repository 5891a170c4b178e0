package org.jaildesk.ui.jails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What each way of making a jail asks of createjail. */
class JailTypeTest {

    @Test
    void eachTypeNamesItsSourceAndSwitches() {
        assertEquals("tag=web03 release=14.2-RELEASE", JailType.CLONE.props("web03", "14.2-RELEASE", ""));
        assertEquals("", JailType.CLONE.switches());
        assertEquals("tag=web03 release=14.2-RELEASE boot=on", JailType.BASEJAIL.props("web03", "14.2-RELEASE", "  boot=on "));
        assertEquals("-b", JailType.BASEJAIL.switches());
        assertEquals("-T", JailType.THICK.switches());
        assertEquals("tag=web03 template=tmpl-web", JailType.TEMPLATE.props("web03", "tmpl-web", null));
        assertEquals("", JailType.TEMPLATE.switches());
        assertEquals("tag=web03", JailType.EMPTY.props("web03", "14.2-RELEASE", " "));
        assertEquals("-e", JailType.EMPTY.switches());
    }
}
