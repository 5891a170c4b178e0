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

    /**
     * Every component, compared directly. The table compares 10,000 rows on each refresh, on the FX thread; the
     * generated record equality is a chain of method-handle guards that runs slowly until the JIT has compiled it,
     * which made the first refreshes after start stall the window.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Jail j
                && boot == j.boot
                && state == j.state
                && id.equals(j.id)
                && tag.equals(j.tag)
                && jid.equals(j.jid)
                && type.equals(j.type)
                && release.equals(j.release)
                && ip4.equals(j.ip4)
                && ip6.equals(j.ip6)
                && template.equals(j.template);
    }

    @Override
    public int hashCode() {
        int h = id.hashCode();
        h = 31 * h + tag.hashCode();
        h = 31 * h + jid.hashCode();
        h = 31 * h + state.hashCode();
        h = 31 * h + Boolean.hashCode(boot);
        h = 31 * h + type.hashCode();
        h = 31 * h + release.hashCode();
        h = 31 * h + ip4.hashCode();
        h = 31 * h + ip6.hashCode();
        return 31 * h + template.hashCode();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
