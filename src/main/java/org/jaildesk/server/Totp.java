package org.jaildesk.server;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238, as authenticator apps make them): HMAC-SHA1 of the 30-second step, six digits.
 * A secret is 20 random bytes, written in Base32 (RFC 4648, no padding) as the apps take it.
 */
public final class Totp {

    /** The seconds a code holds. */
    public static final int PERIOD = 30;
    public static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new secret: 20 random bytes in Base32 (32 letters and digits). */
    public static String newSecret() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return base32(b);
    }

    /** The code of {@code secret} (Base32) for the step {@code step} (seconds since 1970 / 30), six digits. */
    static String code(String secret, long step) {
        return code(decode(secret), step, DIGITS);
    }

    static String code(byte[] key, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int at = h[h.length - 1] & 0x0f;
            int bin = ((h[at] & 0x7f) << 24) | ((h[at + 1] & 0xff) << 16) | ((h[at + 2] & 0xff) << 8) | (h[at + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + digits + "d", bin % (int) Math.pow(10, digits));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this Java", e);
        }
    }

    /**
     * The step {@code code} holds for at {@code epochSeconds} (that step, the one before or the one after: clocks
     * drift), or -1 when it holds for none. Compared in constant time.
     */
    static long stepOf(String secret, String code, long epochSeconds) {
        if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) {
            return -1;
        }
        byte[] key = decode(secret);
        long now = Math.floorDiv(epochSeconds, PERIOD);
        long found = -1;
        for (long step = now - 1; step <= now + 1; step++) {
            if (java.security.MessageDigest.isEqual(code(key, step, DIGITS).getBytes(), code.getBytes())) {
                found = step;
            }
        }
        return found;
    }

    /** What an authenticator app reads (as a QR code or typed): {@code otpauth://totp/JailDesk:<user>@<host>?…}. */
    public static String uri(String secret, String user, String host) {
        String label = java.net.URLEncoder.encode("JailDesk:" + user + "@" + host, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=JailDesk&algorithm=SHA1&digits=" + DIGITS
                + "&period=" + PERIOD;
    }

    /** Whether {@code s} is a secret as {@link #newSecret} writes it (Base32 of at least 16 bytes). */
    static boolean isSecret(String s) {
        return s != null && s.matches("[A-Z2-7]{26,128}");
    }

    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] decode(String base32) {
        ByteBuffer out = ByteBuffer.allocate(base32.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32: " + c);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
    }
}
