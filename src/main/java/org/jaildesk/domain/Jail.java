package org.jaildesk.domain;

import java.util.OptionalInt;

/**
 * One jail as a listing shows it.
 *
 * @param id       the key iocage addresses it by: the UUID in legacy iocage, the NAME in Python iocage
 * @param tag      the friendly name (legacy tag; equal to {@code id} in Python iocage)
 * @param jid      the kernel jail id while running
 * @param boot     starts at host boot
 * @param type     {@code basejail}, {@code jail}, {@code clonejail}, {@code thickjail}, {@code emptyjail}, {@code template} …; "" when unknown
 * @param release  "" when the listing does not say
 * @param ip4      first or all IPv4 addresses as iocage prints them; "" when none
 * @param ip6      "" when none or unknown
 * @param template the template it was cloned from; "" when none
 */
public record Jail(String id, String tag, OptionalInt jid, JailState state, boolean boot, String type,
                   String release, String ip4, String ip6, String template) {

    public Jail {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a jail needs an id");
        }
        tag = tag == null || tag.isBlank() ? id : tag;
        jid = jid == null ? OptionalInt.empty() : jid;
        state = state == null ? JailState.UNKNOWN : state;
        type = nz(type);
        release = nz(release);
        ip4 = nz(ip4);
        ip6 = nz(ip6);
        template = nz(template);
    }

    public boolean isRunning() {
        return state == JailState.UP;
    }

    /** The name to show: the tag, which is the id itself in Python iocage. */
    public String displayName() {
        return tag;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
