package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which refused tokens were a session's that lapsed or ended here (a client back), and which are unknown (a guess). */
class TokenStoreTest {

    private final ServerFixture.MutableClock clock = new ServerFixture.MutableClock();
    private final TokenStore tokens = new TokenStore(clock, Duration.ofSeconds(900), Duration.ofHours(12));
    private final TokenStore.Held admin = new TokenStore.Held("admin", null, "pbkdf2$x");

    @Test
    void aTokenThatLapsedOrEndedIsKnownAsSuchForADayAndOthersAreNot() {
        String lapsing = tokens.issue(admin);
        String ended = tokens.issue(admin);
        String loggedOut = tokens.issue(admin);
        assertFalse(tokens.lapsed(lapsing), "a session that holds has not lapsed");
        tokens.end(ended);
        assertEquals(Optional.empty(), tokens.use(ended));
        assertTrue(tokens.lapsed(ended), "ended by the host");
        tokens.revoke(loggedOut);
        assertFalse(tokens.lapsed(loggedOut), "a logout is no lapse");
        clock.advance(Duration.ofSeconds(900));
        assertEquals(Optional.empty(), tokens.use(lapsing));
        assertTrue(tokens.lapsed(lapsing));
        // Purged at the next issue: still known as lapsed.
        String other = tokens.issue(admin);
        clock.advance(Duration.ofSeconds(901));
        tokens.issue(admin);
        assertTrue(tokens.lapsed(other), "lapsed unseen, found by the purge");
        assertFalse(tokens.lapsed("no such token"));
        assertFalse(tokens.lapsed(""));
        assertFalse(tokens.lapsed(null));
        clock.advance(TokenStore.LAPSED_KEPT);
        assertFalse(tokens.lapsed(lapsing), "a day later: unknown");
        tokens.issue(admin); // purges
        assertFalse(tokens.lapsed(other));
    }

    /**
     * A token says when its store began: a store begun later knows one of an earlier start (the server restarted) by its
     * form alone; the store that issued it, one begun earlier, or a form not quite a token's, do not take it for one.
     */
    @Test
    void aTokenIssuedBeforeARestartIsKnownByItsStart() {
        String before = tokens.issue(admin);
        assertTrue(before.matches("[0-9a-z]{1,12}\\.[A-Za-z0-9_-]{43}"), before);
        assertTrue(before.startsWith(TokenStore.startTag(clock.millis())));
        assertFalse(tokens.fromEarlierStart(before), "this run's own");
        clock.advance(Duration.ofMillis(1));
        TokenStore restarted = new TokenStore(clock, Duration.ofSeconds(900), Duration.ofHours(12));
        assertTrue(restarted.fromEarlierStart(before));
        assertEquals(Optional.empty(), restarted.use(before), "known as from before, never let in");
        String after = restarted.issue(admin);
        assertFalse(restarted.fromEarlierStart(after));
        assertFalse(tokens.fromEarlierStart(after), "a later start's, to the earlier store");
        String random = before.substring(before.indexOf('.') + 1);
        for (String t : new String[] {random, "." + random, before + "x", before.substring(0, before.length() - 1),
            "zzzzzzzzzzzzz." + random, "-1." + random, "+1." + random, "1/." + random, "", null}) {
            assertFalse(restarted.fromEarlierStart(t), String.valueOf(t));
        }
        assertTrue(restarted.fromEarlierStart("0." + random), "the form, from 1970");
    }

    @Test
    void atMostSoManyLapsedTokensAreKept() {
        String[] issued = new String[TokenStore.LAPSED_MOST + 5];
        for (int i = 0; i < issued.length; i++) {
            issued[i] = tokens.issue(admin);
        }
        for (String t : issued) {
            tokens.end(t);
        }
        long known = java.util.Arrays.stream(issued).filter(tokens::lapsed).count();
        assertEquals(TokenStore.LAPSED_MOST, known);
    }
}
