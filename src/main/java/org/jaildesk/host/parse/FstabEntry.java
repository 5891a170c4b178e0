package org.jaildesk.host.parse;

/**
 * One line of a jail's fstab as {@code iocage fstab -l} lists it: its index (what {@code fstab -r} removes), the
 * source, the destination as a path of the host (iocage keeps it under the jail's root), type, options, dump, pass.
 */
public record FstabEntry(int index, String source, String destination, String type, String options, String dump, String pass) {
}
