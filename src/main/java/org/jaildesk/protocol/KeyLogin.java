package org.jaildesk.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * sysadm's key login ({@code rpc/auth_ssl}) as both ends need it: the server sends a random {@code test_string}, the
 * client signs it with the RSA key it registered ({@code RSA_private_encrypt} with PKCS#1 v1.5 type-1 padding, no
 * digest: Java's {@code NONEwithRSA}) and sends the result in Base64; the server tries it against the registered
 * public keys. A public key travels as sysadm has it: Base64 of its PEM text ({@code -----BEGIN PUBLIC KEY-----}).
 */
public final class KeyLogin {

    public static final String AUTH_SSL = "auth_ssl";
    /** The {@code rpc} class of the key registration actions. */
    public static final String SETTINGS = "settings";
    public static final String REGISTER = "register_ssl_cert";
    public static final String LIST = "list_ssl_certs";
    public static final String REVOKE = "revoke_ssl_cert";

    /** The smallest and largest RSA keys taken: below 2048 bits is breakable, above 8192 only slow. */
    public static final int MIN_BITS = 2048;
    public static final int MAX_BITS = 8192;
    /** The size of the keys JailDesk makes. */
    public static final int BITS = 3072;
    /** The longest {@code pub_key} read: an 8192-bit key's PEM in Base64 is under 2 KB. */
    public static final int MAX_PUB_KEY = 8_192;

    /**
     * What a challenge may be: letters and digits, as the sysadm server sends (20 of them; ours sends 32). A client signs
     * nothing else, so that a host cannot have it sign data of its choosing.
     */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9]{20,64}");
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyLogin() {
    }

    /** A new challenge: 32 letters and digits at random (190 bits). */
    public static String challenge() {
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            b.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return b.toString();
    }

    public static boolean isChallenge(String s) {
        return s != null && CHALLENGE.matcher(s).matches();
    }

    /** A new key pair for one host ({@link #BITS}-bit RSA). */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(BITS, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is missing from this Java", e);
        }
    }

    /** {@code key} as sysadm's {@code pub_key}: Base64 of its PEM text. */
    public static String pubKey(PublicKey key) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * How a key is told apart from a user's others (on the desktop and in {@code jaildesk user keys}): "SHA256:" and
     * the first 16 bytes of the SHA-256 of its DER form, in hexadecimal pairs.
     */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + java.util.HexFormat.ofDelimiter(":").formatHex(d, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * The RSA public key of a {@code pub_key}; refuses (with the reason) anything else: not Base64, not a PEM public
     * key, not RSA, fewer than {@link #MIN_BITS} or more than {@link #MAX_BITS} bits, longer than {@link #MAX_PUB_KEY}.
     */
    public static RSAPublicKey publicKey(String pubKey) {
        if (pubKey == null || pubKey.isEmpty()) {
            throw new IllegalArgumentException("needs 'pub_key': Base64 of the public key's PEM text");
        }
        if (pubKey.length() > MAX_PUB_KEY) {
            throw new IllegalArgumentException("'pub_key' is longer than any RSA key of up to " + MAX_BITS + " bits");
        }
        String pem;
        try {
            pem = new String(Base64.getDecoder().decode(pubKey), StandardCharsets.US_ASCII).strip();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'pub_key' is not Base64");
        }
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        if (!pem.startsWith(begin) || !pem.endsWith(end)) {
            throw new IllegalArgumentException("'pub_key' is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        RSAPublicKey key;
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin.length(), pem.length() - end.length()));
            PublicKey k = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            key = (RSAPublicKey) k;
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("'pub_key' is not an RSA public key");
        }
        int bits = key.getModulus().bitLength();
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("'pub_key' has " + bits + " bits: take an RSA key of " + MIN_BITS + " to "
                    + MAX_BITS + " bits");
        }
        return key;
    }

    /** The RSA key of a {@code pub_key}, or null when it is none {@link #publicKey} takes. */
    public static RSAPublicKey publicKeyOrNull(String pubKey) {
        try {
            return publicKey(pubKey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The answer to {@code challenge}: its bytes signed with {@code key} as sysadm's client does, in Base64. */
    public static String sign(PrivateKey key, String challenge) {
        if (!isChallenge(challenge)) {
            throw new IllegalArgumentException("not a challenge of letters and digits");
        }
        try {
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initSign(key);
            s.update(challenge.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code answer} (Base64) is {@code challenge} signed with the private half of {@code key}. */
    public static boolean verifies(RSAPublicKey key, String challenge, String answer) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(answer);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initVerify(key);
            s.update(challenge.getBytes(StandardCharsets.US_ASCII));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
