package org.jaildesk.host.parse;

import java.util.List;
import java.util.regex.Pattern;
import org.jaildesk.domain.HostPool;

/**
 * FreeBSD's {@code zpool list -Hp -o name,size,free,health}: a line per pool, its fields separated by a TAB, sizes in
 * exact bytes ({@code -} where a pool that is not available has none). Anything else is an
 * {@link IocageParseException} naming the line.
 */
public final class ZpoolList {

    private static final Pattern LINE =
            Pattern.compile("([A-Za-z][A-Za-z0-9_.:-]{0,254})\t(\\d{1,20}|-)\t(\\d{1,20}|-)\t([A-Z]{1,20})");

    private ZpoolList() {
    }

    /** The pools in zpool's order; {@code active} names the one iocage uses ("" for none). */
    public static List<HostPool> read(String output, String active) throws IocageParseException {
        return Lines.matched(output, LINE, "expected a pool's name, size, free space and health", (m, l) ->
                new HostPool(m.group(1), bytes(m.group(2)), bytes(m.group(3)), m.group(4), m.group(1).equals(active)));
    }

    private static long bytes(String field) {
        if (field.equals("-")) {
            return -1;
        }
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            // Twenty digits may pass 2^63: no pool is that big, so it is as good as unknown.
            return -1;
        }
    }
}
