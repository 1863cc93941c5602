package org.saraban.signing.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.List;

/**
 * A PKCS#11 token (HSM or smart card) through the JDK's SunPKCS11 provider, configured by the usual
 * SunPKCS11 configuration file (name, library, slot). Keys are used where they are: {@link #credential}
 * returns a signer whose private key is a handle into the token.
 */
public final class Pkcs11Token {

    private final Provider provider;
    private final KeyStore keyStore;

    private Pkcs11Token(Provider provider, KeyStore keyStore) {
        this.provider = provider;
        this.keyStore = keyStore;
    }

    /**
     * Configures a SunPKCS11 provider from {@code configFile} and logs in with {@code pin}.
     *
     * @throws PkiException PKCS11_CONFIGURATION if the file or the library it names cannot be used,
     *                      KEYSTORE_UNREADABLE if the token refuses the login
     */
    public static Pkcs11Token open(Path configFile, char[] pin) {
        Provider provider = configure(configFile);
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return new Pkcs11Token(provider, keyStore);
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException(PkiException.Code.KEYSTORE_UNREADABLE, "the PKCS#11 token refused the login", e);
        }
    }

    /**
     * A SunPKCS11 provider for the configuration file, not yet logged in. Not added to the JCA provider list:
     * signers name it explicitly, so two tokens can be used side by side.
     */
    static Provider configure(Path configFile) {
        if (!Files.isRegularFile(configFile)) {
            throw new PkiException(PkiException.Code.PKCS11_CONFIGURATION, "no PKCS#11 configuration at " + configFile);
        }
        Provider prototype = Security.getProvider("SunPKCS11");
        if (prototype == null) {
            throw new PkiException(PkiException.Code.PKCS11_CONFIGURATION, "this JDK has no SunPKCS11 provider");
        }
        try {
            return prototype.configure(configFile.toString());
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new PkiException(PkiException.Code.PKCS11_CONFIGURATION,
                    "SunPKCS11 refused the configuration " + configFile + ": " + e.getMessage(), e);
        }
    }

    public Provider provider() {
        return provider;
    }

    public List<String> keyAliases() {
        return Pkcs12Keys.keyAliases(keyStore);
    }

    /** The key under {@code alias} with the certificate chain stored beside it on the token. */
    public SigningCredential credential(String alias) {
        try {
            if (alias == null || !keyStore.isKeyEntry(alias)) {
                throw new PkiException(alias == null && keyAliases().size() > 1 ? PkiException.Code.KEY_ENTRY_AMBIGUOUS
                        : PkiException.Code.KEY_ENTRY_NOT_FOUND,
                        "no key entry '" + alias + "' on the token; it holds " + keyAliases());
            }
            PrivateKey key = (PrivateKey) keyStore.getKey(alias, null);
            return Pkcs12Keys.credential(key, Pkcs12Keys.toX509(keyStore.getCertificateChain(alias)), provider);
        } catch (GeneralSecurityException e) {
            throw new PkiException(PkiException.Code.KEYSTORE_UNREADABLE, "cannot use key '" + alias + "'", e);
        }
    }
}
