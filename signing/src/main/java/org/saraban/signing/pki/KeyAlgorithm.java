package org.saraban.signing.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;

/** The key types a person's signing key may have, each with the one signature algorithm we use for it. */
public enum KeyAlgorithm {
    RSA_2048("RSA", "SHA256withRSA"),
    ECDSA_P256("EC", "SHA256withECDSA");

    private final String keyType;
    private final String signatureAlgorithm;

    KeyAlgorithm(String keyType, String signatureAlgorithm) {
        this.keyType = keyType;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** JCA name of the signature algorithm (digest SHA-256 in every case, as PAdES baseline expects). */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType);
            if (this == RSA_2048) {
                generator.initialize(2048);
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException(PkiException.Code.UNSUPPORTED_KEY, "cannot generate " + this, e);
        }
    }

    /**
     * The algorithm for an existing public key (imported or on a token). RSA keys of any size from 2048 bits
     * are accepted and signed with SHA-256; EC keys must be on P-256 so the digest matches the curve.
     */
    public static KeyAlgorithm of(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048) {
            return RSA_2048;
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return ECDSA_P256;
        }
        throw new PkiException(PkiException.Code.UNSUPPORTED_KEY,
                "signing keys must be RSA (2048 bits or more) or ECDSA P-256, not " + key.getAlgorithm());
    }
}
