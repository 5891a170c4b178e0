package org.jaildesk.client;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * The connection troubles JailDesk itself words (as opposed to a host's or iocage's own messages), so that the
 * desktop can show them in the user's language. Each has its English wording here, {@code {0}} the host and port;
 * the desktop's bundles have {@code trouble.<name>} for each, with the same arguments.
 */
public enum Trouble {
    CLOSED("the connection to {0} is closed"),
    CANNOT_CONNECT("cannot connect to {0}"),
    CANNOT_CONNECT_BECAUSE("cannot connect to {0}: {1}"),
    CERTIFICATE_UNKNOWN("the certificate of {0} is not known yet; its SHA-256 fingerprint is {1}. Compare it with the one "
            + "''jaildesk serve'' printed, then accept it"),
    CERTIFICATE_CHANGED("the certificate of {0} has CHANGED since you accepted it; its SHA-256 fingerprint is now {1}. "
            + "This can mean someone is intercepting the connection; accept it again only if you know why it changed"),
    LOGIN_CANCELLED("not logged in to {0}: the login was cancelled; Refresh asks for the password again"),
    LOGIN_REFUSED("login to {0} refused: {1}; Refresh asks for the password again"),
    PASSWORD_WAS_REFUSED("not logged in to {0}: the password was refused ({1}); Refresh asks for the password again"),
    NO_LOGIN_REPLY("no reply to the login from {0} within {1} s"),
    NO_REPLY("no reply from {0} within {1} s"),
    CANNOT_SEND("cannot send to {0}: {1}"),
    CANNOT_SEND_CLOSED("cannot send to {0}: the connection is closed"),
    LOST("the connection to {0} was lost before the reply came; the request was not sent again"),
    /** The host closed the connection and said why ({1}): blocked after failed logins, shutting down, … */
    CLOSED_BY_HOST("{0} closed the connection: {1}"),
    LOST_BECAUSE("{0} closed the connection before the reply came ({1}); the request was not sent again"),
    TOO_BIG("a reply from {0} was larger than {1}, so the connection was closed; the request was not sent again"),
    UNREADABLE("{0} sent a message JailDesk cannot read ({1}), so the connection was closed; the request was not sent again");

    private final String english;

    Trouble(String english) {
        this.english = english;
    }

    /** The English pattern ({@link MessageFormat}: quotes doubled). */
    public String pattern() {
        return english;
    }

    /** The English message with these arguments (always strings, so no number formatting sneaks in). */
    public String english(String... args) {
        return new MessageFormat(english, Locale.ROOT).format(args);
    }

    /** The key of its wording in the desktop's bundles. */
    public String key() {
        return "trouble." + name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
