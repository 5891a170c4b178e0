package org.jaildesk.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's TLS identity: a self-signed certificate made on first start and kept in the state directory
 * ({@code server.p12}, owner-only), so that its fingerprint stays the same across restarts and clients can pin it.
 * The key is protected by the file's permissions, like an SSH host key; the PKCS#12 password is not a secret.
 */
public final class ServerTls {

    static final String FILE = "server.p12";
    private static final char[] STORE_PASSWORD = "jaildesk-server".toCharArray();
    private static final String ALIAS = "jaildesk";

    private final SSLContext context;
    private final X509Certificate certificate;

    private ServerTls(SSLContext context, X509Certificate certificate) {
        this.context = context;
        this.certificate = certificate;
    }

    public SSLContext context() {
        return context;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate's SHA-256 fingerprint, {@code AB:CD:…}, as clients show it. */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the identity from {@code stateDir}, making it first when there is none. */
    public static ServerTls loadOrCreate(Path stateDir, String hostName) throws IOException, GeneralSecurityException {
        Path file = stateDir.resolve(FILE);
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (Files.exists(file)) {
            UserStore.checkPrivate(file);
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, STORE_PASSWORD);
                if (!store.isKeyEntry(ALIAS) || !(store.getCertificate(ALIAS) instanceof X509Certificate)) {
                    throw new GeneralSecurityException("it holds no server key '" + ALIAS + "'");
                }
            } catch (IOException | GeneralSecurityException e) {
                // Never made anew by itself: clients pinned this certificate, and a new one is for the admin to decide.
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new IOException(file + " cannot be read as the server's certificate (" + why + "). Move it"
                        + " aside to make a new one; clients will then be told that the certificate changed", e);
            }
        } else {
            store.load(null, null);
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(3072, new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            X509Certificate cert = selfSigned(pair, hostName);
            store.setKeyEntry(ALIAS, pair.getPrivate(), STORE_PASSWORD, new java.security.cert.Certificate[] {cert});
            Files.createDirectories(stateDir);
            OwnerOnly.create(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, STORE_PASSWORD);
            }
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, STORE_PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
        return new ServerTls(ctx, (X509Certificate) store.getCertificate(ALIAS));
    }

    private static X509Certificate selfSigned(KeyPair pair, String hostName) throws GeneralSecurityException {
        X500Name subject = new X500Name("CN=" + hostName.replaceAll("[,=+<>#;\"\\\\]", "_") + ",O=JailDesk");
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                pair.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, hostName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-")),
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot make the server certificate: " + e.getMessage(), e);
        }
    }
}
