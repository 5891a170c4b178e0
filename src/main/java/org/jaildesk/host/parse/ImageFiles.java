package org.jaildesk.host.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.jaildesk.domain.HostImage;
import org.jaildesk.domain.ImageNames;
import org.jaildesk.domain.Shown;

/**
 * The image files of the host's images folder as FreeBSD's {@code find … -exec stat -f '%z %m %N' {} +} prints them:
 * a line per file with its size in bytes, its time in seconds since 1970 and its path, in no particular order.
 * {@code find} was told to list only names as iocage's {@code export} makes them, so a line is always one file;
 * anything else is an {@link IocageParseException} naming the line. A name JailDesk would refuse to import (a jail
 * name iocage would misread, such as one holding {@code ALL}) is left out.
 */
public final class ImageFiles {

    private static final Pattern LINE = Pattern.compile("(\\d{1,18}) (\\d{1,12}) (.+)");

    private ImageFiles() {
    }

    /** The images of {@code folder}, newest first (by name where two have the same time). */
    public static List<HostImage> read(String output, String folder) throws IocageParseException {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        List<HostImage> out = new ArrayList<>(Lines.matched(output, LINE, "expected a size, a time and a path", (m, l) -> {
            String path = m.group(3);
            String name = path.substring(Math.min(path.length(), prefix.length()));
            if (!path.startsWith(prefix) || name.indexOf('/') >= 0) {
                throw IocageParseException.at("a file outside " + Shown.of(folder, 120), l.number(), Shown.of(l.text(), 120));
            }
            return ImageNames.isFile(name)
                    ? new HostImage(name, Long.parseLong(m.group(1)), Instant.ofEpochSecond(Long.parseLong(m.group(2))))
                    : null;
        }));
        out.sort(Comparator.comparing(HostImage::modified).reversed().thenComparing(HostImage::image));
        return out;
    }
}
