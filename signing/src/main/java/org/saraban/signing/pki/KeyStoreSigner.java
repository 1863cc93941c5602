package org.saraban.signing.pki;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;

/**
 * Signs with a JCA private key: a software key, or a handle to a key inside a PKCS#11 token when
 * {@code provider} is the token's SunPKCS11 provider (the key material never leaves the token then).
 */
public final class KeyStoreSigner implements Signer {

    private final PrivateKey key;
    private final KeyAlgorithm algorithm;
    private final Provider provider;

    /**
     * @param provider the provider that holds the key, or null for the JDK's default provider selection
     */
    public KeyStoreSigner(PrivateKey key, KeyAlgorithm algorithm, Provider provider) {
        this.key = key;
        this.algorithm = algorithm;
        this.provider = provider;
    }

    @Override
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] dataToSign) {
        try {
            Signature signature = provider == null
                    ? Signature.getInstance(algorithm.signatureAlgorithm())
                    : Signature.getInstance(algorithm.signatureAlgorithm(), provider);
            signature.initSign(key);
            signature.update(dataToSign);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new PkiException(PkiException.Code.SIGNING_FAILED, "the signing key refused to sign", e);
        }
    }
}
