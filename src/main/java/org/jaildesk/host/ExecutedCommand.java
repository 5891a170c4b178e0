package org.jaildesk.host;

import java.time.Duration;
import java.util.List;

/**
 * One command run, for the protocol log: iocage's or one of the host's own programs ({@code tool}, null for iocage),
 * the exact arguments, exit code, time and whether it was killed.
 */
public record ExecutedCommand(Tool tool, List<String> args, int exitCode, Duration elapsed, boolean timedOut) {

    /** The program's name and its arguments, as one would type them (without a privilege prefix). */
    public List<String> commandLine() {
        List<String> line = new java.util.ArrayList<>();
        line.add(tool == null ? "iocage" : tool.command());
        line.addAll(args);
        return line;
    }
}
