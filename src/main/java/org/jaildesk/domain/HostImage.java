package org.jaildesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An image file in the host's images folder, as iocage's {@code export} wrote it and {@code import} takes it.
 *
 * @param image    the file's name ({@code mail_2026-11-27.zip}): what {@code importjail} is given
 * @param size     its size in bytes
 * @param modified when it was last written (a second export on the same day writes it again)
 */
public record HostImage(String image, long size, Instant modified) {

    public HostImage {
        Objects.requireNonNull(modified, "modified");
        if (!ImageNames.isFile(image) || size < 0) {
            throw new IllegalArgumentException("not an image: " + Shown.of(String.valueOf(image)) + ", " + size + " bytes");
        }
    }

    /** The jail it holds, under whose name iocage imports it. */
    public String jail() {
        return ImageNames.jail(image);
    }
}
