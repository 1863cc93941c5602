package org.saraban.signing.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * PKCS#12 files: a person's imported key, and the form in which the internal CA keeps private keys in
 * {@link PkiStorage}. The key entry is always chosen by alias: a file with two keys must not sign with
 * whichever the keystore happens to list first.
 */
public final class Pkcs12Keys {

    private Pkcs12Keys() {
    }

    /** Aliases of the entries that hold a private key, for a person to choose from. */
    public static List<String> keyAliases(byte[] pkcs12, char[] password) {
        return keyAliases(open(pkcs12, password));
    }

    static List<String> keyAliases(KeyStore keyStore) {
        try {
            List<String> aliases = new ArrayList<>();
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)) {
                    aliases.add(alias);
                }
            }
            return aliases;
        } catch (GeneralSecurityException e) {
            throw new PkiException(PkiException.Code.KEYSTORE_UNREADABLE, "cannot list the key entries", e);
        }
    }

    /**
     * The key entry under {@code alias} as a signing credential. Refuses a missing alias (naming the ones that
     * exist), an entry that is no private key, and a certificate whose key usage does not allow signing.
     */
    public static SigningCredential load(byte[] pkcs12, char[] password, String alias) {
        if (alias == null || alias.isBlank()) {
            List<String> aliases = keyAliases(pkcs12, password);
            throw new PkiException(aliases.size() > 1 ? PkiException.Code.KEY_ENTRY_AMBIGUOUS
                    : PkiException.Code.KEY_ENTRY_NOT_FOUND,
                    "choose the key entry by alias; the file holds key entries " + aliases);
        }
        KeyStore keyStore = open(pkcs12, password);
        try {
            if (!keyStore.isKeyEntry(alias)) {
                throw new PkiException(PkiException.Code.KEY_ENTRY_NOT_FOUND,
                        "no key entry '" + alias + "'; the file holds key entries " + keyAliases(pkcs12, password));
            }
            PrivateKey key = (PrivateKey) keyStore.getKey(alias, password);
            List<X509Certificate> chain = toX509(keyStore.getCertificateChain(alias));
            return credential(key, chain, null);
        } catch (GeneralSecurityException e) {
            throw new PkiException(PkiException.Code.KEYSTORE_UNREADABLE, "cannot read key entry '" + alias + "'", e);
        }
    }

    static SigningCredential credential(PrivateKey key, List<X509Certificate> chain, java.security.Provider provider) {
        if (chain.isEmpty()) {
            throw new PkiException(PkiException.Code.KEY_ENTRY_NOT_FOUND, "the key entry has no certificate");
        }
        X509Certificate certificate = chain.get(0);
        boolean[] usage = certificate.getKeyUsage();
        // digitalSignature (0) or nonRepudiation (1): a certificate for encryption only must not sign letters
        if (usage != null && !usage[0] && !usage[1]) {
            throw new PkiException(PkiException.Code.KEY_USAGE_NOT_FOR_SIGNING,
                    "the certificate's key usage allows neither digitalSignature nor nonRepudiation");
        }
        KeyAlgorithm algorithm = KeyAlgorithm.of(certificate.getPublicKey());
        return new SigningCredential(new KeyStoreSigner(key, algorithm, provider), chain);
    }

    static List<X509Certificate> toX509(Certificate[] chain) {
        if (chain == null) {
            return List.of();
        }
        return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
    }

    static byte[] store(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            keyStore.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException(PkiException.Code.KEYSTORE_UNREADABLE, "cannot write a PKCS#12 file", e);
        }
    }

    static KeyStore.PrivateKeyEntry entry(byte[] pkcs12, char[] password, String alias) {
        try {
            KeyStore keyStore = open(pkcs12, password);
            KeyStore.Entry entry = keyStore.getEntry(alias, new KeyStore.PasswordProtection(password));
            if (entry instanceof KeyStore.PrivateKeyEntry privateKeyEntry) {
                return privateKeyEntry;
            }
            throw new PkiException(PkiException.Code.KEY_ENTRY_NOT_FOUND, "stored keystore has no key '" + alias + "'");
        } catch (GeneralSecurityException e) {
            throw new PkiException(PkiException.Code.KEYSTORE_UNREADABLE, "cannot read stored key '" + alias + "'", e);
        }
    }

    private static KeyStore open(byte[] pkcs12, char[] password) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(new ByteArrayInputStream(pkcs12), password);
            return keyStore;
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException(PkiException.Code.KEYSTORE_UNREADABLE,
                    "cannot open the PKCS#12 file (wrong password or not a PKCS#12 file)", e);
        }
    }
}
