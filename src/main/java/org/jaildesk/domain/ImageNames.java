package org.jaildesk.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaildesk.domain.Wording.Phrase;

/**
 * The name of an image that iocage's {@code export} wrote ({@code <jail>_<YYYY-MM-DD>.zip}, or {@code .tar.xz}),
 * as {@code import} is given it: whole, so that it names one file and the jail it holds. Shared by the import
 * dialog (as you type) and the host (before anything runs). The extension may be left off.
 */
public final class ImageNames {

    private static final Pattern IMAGE = Pattern.compile("(.+)_(\\d{4}-\\d{2}-\\d{2})(\\.zip|\\.tar\\.xz)?");

    private ImageNames() {
    }

    /** The problem with {@code image}, or empty when it is fine. */
    public static Optional<Wording> check(String image) {
        if (image == null || image.isEmpty()) {
            return Optional.of(Wording.of(Phrase.NAME_EMPTY));
        }
        if (image.startsWith("-")) {
            return Optional.of(Wording.of(Phrase.NAME_OPTION, Shown.of(image)));
        }
        Matcher m = IMAGE.matcher(image);
        if (!m.matches() || JailNames.checkNew(m.group(1)).isPresent()) {
            return Optional.of(Wording.of(Phrase.IMAGE_INVALID, Shown.of(image)));
        }
        return Optional.empty();
    }

    /** Whether {@code name} is an image file's whole name, extension and all: what the host's images folder holds. */
    public static boolean isFile(String name) {
        return check(name).isEmpty() && (name.endsWith(".zip") || name.endsWith(".tar.xz"));
    }

    /** The image's name without its extension ({@code mail_2026-11-27}); {@code image} passed {@link #check}. */
    public static String base(String image) {
        return matched(image).group(1) + "_" + matched(image).group(2);
    }

    /** The jail the image holds ({@code mail}): what iocage names the imported jail. */
    public static String jail(String image) {
        return matched(image).group(1);
    }

    private static Matcher matched(String image) {
        Matcher m = IMAGE.matcher(image);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an image name: " + Shown.of(image));
        }
        return m;
    }
}
