package org.saraban.signing.pki;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the in-process PKI names itself and protects what it stores.
 *
 * @param organization       the O= of the CA and TSA certificates, e.g. the agency running the instance
 * @param storagePassword    protects every PKCS#12 blob written to {@link PkiStorage}; from the deployment's secrets
 * @param publicationBase    where the web layer serves CRLs and OCSP ({@code <base>crl/issuing.crl},
 *                           {@code <base>crl/root.crl}, {@code <base>ocsp}); written into certificates
 *                           so outside validators can look revocation up; null for none
 * @param personCertificateValidity how long a person's certificate is valid
 */
public record PkiSettings(String organization, char[] storagePassword, URI publicationBase,
                          Duration personCertificateValidity) {
    public PkiSettings {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(storagePassword, "storagePassword");
        Objects.requireNonNull(personCertificateValidity, "personCertificateValidity");
        if (storagePassword.length == 0) {
            throw new IllegalArgumentException("the storage password must not be empty");
        }
    }

    /** Person certificates valid for three years. */
    public static PkiSettings of(String organization, char[] storagePassword, URI publicationBase) {
        return new PkiSettings(organization, storagePassword, publicationBase, Duration.ofDays(3 * 365));
    }
}
