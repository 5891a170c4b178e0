package org.jaildesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.jaildesk.protocol.KeyLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files for scripts: what OpenSSL writes is read; anything else is refused, saying what to do. */
class KeyFilesTest {

    private static KeyPair rsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rsa = g.generateKeyPair();
    }

    static String pem(String what, byte[] der) {
        return "-----BEGIN " + what + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + what + "-----\n";
    }

    private Path file(String name, String text, String perms) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    private String refusal(Path f, boolean priv) {
        return assertThrows(IOException.class, () -> {
            if (priv) {
                KeyFiles.readPrivate(f);
            } else {
                KeyFiles.readPublic(f);
            }
        }).getMessage();
    }

    @Test
    void theFilesOpenSslWritesAreRead() throws Exception {
        Path key = file("key.pem", pem("PRIVATE KEY", rsa.getPrivate().getEncoded()), "rw-------");
        Path pub = file("key.pub", pem("PUBLIC KEY", rsa.getPublic().getEncoded()), "rw-r--r--");
        assertEquals(rsa.getPrivate(), KeyFiles.readPrivate(key));
        assertEquals(KeyLogin.pubKey(rsa.getPublic()), KeyFiles.readPublic(pub));
        String challenge = KeyLogin.challenge();
        assertTrue(KeyLogin.verifies(KeyLogin.publicKey(KeyFiles.readPublic(pub)), challenge,
                KeyLogin.sign(KeyFiles.readPrivate(key), challenge)), "the two halves belong together");
    }

    @Test
    void everythingElseIsRefusedWithWhatToDo() throws Exception {
        String privatePem = pem("PRIVATE KEY", rsa.getPrivate().getEncoded());
        assertTrue(refusal(file("open.pem", privatePem, "rw-r-----"), true).contains("chmod 600"));
        assertTrue(refusal(file("pkcs1.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n", "rw-------"),
                true).contains("openssl pkcs8 -topk8 -nocrypt"));
        assertTrue(refusal(file("enc.pem", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n",
                "rw-------"), true).contains("passphrase"));
        assertTrue(refusal(file("junk.pem", "$(x); -f\n", "rw-------"), true).contains("is not a PEM file with -----BEGIN PRIVATE KEY-----"));
        assertTrue(refusal(file("notb64.pem", "-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n", "rw-------"), true)
                .contains("holds no RSA private key"));
        assertTrue(refusal(file("big.pem", "A".repeat(10_000_000), "rw-------"), true).contains("longer than any key file"));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        KeyPair e = ec.generateKeyPair();
        assertTrue(refusal(file("ec.pem", pem("PRIVATE KEY", e.getPrivate().getEncoded()), "rw-------"), true)
                .contains("holds no RSA private key"));
        assertTrue(refusal(file("ec.pub", pem("PUBLIC KEY", e.getPublic().getEncoded()), "rw-r--r--"), false)
                .contains("holds no RSA public key"));
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        KeyPair weak = small.generateKeyPair();
        assertTrue(refusal(file("weak.pem", pem("PRIVATE KEY", weak.getPrivate().getEncoded()), "rw-------"), true)
                .contains("1024 bits: take an RSA key of 2048 to 8192 bits"));
        assertTrue(refusal(file("weak.pub", pem("PUBLIC KEY", weak.getPublic().getEncoded()), "rw-r--r--"), false)
                .contains("1024 bits"));
        assertTrue(refusal(file("swapped.pub", privatePem, "rw-------"), false).contains("holds a private key: give its public half"));
    }
}
