package org.jaildesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.jaildesk.protocol.KeyLogin;
import org.jaildesk.server.UserStore;

/**
 * Login keys in PEM files, for scripts: the private key {@code jaildesk call --key-file} logs in with, and its public
 * half that {@code jaildesk user keys NAME --add} registers on the server. As OpenSSL writes them:
 * {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out key.pem} and
 * {@code openssl pkey -in key.pem -pubout -out key.pub}. Whatever else is in a file is refused with what to do.
 */
final class KeyFiles {

    /** The most read of a key file: an 8192-bit private key in PEM is some 6,400 characters. */
    static final int MAX_BYTES = 16 * 1024;

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private KeyFiles() {
    }

    /**
     * The RSA private key in {@code file} (PKCS#8 PEM, {@code -----BEGIN PRIVATE KEY-----}), which only its owner may
     * read; an IOException saying what is wrong otherwise.
     */
    static RSAPrivateCrtKey readPrivate(Path file) throws IOException {
        UserStore.checkPrivate(file);
        String text = read(file);
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new IOException(file + " holds an RSA key in the older PKCS#1 form: convert it with 'openssl pkcs8 -topk8"
                    + " -nocrypt -in " + file + " -out NEWFILE'");
        }
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IOException(file + " is protected by a passphrase, which a script cannot type: keep it unprotected"
                    + " and readable by its owner only");
        }
        byte[] der = body(file, text, PRIVATE);
        RSAPrivateCrtKey key;
        try {
            key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(file + " holds no RSA private key (JailDesk's key login takes RSA keys)");
        }
        bits(file, key.getModulus().bitLength());
        return key;
    }

    /** The RSA public key in {@code file} ({@code -----BEGIN PUBLIC KEY-----}), as sysadm's {@code pub_key}. */
    static String readPublic(Path file) throws IOException {
        String text = read(file);
        if (text.contains("PRIVATE KEY-----")) {
            throw new IOException(file + " holds a private key: give its public half, made with 'openssl pkey -in "
                    + file + " -pubout -out PUBFILE' (the private key stays with the script)");
        }
        byte[] der = body(file, text, PUBLIC);
        RSAPublicKey key;
        try {
            key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(file + " holds no RSA public key (JailDesk's key login takes RSA keys)");
        }
        bits(file, key.getModulus().bitLength());
        return KeyLogin.pubKey(key);
    }

    private static String read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException(String.format(java.util.Locale.ROOT, "%s is longer than any key file (%,d bytes at most)",
                    file, MAX_BYTES));
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** The DER bytes between {@code -----BEGIN what-----} and {@code -----END what-----}. */
    private static byte[] body(Path file, String text, String what) throws IOException {
        String begin = "-----BEGIN " + what + "-----";
        String end = "-----END " + what + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (to < 0) {
            throw new IOException(file + " is not a PEM file with " + begin);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a PEM file: its key is not Base64");
        }
    }

    private static void bits(Path file, int bits) throws IOException {
        if (bits < KeyLogin.MIN_BITS || bits > KeyLogin.MAX_BITS) {
            throw new IOException(file + " holds a key of " + bits + " bits: take an RSA key of " + KeyLogin.MIN_BITS + " to "
                    + KeyLogin.MAX_BITS + " bits");
        }
    }
}
