package org.jaildesk.domain;

/**
 * A folder of the host mounted into a jail, a line of its fstab: its index there (what removing it names), the
 * host's folder, where it appears inside the jail, that place as the host's path, the file system type and options.
 */
public record JailMount(int index, String source, String destination, String path, String type, String options) {

    /** Mounted read-only: {@code ro} among its options. */
    public boolean readOnly() {
        return java.util.Arrays.asList(options.split(",")).contains("ro");
    }
}
