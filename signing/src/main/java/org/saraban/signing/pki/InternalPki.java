package org.saraban.signing.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The embedded default's PKI, in process: a root CA, an issuing CA under it that certifies people, and a
 * time-stamping authority certified by the root. It answers CRL and OCSP requests for everything it issued,
 * so signed letters can carry their own validation data (PAdES-B-LT/LTA) and validate offline.
 *
 * <p>State (keys as password-protected PKCS#12, the revocation list) lives in a {@link PkiStorage}; opening
 * the same storage again gives the same CA. All CA keys are ECDSA P-256: fast to use and accepted by the
 * ETSI algorithm catalogue until well past the lifetime of these certificates.
 */
public final class InternalPki implements RevocationSource {

    static final String ROOT = "ca/root.p12";
    static final String ISSUING = "ca/issuing.p12";
    static final String TSA = "tsa/tsa.p12";
    static final String REVOKED = "ca/revoked.txt";
    static final String ISSUED = "ca/issued/";
    private static final String ENTRY = "key";

    /** How long a CRL or OCSP answer claims to be current; validators compare it with their own time. */
    private static final Duration REVOCATION_VALIDITY = Duration.ofDays(7);

    private final PkiStorage storage;
    private final PkiSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Authority root;
    private final Authority issuing;
    private final InternalTsa tsa;

    /** A CA key with its chain, this authority's certificate first. */
    private record Authority(PrivateKey key, List<X509Certificate> chain) {
        X509Certificate certificate() {
            return chain.get(0);
        }
    }

    private InternalPki(PkiStorage storage, PkiSettings settings, Clock clock) throws IOException {
        this.storage = storage;
        this.settings = settings;
        this.clock = clock;
        this.root = loadOrCreate(ROOT, () -> createRoot());
        this.issuing = loadOrCreate(ISSUING, () -> createIssuing(root));
        Authority tsaAuthority = loadOrCreate(TSA, () -> createTsa(root));
        this.tsa = new InternalTsa(tsaAuthority.key(), tsaAuthority.chain(), clock);
    }

    /** Opens the PKI kept in {@code storage}, creating root, issuing CA and TSA on first use. */
    public static InternalPki open(PkiStorage storage, PkiSettings settings, Clock clock) throws IOException {
        return new InternalPki(storage, settings, clock);
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    /** Issuing CA then root: what goes after a person's certificate in a signature. */
    public List<X509Certificate> issuingChain() {
        return issuing.chain();
    }

    public InternalTsa timestampAuthority() {
        return tsa;
    }

    /** A new key pair and a certificate for it; the caller decides where the key is kept. */
    public IssuedKey issue(PersonIdentity person, KeyAlgorithm algorithm) {
        KeyPair keyPair = algorithm.generate();
        X509Certificate certificate = certify(keyPair.getPublic(), person);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuing.chain());
        return new IssuedKey(keyPair.getPrivate(), List.copyOf(chain));
    }

    /** A person's key generated here, before it is stored. */
    public record IssuedKey(PrivateKey privateKey, List<X509Certificate> chain) {
        public SigningCredential credential() {
            return Pkcs12Keys.credential(privateKey, chain, null);
        }
    }

    /**
     * Certifies a key held elsewhere (a PKCS#11 token, a smart card) for a person, so the token's key can
     * sign letters that validate against this CA.
     */
    public X509Certificate certify(PublicKey publicKey, PersonIdentity person) {
        KeyAlgorithm.of(publicKey);
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "TH")
                .addRDN(BCStyle.O, person.agency())
                .addRDN(BCStyle.T, person.position())
                .addRDN(BCStyle.CN, person.thaiName())
                .addRDN(BCStyle.UID, person.personId());
        Instant now = now();
        try {
            JcaX509v3CertificateBuilder builder = builder(issuing, subject.build(), publicKey, now,
                    now.plus(settings.personCertificateValidity()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // ETSI EN 319 412-2: non-repudiation (content commitment) for signatures on documents
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            publicationPoints(builder, "crl/issuing.crl", true);
            X509Certificate certificate = sign(builder, issuing.key());
            // the CA's record of what it issued: OCSP says "unknown", not "good", for any other serial
            storage.write(ISSUED + certificate.getSerialNumber().toString(16) + ".cer", certificate.getEncoded());
            return certificate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Revokes a certificate this PKI issued; later CRLs and OCSP answers report it. The list is read, extended
     * and written back: one node should revoke at a time (the embedded default has one).
     */
    public synchronized void revoke(X509Certificate certificate, int crlReason) throws IOException {
        Authority authority = authorityFor(certificate, null);
        if (authority == null) {
            throw new IllegalArgumentException("not a certificate this PKI issued: " + certificate.getSubjectX500Principal());
        }
        String line = name(authority) + ";" + certificate.getSerialNumber().toString(16) + ";" + now().toEpochMilli()
                + ";" + crlReason + "\n";
        byte[] old = storage.read(REVOKED).orElse(new byte[0]);
        byte[] updated = new byte[old.length + line.length()];
        System.arraycopy(old, 0, updated, 0, old.length);
        System.arraycopy(line.getBytes(StandardCharsets.US_ASCII), 0, updated, old.length, line.length());
        storage.write(REVOKED, updated);
    }

    @Override
    public Optional<byte[]> crl(X509Certificate certificate, X509Certificate issuer) {
        Authority authority = authorityFor(certificate, issuer);
        return authority == null ? Optional.empty() : Optional.of(crlOf(authority));
    }

    /** The issuing CA's current CRL (people's certificates), for {@code <publicationBase>crl/issuing.crl}. */
    public byte[] issuingCrl() {
        return crlOf(issuing);
    }

    /** The root's current CRL (issuing CA and TSA), for {@code <publicationBase>crl/root.crl}. */
    public byte[] rootCrl() {
        return crlOf(root);
    }

    private byte[] crlOf(Authority authority) {
        Instant now = now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(REVOCATION_VALIDITY)));
        for (Map.Entry<BigInteger, Revocation> revoked : revocations(authority).entrySet()) {
            builder.addCRLEntry(revoked.getKey(), Date.from(revoked.getValue().at()), revoked.getValue().reason());
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(authority.certificate()));
            // CRL numbers must grow; the clock's milliseconds do across restarts without a stored counter
            builder.addExtension(Extension.cRLNumber, false,
                    new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            X509CRLHolder crl = builder.build(signer(authority.key()));
            return crl.getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a CRL", e);
        }
    }

    /** OCSP answers are signed by the CA itself, so no delegated responder certificate is needed. */
    @Override
    public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
        Authority authority = authorityFor(certificate, issuer);
        if (authority == null) {
            return Optional.empty();
        }
        try {
            CertificateID id = new CertificateID(digests().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(authority.certificate()), certificate.getSerialNumber());
            return Optional.of(answer(authority, List.of(id), null));
        } catch (OCSPException | OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot answer OCSP", e);
        }
    }

    /**
     * Answers a DER OCSPRequest (RFC 6960) with a DER OCSPResponse, for {@code <publicationBase>ocsp}: status per
     * certificate, "unknown" for serials this PKI never issued, the request's nonce echoed.
     */
    public byte[] respondOcsp(byte[] ocspRequest) throws IOException {
        try {
            OCSPReq request;
            try {
                request = new OCSPReq(ocspRequest);
            } catch (IOException | RuntimeException malformed) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            List<CertificateID> ids = new ArrayList<>();
            Authority authority = null;
            for (Req single : request.getRequestList()) {
                CertificateID id = single.getCertID();
                Authority matching = null;
                for (Authority candidate : List.of(issuing, root)) {
                    if (id.matchesIssuer(new JcaX509CertificateHolder(candidate.certificate()), digests())) {
                        matching = candidate;
                    }
                }
                if (matching == null || (authority != null && authority != matching)) {
                    // RFC 6960 §2.3: not a CA we answer for (or a mix of CAs in one request)
                    return new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null).getEncoded();
                }
                authority = matching;
                ids.add(id);
            }
            if (authority == null) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            return answer(authority, ids, nonce);
        } catch (OCSPException | OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("cannot answer OCSP", e);
        }
    }

    private byte[] answer(Authority authority, List<CertificateID> ids, Extension nonce)
            throws OCSPException, OperatorCreationException, GeneralSecurityException, IOException {
        // OCSP times are GeneralizedTime with fractions: keep the milliseconds, so an answer fetched right
        // after a signature is visibly later than the signature's timestamp
        Instant now = clock.instant();
        Map<BigInteger, Revocation> revoked = revocations(authority);
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                new RespID(new JcaX509CertificateHolder(authority.certificate()).getSubject()));
        for (CertificateID id : ids) {
            Revocation revocation = revoked.get(id.getSerialNumber());
            CertificateStatus status = revocation != null
                    ? new RevokedStatus(Date.from(revocation.at()), revocation.reason())
                    : issued(authority, id.getSerialNumber()) ? CertificateStatus.GOOD : new UnknownStatus();
            builder.addResponse(id, status, Date.from(now), Date.from(now.plus(REVOCATION_VALIDITY)), null);
        }
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        X509CertificateHolder[] responderChain = {new JcaX509CertificateHolder(authority.certificate())};
        return new OCSPRespBuilder()
                .build(OCSPRespBuilder.SUCCESSFUL, builder.build(signer(authority.key()), responderChain, Date.from(now)))
                .getEncoded();
    }

    private boolean issued(Authority authority, BigInteger serial) throws IOException {
        if (authority == root) {
            return serial.equals(issuing.certificate().getSerialNumber())
                    || serial.equals(tsa.chain().get(0).getSerialNumber());
        }
        return storage.read(ISSUED + serial.toString(16) + ".cer").isPresent();
    }

    private static DigestCalculatorProvider digests() throws OperatorCreationException {
        return new JcaDigestCalculatorProviderBuilder().build();
    }

    private String name(Authority authority) {
        return authority == root ? "root" : "issuing";
    }

    private Authority authorityFor(X509Certificate certificate, X509Certificate issuer) {
        for (Authority authority : List.of(issuing, root)) {
            X509Certificate candidate = authority.certificate();
            if (issuer != null && !issuer.equals(candidate)) {
                continue;
            }
            if (!certificate.getIssuerX500Principal().equals(candidate.getSubjectX500Principal())
                    || certificate.equals(candidate)) {
                continue;
            }
            try {
                certificate.verify(candidate.getPublicKey());
                return authority;
            } catch (GeneralSecurityException notOurs) {
                // same name, another key: a certificate from someone else's CA
            }
        }
        return null;
    }

    private record Revocation(Instant at, int reason) {
    }

    private Map<BigInteger, Revocation> revocations(Authority authority) {
        String text;
        try {
            text = new String(storage.read(REVOKED).orElse(new byte[0]), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the revocation list", e);
        }
        Map<BigInteger, Revocation> revoked = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(";");
            if (fields[0].equals(name(authority))) {
                revoked.putIfAbsent(new BigInteger(fields[1], 16),
                        new Revocation(Instant.ofEpochMilli(Long.parseLong(fields[2])), Integer.parseInt(fields[3])));
            }
        }
        return revoked;
    }

    private interface Creation {
        Authority create() throws IOException;
    }

    private Authority loadOrCreate(String name, Creation creation) throws IOException {
        Optional<byte[]> stored = storage.read(name);
        if (stored.isEmpty()) {
            Authority created = creation.create();
            // another node may have created it meanwhile: whatever the storage kept wins
            storage.create(name, Pkcs12Keys.store(ENTRY, created.key(), created.chain(), settings.storagePassword()));
            stored = storage.read(name);
        }
        var entry = Pkcs12Keys.entry(stored.orElseThrow(), settings.storagePassword(), ENTRY);
        return new Authority(entry.getPrivateKey(), Pkcs12Keys.toX509(entry.getCertificateChain()));
    }

    private Authority createRoot() throws IOException {
        KeyPair keyPair = KeyAlgorithm.ECDSA_P256.generate();
        X500Name name = caName("Saraban Root CA");
        Instant now = now();
        JcaX509v3CertificateBuilder builder = builder(null, name, keyPair.getPublic(), now, now.plus(Duration.ofDays(20 * 365)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(1));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate certificate = sign(builder, keyPair.getPrivate());
        return new Authority(keyPair.getPrivate(), List.of(certificate));
    }

    private Authority createIssuing(Authority parent) throws IOException {
        KeyPair keyPair = KeyAlgorithm.ECDSA_P256.generate();
        Instant now = now();
        JcaX509v3CertificateBuilder builder = builder(parent, caName("Saraban Issuing CA"), keyPair.getPublic(), now,
                now.plus(Duration.ofDays(10 * 365)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        publicationPoints(builder, "crl/root.crl", false);
        return new Authority(keyPair.getPrivate(), List.of(sign(builder, parent.key()), parent.certificate()));
    }

    private Authority createTsa(Authority parent) throws IOException {
        KeyPair keyPair = KeyAlgorithm.ECDSA_P256.generate();
        Instant now = now();
        JcaX509v3CertificateBuilder builder = builder(parent, caName("Saraban Time-Stamping Authority"),
                keyPair.getPublic(), now, now.plus(Duration.ofDays(10 * 365)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        // RFC 3161 §2.3: the TSA certificate has exactly this one extended key usage, marked critical
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        publicationPoints(builder, "crl/root.crl", false);
        return new Authority(keyPair.getPrivate(), List.of(sign(builder, parent.key()), parent.certificate()));
    }

    private X500Name caName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "TH")
                .addRDN(BCStyle.O, settings.organization())
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private JcaX509v3CertificateBuilder builder(Authority issuer, X500Name subject, PublicKey publicKey,
                                                Instant notBefore, Instant notAfter) throws IOException {
        X500Name issuerName = issuer == null ? subject
                : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        // 127 random bits: unpredictable serials (CA/B forum practice), positive as RFC 5280 requires
        BigInteger serial = new BigInteger(127, random).setBit(120);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial,
                Date.from(notBefore), Date.from(notAfter), subject, publicKey);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                    ? utils.createAuthorityKeyIdentifier(publicKey)
                    : utils.createAuthorityKeyIdentifier(issuer.certificate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return builder;
    }

    private void publicationPoints(JcaX509v3CertificateBuilder builder, String crlPath, boolean ocsp) throws IOException {
        if (settings.publicationBase() == null) {
            return;
        }
        GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier,
                new DERIA5String(settings.publicationBase().resolve(crlPath).toString()));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
        if (ocsp) {
            GeneralName responder = new GeneralName(GeneralName.uniformResourceIdentifier,
                    new DERIA5String(settings.publicationBase().resolve("ocsp").toString()));
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(X509ObjectIdentifiers.id_ad_ocsp, responder)));
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** Certificates and CRLs encode seconds; truncating keeps "not before" at or before the moment of use. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
