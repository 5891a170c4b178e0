package org.jaildesk.client;

import java.security.cert.CertificateException;

/**
 * The server's certificate is not (or no longer) the one accepted for this host. The fingerprint is for the user to
 * compare with the one the server printed; a {@linkplain #changed() changed} certificate may mean an attack.
 */
public final class UntrustedCertificateException extends CertificateException {

    private static final long serialVersionUID = 1L;
    private final String hostPort;
    private final String fingerprint;
    private final boolean changed;

    public UntrustedCertificateException(String hostPort, String fingerprint, boolean changed) {
        super(changed
                ? "the certificate of " + hostPort + " has CHANGED since you accepted it; its SHA-256 fingerprint is now "
                        + fingerprint + ". This can mean someone is intercepting the connection; accept it again only if "
                        + "you know why it changed"
                : "the certificate of " + hostPort + " is not known yet; its SHA-256 fingerprint is " + fingerprint
                        + ". Compare it with the one 'jaildesk serve' printed, then accept it");
        this.hostPort = hostPort;
        this.fingerprint = fingerprint;
        this.changed = changed;
    }

    public String hostPort() {
        return hostPort;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public boolean changed() {
        return changed;
    }
}
