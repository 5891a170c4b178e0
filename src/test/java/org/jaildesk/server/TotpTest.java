package org.jaildesk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One-time codes as RFC 6238 and authenticator apps make them. */
class TotpTest {

    /** RFC 6238 appendix B, SHA-1: the secret "12345678901234567890", eight digits. */
    @Test
    void theRfcsTestVectors() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertEquals("94287082", Totp.code(key, 59 / 30, 8));
        assertEquals("07081804", Totp.code(key, 1111111109L / 30, 8));
        assertEquals("14050471", Totp.code(key, 1111111111L / 30, 8));
        assertEquals("89005924", Totp.code(key, 1234567890L / 30, 8));
        assertEquals("69279037", Totp.code(key, 2000000000L / 30, 8));
        assertEquals("65353130", Totp.code(key, 20000000000L / 30, 8));
        assertEquals("287082", Totp.code(key, 59 / 30, 6), "six digits: the last six");
    }

    @Test
    void aCodeHoldsForItsStepAndOneEitherSideAndNothingElsePasses() {
        String secret = Totp.newSecret();
        assertTrue(Totp.isSecret(secret), secret);
        assertEquals(32, secret.length());
        assertEquals(secret, Totp.base32(Totp.decode(secret)));
        long now = 1_800_000_000L;
        long step = now / 30;
        assertEquals(step, Totp.stepOf(secret, Totp.code(secret, step), now));
        assertEquals(step - 1, Totp.stepOf(secret, Totp.code(secret, step - 1), now));
        assertEquals(step + 1, Totp.stepOf(secret, Totp.code(secret, step + 1), now));
        assertEquals(-1, Totp.stepOf(secret, Totp.code(secret, step - 2), now));
        for (String bad : new String[] {null, "", "12345", "1234567", "abcdef", "12 456", "$(x)12"}) {
            assertEquals(-1, Totp.stepOf(secret, bad, now), bad);
        }
        assertEquals("otpauth://totp/JailDesk%3Aadmin%40nas?secret=" + secret + "&issuer=JailDesk&algorithm=SHA1&digits=6&period=30",
                Totp.uri(secret, "admin", "nas"));
    }
}
