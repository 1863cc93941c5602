package org.saraban.signing.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;

/** Revocation data for embedding into a PDF's /DSS, so a validator needs no network years later. */
public interface RevocationSource {

    /** DER X.509 CRL from {@code issuer} that covers {@code certificate}, if this source has one. */
    Optional<byte[]> crl(X509Certificate certificate, X509Certificate issuer);

    /** DER OCSPResponse about {@code certificate}, if this source can answer for it. */
    Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer);
}
