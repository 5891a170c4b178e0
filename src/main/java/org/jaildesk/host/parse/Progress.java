package org.jaildesk.host.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A download step of {@code iocage fetch} or {@code create}: which file and how far, in percent. */
public record Progress(String file, int percent) {

    private static final Pattern DOWNLOADING = Pattern.compile("Downloading: (\\S+) \\[[#-]{20}\\] (\\d{1,3})%.*");
    private static final Pattern ERASE = Pattern.compile("\u001b\\[2K|\\^\\[\\[2K");

    /** Reads one progress line; iocage redraws it with ESC[2K and carriage returns (reference §3.12). */
    public static Optional<Progress> parse(String line) {
        String clean = ERASE.matcher(line).replaceAll("").replace("\r", "").trim();
        Matcher m = DOWNLOADING.matcher(clean);
        if (!m.matches()) {
            return Optional.empty();
        }
        int pct = Integer.parseInt(m.group(2));
        return pct > 100 ? Optional.empty() : Optional.of(new Progress(m.group(1), pct));
    }

    /** The text of a line without iocage's terminal control sequences. */
    public static String clean(String line) {
        return ERASE.matcher(line).replaceAll("").replace("\r", "").trim();
    }
}
