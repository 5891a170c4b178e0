package org.jaildesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which release a jail can be upgraded to: a newer major or minor release, named without a patch level. */
class ReleaseNamesTest {

    private static String why(String from, String to) {
        return ReleaseNames.checkUpgrade("mail", from, to).map(Wording::english).orElse("");
    }

    @Test
    void aNewerMinorOrMajorReleaseIsAnUpgrade() {
        assertEquals("", why("13.2-RELEASE-p4", "13.3-RELEASE"));
        assertEquals("", why("13.2-RELEASE-p4", "14.1-RELEASE"));
        assertEquals("", why("13.2-RELEASE", "15.0-RELEASE"));
        assertEquals("", why("14.2-RELEASE-p1", "15.0-BETA2"));
        assertEquals("", why("9.3-RELEASE", "10.0-RELEASE"), "numbers, not text: 10 is after 9");
    }

    @Test
    void theSameOrAnOlderReleaseIsNone() {
        assertEquals("mail is at 13.2-RELEASE-p4: 13.2-RELEASE is no newer release to upgrade to", why("13.2-RELEASE-p4", "13.2-RELEASE"));
        assertEquals("mail is at 14.1-RELEASE-p2: 13.4-RELEASE is no newer release to upgrade to", why("14.1-RELEASE-p2", "13.4-RELEASE"));
        assertEquals("mail is at 10.1-RELEASE: 9.3-RELEASE is no newer release to upgrade to", why("10.1-RELEASE", "9.3-RELEASE"));
    }

    @Test
    void aTargetWithAPatchLevelOrNoReleaseAtAllIsRefused() {
        assertEquals("invalid release '14.1-RELEASE-p2': give the release to upgrade to, such as 14.1-RELEASE, without a patch level",
                why("13.2-RELEASE", "14.1-RELEASE-p2"));
        for (String bad : new String[] {"", "-r", "14", "14.1", "latest", "14.1-RELEASE;x", "14.1-RELEASE\n"}) {
            assertTrue(why("13.2-RELEASE", bad).startsWith("invalid release"), bad);
        }
        assertEquals("mail has no release to upgrade (EMPTY)", why("EMPTY", "14.1-RELEASE"));
        assertEquals(Optional.empty(), ReleaseNames.checkUpgradeTarget("14.1-RELEASE"));
    }
}
