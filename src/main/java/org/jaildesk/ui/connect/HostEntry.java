package org.jaildesk.ui.connect;

/**
 * A host in the sidebar. Remote hosts keep their URL and user; never a password.
 *
 * @param id a stable key (for saved layouts): "demo", "local", or "remote:<url>"
 */
public record HostEntry(String id, String name, Kind kind, String url, String user) {

    public enum Kind { DEMO, LOCAL, REMOTE }

    public static HostEntry remote(String name, String url, String user) {
        return new HostEntry("remote:" + url, name == null || name.isBlank() ? url : name, Kind.REMOTE, url, user);
    }

    public boolean isDemo() {
        return kind == Kind.DEMO;
    }
}
