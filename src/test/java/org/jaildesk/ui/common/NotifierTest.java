package org.jaildesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.jaildesk.client.IocageClientException;
import org.junit.jupiter.api.Test;

class NotifierTest {

    private final Notifier notifier = new Notifier(new Messages(Locale.ENGLISH));

    private Notice failWith(String said) {
        notifier.failure("Start mail", new IocageClientException(IocageClientException.Kind.ACTION_FAILED, said));
        return notifier.notices().get(0);
    }

    @Test
    void aNoticeShowsTheHostsFirstLineAndCopyDetailsHasAllOfIt() {
        String trace = "Traceback (most recent call last):\n" + "  File \"x.py\", line 1\n".repeat(50_000) + "OSError: boom";
        Notice n = failWith(trace);
        assertEquals("Start mail: Traceback (most recent call last): \u2026", n.message());
        assertTrue(n.details().contains("OSError: boom"), "the details keep everything");
    }

    @Test
    void aLongSingleLineIsCutAndAShortOneIsKeptAsItIs() {
        Notice n = failWith("x".repeat(8 * 1024 * 1024));
        assertEquals("Start mail: " + "x".repeat(Notifier.LINE) + " \u2026", n.message());
        assertEquals("Start mail: mail failed to start\u2026 ERROR: no such jail", failWith("mail failed to start\u2026 ERROR: no such jail\n\n").message());
        assertEquals("Start mail: " + "y".repeat(Notifier.LINE), failWith("y".repeat(Notifier.LINE)).message());
    }

    /** Every notice has a "Copy details" button: for one that is not a failure it copies the notice itself. */
    @Test
    void copyDetailsOfANoticeThatIsNoFailureCopiesItsText() {
        notifier.tell("hosts.json could not be used as it was");
        assertEquals("hosts.json could not be used as it was", notifier.notices().get(0).details());
    }
}
