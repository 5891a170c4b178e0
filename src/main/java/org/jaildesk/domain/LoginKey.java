package org.jaildesk.domain;

/**
 * A login key a user registered with a host (sysadm's key login): whose it is, the key as the host keeps it
 * ({@code pub_key}: Base64 of its PEM text), the nickname and e-mail address given with it, when it was registered (as
 * the host wrote it), and its fingerprint ("" when the key is none JailDesk can read).
 */
public record LoginKey(String user, String pubKey, String nickname, String email, String registered, String fingerprint) {
}
