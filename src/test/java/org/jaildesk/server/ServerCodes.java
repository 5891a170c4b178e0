package org.jaildesk.server;

/** For tests outside this package: the one-time code of a secret now, as an authenticator app shows it. */
public final class ServerCodes {

    private ServerCodes() {
    }

    public static String now(String secret) {
        return Totp.code(secret, Math.floorDiv(System.currentTimeMillis() / 1000, Totp.PERIOD));
    }
}
