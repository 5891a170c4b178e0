package org.jaildesk.client;

import java.security.cert.CertificateException;
import java.util.Optional;

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
        super(trouble(changed).english(hostPort, fingerprint));
        this.hostPort = hostPort;
        this.fingerprint = fingerprint;
        this.changed = changed;
    }

    /** The untrusted certificate a failed request ran into: the cause of the client's exception, if that is one. */
    public static Optional<UntrustedCertificateException> in(Throwable failure) {
        return failure instanceof IocageClientException ice && ice.getCause() instanceof UntrustedCertificateException u
                ? Optional.of(u) : Optional.empty();
    }

    private static Trouble trouble(boolean changed) {
        return changed ? Trouble.CERTIFICATE_CHANGED : Trouble.CERTIFICATE_UNKNOWN;
    }

    /** How the desktop words it: {@link Trouble#CERTIFICATE_UNKNOWN} or {@link Trouble#CERTIFICATE_CHANGED}. */
    public Trouble trouble() {
        return trouble(changed);
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
