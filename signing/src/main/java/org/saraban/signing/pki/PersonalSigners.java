package org.saraban.signing.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Each person's signing credential: imported from their PKCS#12 file, or else issued by the internal CA on
 * first use and kept (as PKCS#12 under the storage password) in {@link PkiStorage}. Tokens (PKCS#11) are
 * not stored here: the web layer holds a {@link Pkcs11Token} from configuration and asks it directly.
 */
public final class PersonalSigners {

    private static final String ENTRY = "signing";
    /** The entry name of a key the person imported: never replaced by an issued one, whoever its issuer. */
    private static final String IMPORTED_ENTRY = "imported";

    private final PkiStorage storage;
    private final InternalPki pki;
    private final char[] storagePassword;
    private final Map<String, SigningCredential> cache = new ConcurrentHashMap<>();
    private final Set<String> imported = ConcurrentHashMap.newKeySet();

    public PersonalSigners(PkiStorage storage, InternalPki pki, PkiSettings settings) {
        this.storage = storage;
        this.pki = pki;
        this.storagePassword = settings.storagePassword().clone();
    }

    /**
     * The person's credential. A certificate issued here whose name, position or agency no longer matches
     * the directory is replaced by a new one (the old one stays valid for what it signed); an imported one is
     * used as it is. {@code algorithm} applies only when a key is created.
     */
    public SigningCredential credentialFor(PersonIdentity person, KeyAlgorithm algorithm) throws IOException {
        String name = storageName(person.personId());
        SigningCredential cached = cache.get(name);
        if (cached != null && (isImported(name, cached) || matches(cached.certificate(), person))) {
            return cached;
        }
        Optional<byte[]> stored = storage.read(name);
        if (stored.isPresent()) {
            SigningCredential credential = load(name, stored.get());
            if (isImported(name, credential) || matches(credential.certificate(), person)) {
                cache.put(name, credential);
                return credential;
            }
        }
        InternalPki.IssuedKey issued = pki.issue(person, algorithm);
        byte[] keyFile = Pkcs12Keys.store(ENTRY, issued.privateKey(), issued.chain(), storagePassword);
        if (stored.isPresent()) {
            storage.write(name, keyFile);
        } else if (!storage.create(name, keyFile)) {
            // another request issued this person's first certificate meanwhile: use that one, not a second
            SigningCredential theirs = load(name, storage.read(name).orElseThrow());
            cache.put(name, theirs);
            return theirs;
        }
        SigningCredential credential = issued.credential();
        cache.put(name, credential);
        return credential;
    }

    /**
     * Stores the key entry {@code alias} of a person's own PKCS#12 file as their signing credential from now
     * on. The alias is required: see {@link Pkcs12Keys#keyAliases} to offer the choice.
     */
    public SigningCredential importPkcs12(String personId, byte[] pkcs12, char[] password, String alias)
            throws IOException {
        SigningCredential credential = Pkcs12Keys.load(pkcs12, password, alias);
        KeyStore.PrivateKeyEntry entry = Pkcs12Keys.entry(pkcs12, password, alias);
        String name = storageName(personId);
        storage.write(name, Pkcs12Keys.store(IMPORTED_ENTRY, entry.getPrivateKey(), credential.chain(),
                storagePassword));
        imported.add(name);
        cache.put(name, credential);
        return credential;
    }

    private SigningCredential load(String name, byte[] stored) {
        boolean wasImported = Pkcs12Keys.keyAliases(stored, storagePassword).contains(IMPORTED_ENTRY);
        if (wasImported) {
            imported.add(name);
        }
        KeyStore.PrivateKeyEntry entry = Pkcs12Keys.entry(stored, storagePassword,
                wasImported ? IMPORTED_ENTRY : ENTRY);
        return Pkcs12Keys.credential(entry.getPrivateKey(), Pkcs12Keys.toX509(entry.getCertificateChain()), null);
    }

    /** Imported by the person (recorded as such), or (stored before that was recorded) not issued here. */
    private boolean isImported(String name, SigningCredential credential) {
        return imported.contains(name) || credential.chain().size() < 2 || !credential.chain().get(1).equals(pki.issuingChain().get(0));
    }

    private static boolean matches(X509Certificate certificate, PersonIdentity person) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return person.thaiName().equals(value(subject, BCStyle.CN))
                && person.position().equals(value(subject, BCStyle.T))
                && person.agency().equals(value(subject, BCStyle.O))
                && person.personId().equals(value(subject, BCStyle.UID));
    }

    private static String value(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        // the plain string, not IETFUtils' escaped form: a position with a comma must compare equal
        return rdns.length == 0 || !(rdns[0].getFirst().getValue() instanceof ASN1String text) ? null : text.getString();
    }

    /** Person ids are the directory's; hashing keeps them (and any personal data in them) out of blob names. */
    private static String storageName(String personId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(personId.getBytes(StandardCharsets.UTF_8));
            return "people/" + HexFormat.of().formatHex(hash) + ".p12";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
