package org.jaildesk.ui.jails;

import java.util.List;
import org.jaildesk.client.IocageClientException;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.common.Notifier;
import org.jaildesk.ui.common.Scrollback;

/**
 * The text of a command console: each run's output added in one piece, and only the last lines kept, as a terminal
 * keeps its scrollback. Appending line by line costs the FX thread time that grows with the square of the output (a
 * {@code TextArea} here: 1,000 lines 0.9 s, 20,000 lines 268 s; in one piece 0.03 s and 0.35 s), and a text area of
 * megabytes is slow to lay out however it was filled.
 */
final class ConsoleText {

    /** The lines a console keeps. */
    static final int KEPT_LINES = Scrollback.LINES;

    private ConsoleText() {
    }

    /**
     * What a run adds: its lines, each ending in a line feed (at most the last {@code kept} of them, each cut as
     * {@link Scrollback#line} cuts).
     */
    static String block(List<String> lines, int kept) {
        List<String> shown = lines.size() > kept ? lines.subList(lines.size() - kept, lines.size()) : lines;
        StringBuilder b = new StringBuilder();
        for (String line : shown) {
            b.append(Scrollback.line(line)).append('\n');
        }
        return b.toString();
    }

    /** How many characters to drop from the start of {@code text} so that its last {@code kept} lines remain. */
    static int excess(CharSequence text, int kept) {
        int found = 0;
        // The last line feed ends the last line; each one before it, counting back, ends one more line.
        for (int i = text.length() - 2; i >= 0; i--) {
            if (text.charAt(i) == '\n' && ++found == kept) {
                return i + 1;
            }
        }
        return 0;
    }

    /** What a failed command printed before it failed (its own reason, as "sh: x: not found"), if the host said. */
    static List<String> printedBefore(Throwable err) {
        return Notifier.unwrap(err) instanceof IocageClientException failed ? failed.output() : List.of();
    }

    /** The host's error for a failed command, line by line: it may be a traceback of any length. */
    static List<String> hostError(Messages msg, Throwable err) {
        return Notifier.text(msg, err).lines().toList();
    }
}
