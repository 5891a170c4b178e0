package org.jaildesk.host.parse;

/**
 * One jail row of a listing, with clean values: {@code -} for none, {@code on}/{@code off}, {@code up}/{@code down}.
 * {@code id} is the UUID (legacy) or NAME (Python); {@code tag} equals it in Python.
 */
public record ListedJail(String id, String tag, String jid, String boot, String state, String type, String release,
                         String ip4, String ip6, String template) {

    public boolean running() {
        return "up".equals(state);
    }
}
