package org.jaildesk.ui.jails;

/** How a new jail is made, and what that asks of the host's {@code createjail}. */
public enum JailType {
    CLONE(""), BASEJAIL("-b"), THICK("-T"), TEMPLATE(""), EMPTY("-e");

    private final String switches;

    JailType(String switches) {
        this.switches = switches;
    }

    /** The request's {@code switches}. */
    String switches() {
        return switches;
    }

    /**
     * The request's {@code props}: the name, what the jail is made from ({@code source}: a release, or a template's
     * name; nothing for an empty jail), then {@code extra} {@code key=value} pairs, already checked by the dialog.
     */
    String props(String name, String source, String extra) {
        StringBuilder p = new StringBuilder("tag=").append(name);
        if (this != EMPTY) {
            p.append(this == TEMPLATE ? " template=" : " release=").append(source);
        }
        if (extra != null && !extra.isBlank()) {
            p.append(' ').append(extra.trim());
        }
        return p.toString();
    }
}
