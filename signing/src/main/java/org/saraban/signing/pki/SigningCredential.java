package org.saraban.signing.pki;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signer together with its certificate chain, signing certificate first.
 */
public record SigningCredential(Signer signer, List<X509Certificate> chain) {
    public SigningCredential {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing credential needs at least its own certificate");
        }
        if (KeyAlgorithm.of(chain.get(0).getPublicKey()) != signer.algorithm()) {
            throw new PkiException(PkiException.Code.UNSUPPORTED_KEY,
                    "signer algorithm " + signer.algorithm() + " does not match the certificate's key");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
