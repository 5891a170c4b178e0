package org.jaildesk.host;

import java.time.Duration;
import java.util.List;

/** One iocage run, for the protocol log: the exact arguments, exit code, time and whether it was killed. */
public record ExecutedCommand(List<String> args, int exitCode, Duration elapsed, boolean timedOut) {
}
