package org.saraban.signing.pki;

/**
 * Turns the data to sign (for PAdES: the DER of the signed attributes) into a signature value. The private
 * key stays behind this interface: in memory, in a PKCS#11 token, or in a remote service.
 */
public interface Signer {

    KeyAlgorithm algorithm();

    /** Hashes {@code dataToSign} with SHA-256 and signs it (PKCS#1 v1.5 for RSA, DER ECDSA for EC). */
    byte[] sign(byte[] dataToSign);
}
