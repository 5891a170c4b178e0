package org.jaildesk.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly the certificate accepted for one host (by SHA-256 fingerprint of the leaf), nothing else; this is
 * stronger than CA checks for self-signed servers and needs no host name match.
 */
final class PinningTrustManager implements X509TrustManager {

    private final KnownHosts known;
    private final String hostPort;
    private volatile UntrustedCertificateException refusal;

    PinningTrustManager(KnownHosts known, String hostPort) {
        this.known = known;
        this.hostPort = hostPort;
    }

    UntrustedCertificateException refusal() {
        return refusal;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String fp = fingerprint(chain[0]);
        Optional<String> accepted = known.fingerprint(hostPort);
        if (accepted.isPresent() && accepted.get().equalsIgnoreCase(fp)) {
            return;
        }
        refusal = new UntrustedCertificateException(hostPort, fp, accepted.isPresent());
        throw refusal;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    static String fingerprint(X509Certificate cert) throws CertificateEncodingException {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
