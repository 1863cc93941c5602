/**
 * Keys and trust services for signing: the in-process PKI of the embedded default and the ways to bring keys
 * from elsewhere.
 *
 * <ul>
 *   <li>{@link org.saraban.signing.pki.InternalPki#open}: root CA, issuing CA and RFC 3161 TSA, created on first
 *       use and kept in a {@link org.saraban.signing.pki.PkiStorage} ({@link
 *       org.saraban.signing.pki.InMemoryPkiStorage}, {@link org.saraban.signing.pki.DirectoryPkiStorage}; the web
 *       layer may back it with GridFS). It answers CRL and OCSP for what it issued ({@link
 *       org.saraban.signing.pki.RevocationSource}) and, through {@link
 *       org.saraban.signing.pki.InternalTsa#respond}, DER time-stamp requests for an HTTP endpoint.</li>
 *   <li>{@link org.saraban.signing.pki.PersonalSigners#credentialFor}: a person's certificate issued on first use
 *       (Thai name, position and agency in the subject); {@link
 *       org.saraban.signing.pki.PersonalSigners#importPkcs12} replaces it with the person's own key, chosen by
 *       alias.</li>
 *   <li>{@link org.saraban.signing.pki.Pkcs11Token#open}: an HSM or smart card through SunPKCS11 from its
 *       configuration file; {@link org.saraban.signing.pki.InternalPki#certify} certifies a key generated on
 *       the token.</li>
 *   <li>{@link org.saraban.signing.pki.HttpTsaClient}: an external TSA by URL in place of the internal one.</li>
 * </ul>
 * Private keys are only ever stored inside PKCS#12 protected by the deployment's storage password, under names
 * derived from a hash of the person's id.
 */
package org.saraban.signing.pki;
