package org.jaildesk.host.parse;

/** One row of {@code iocage snaplist}: name, creation time as iocage prints it, referenced size, used size. */
public record Snapshot(String name, String created, String rsize, String used) {
}
