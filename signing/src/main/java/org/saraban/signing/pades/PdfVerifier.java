package org.saraban.signing.pades;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.saraban.signing.pades.VerificationReport.CertificateStatus;
import org.saraban.signing.pades.VerificationReport.ChangeKind;
import org.saraban.signing.pades.VerificationReport.DocumentStatus;
import org.saraban.signing.pades.VerificationReport.Kind;
import org.saraban.signing.pades.VerificationReport.LaterChange;
import org.saraban.signing.pades.VerificationReport.PadesLevel;
import org.saraban.signing.pades.VerificationReport.SignatureReport;

/**
 * Verifies the signatures in any PDF, ours or signed elsewhere, offline: integrity of each revision, the
 * signer, the signing time from its timestamp, what was added afterwards, the certificate chain against the
 * configured trust anchors with the revocation data embedded in /DSS, and the PAdES level reached.
 *
 * <p>Hostile input is bounded: the file size, PDFBox's memory, the number of signatures and the size of each
 * /Contents are capped, and anything unreadable becomes a report (MALFORMED, or a note on the signature),
 * never an exception.
 */
public final class PdfVerifier {

    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    private static final int MAX_SIGNATURES = 64;
    private static final int MAX_CONTENTS_BYTES = 1024 * 1024;

    private final List<X509Certificate> trustAnchors;
    private final Clock clock;
    private final long maxBytes;

    /**
     * @param trustAnchors the internal CA's root plus any configured anchors (e.g. the Thai National Root CA)
     */
    public PdfVerifier(Collection<X509Certificate> trustAnchors, Clock clock) {
        this(trustAnchors, clock, DEFAULT_MAX_BYTES);
    }

    public PdfVerifier(Collection<X509Certificate> trustAnchors, Clock clock, long maxBytes) {
        this.trustAnchors = List.copyOf(trustAnchors);
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public VerificationReport verify(byte[] pdf) {
        if (pdf.length > maxBytes) {
            return new VerificationReport(DocumentStatus.TOO_LARGE,
                    "larger than " + maxBytes + " bytes", pdf.length, List.of());
        }
        try (PDDocument document = load(pdf)) {
            if (document.isEncrypted()) {
                return new VerificationReport(DocumentStatus.MALFORMED, "encrypted PDF", pdf.length, List.of());
            }
            return new VerificationReport(DocumentStatus.READ, null, pdf.length, verifyAll(document, pdf));
        } catch (IOException | RuntimeException | StackOverflowError unreadable) {
            // StackOverflowError: deeply nested objects in a crafted file; the thread's stack has unwound here
            return new VerificationReport(DocumentStatus.MALFORMED,
                    "not a readable PDF: " + unreadable.getClass().getSimpleName(), pdf.length, List.of());
        }
    }

    private PDDocument load(byte[] pdf) throws IOException {
        // decoded streams may be far larger than the file: cap what PDFBox may hold in memory
        return Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(Math.max(maxBytes * 4, 16L * 1024 * 1024)).streamCache);
    }

    private record Found(PDSignature signature, String fieldName, long[] byteRange) {
        long end() {
            return byteRange[2] + byteRange[3];
        }
    }

    private List<SignatureReport> verifyAll(PDDocument document, byte[] pdf) throws IOException {
        List<Found> found = new ArrayList<>();
        for (PDSignatureField field : document.getSignatureFields()) {
            PDSignature signature = field.getSignature();
            if (signature == null) {
                continue;
            }
            COSArray range = signature.getCOSObject().getCOSArray(COSName.BYTERANGE);
            long[] byteRange = range == null ? null : longs(range);
            if (byteRange != null && (byteRange.length != 4 || Arrays.stream(byteRange).anyMatch(v -> v < 0 || v > pdf.length))) {
                // reported as a broken signature below; no arithmetic on numbers a crafted file chose
                byteRange = null;
            }
            found.add(new Found(signature, field.getFullyQualifiedName(), byteRange));
            if (found.size() > MAX_SIGNATURES) {
                break;
            }
        }
        found.sort(Comparator.comparingLong(f -> f.byteRange() == null ? Long.MAX_VALUE : f.end()));

        Evidence evidence = Evidence.of(document);
        Revisions revisions = new Revisions(pdf, document);
        List<Report> reports = new ArrayList<>();
        int revision = 0;
        for (Found f : found) {
            revision++;
            reports.add(verifyOne(revision, f, pdf, evidence, found, revisions));
        }
        // PAdES-B-LTA: an intact document timestamp after the signature, over a revision that has the /DSS
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).level != PadesLevel.B_LT) {
                continue;
            }
            for (int j = i + 1; j < reports.size(); j++) {
                Report later = reports.get(j);
                if (later.kind == Kind.DOCUMENT_TIMESTAMP && later.intact() && revisions.hasDss(found.get(j).end())) {
                    reports.get(i).level = PadesLevel.B_LTA;
                    break;
                }
            }
        }
        return reports.stream().map(Report::build).toList();
    }

    private Report verifyOne(int revision, Found f, byte[] pdf, Evidence evidence, List<Found> all,
                             Revisions revisions) {
        PDSignature signature = f.signature();
        boolean timestamp = PdfSignatures.isDocumentTimestamp(signature);
        Kind kind = timestamp ? Kind.DOCUMENT_TIMESTAMP : Kind.SIGNATURE;
        String subFilter = signature.getSubFilter();
        Instant claimed = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        List<String> notes = new ArrayList<>();
        Report r = new Report(revision, kind, f.fieldName(), subFilter, claimed, notes);

        long[] br = f.byteRange();
        if (br == null || br[0] != 0 || br[2] <= br[1] || br[2] + br[3] > pdf.length) {
            notes.add("the /ByteRange is missing or does not fit the file");
            return r;
        }
        r.coversWhole = br[2] + br[3] == pdf.length;
        r.laterChanges = revisions.changesAfter(f.end(), all);
        byte[] contents = signature.getCOSObject().getDictionaryObject(COSName.CONTENTS)
                instanceof org.apache.pdfbox.cos.COSString string ? string.getBytes() : null;
        if (contents == null || contents.length > MAX_CONTENTS_BYTES) {
            notes.add(contents == null ? "no /Contents" : "/Contents larger than " + MAX_CONTENTS_BYTES + " bytes");
            return r;
        }
        if (!contentsSitInGap(pdf, br)) {
            notes.add("the gap in /ByteRange is not exactly the /Contents string: bytes may be hidden there");
            return r;
        }
        CMSSignedData cms;
        try {
            cms = PdfSignatures.cms(contents);
        } catch (CMSException | RuntimeException e) {
            notes.add("/Contents is not a readable CMS signature");
            return r;
        }
        byte[] signedContent = new byte[Math.toIntExact(br[1] + br[3])];
        System.arraycopy(pdf, 0, signedContent, 0, Math.toIntExact(br[1]));
        System.arraycopy(pdf, Math.toIntExact(br[2]), signedContent, Math.toIntExact(br[1]), Math.toIntExact(br[3]));
        Set<X509Certificate> pool = new LinkedHashSet<>(evidence.certificates());
        pool.addAll(PdfSignatures.certificates(cms.getCertificates().getMatches(null)));

        if (timestamp) {
            verifyDocumentTimestamp(cms, signedContent, r, pool, evidence);
        } else if (PdfSignatures.CADES_DETACHED.equals(subFilter) || "adbe.pkcs7.detached".equals(subFilter)) {
            verifySignature(cms, signedContent, r, pool, evidence);
        } else {
            notes.add("sub-filter " + subFilter + " is not verified here");
        }
        return r;
    }

    private void verifySignature(CMSSignedData cms, byte[] signedContent, Report r, Set<X509Certificate> pool,
                                 Evidence evidence) {
        if (cms.getSignerInfos().size() != 1) {
            r.notes.add("expected one signer in the CMS, found " + cms.getSignerInfos().size());
            return;
        }
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        X509Certificate certificate = signerCertificate(cms, signer);
        if (certificate == null) {
            r.status = CertificateStatus.NO_CERTIFICATE;
            r.notes.add("the signer's certificate is not in the signature");
            return;
        }
        r.certificate(certificate);
        try {
            CMSSignedData withContent = new CMSSignedData(new CMSProcessableByteArray(signedContent), cms.toASN1Structure());
            SignerInformation attached = withContent.getSignerInfos().get(signer.getSID());
            r.digestMatches = true;
            r.signatureValid = attached.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (CMSSignerDigestMismatchException changed) {
            r.digestMatches = false;
        } catch (CMSException | org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
            r.notes.add("the signature could not be checked: " + e.getClass().getSimpleName());
        }

        boolean baselineAttributes = PdfSignatures.CADES_DETACHED.equals(r.subFilter)
                && signingCertificateV2Matches(signer, certificate, r.notes)
                && (signer.getSignedAttributes() == null
                    || signer.getSignedAttributes().get(CMSAttributes.signingTime) == null);
        List<X509Certificate> tsaChain = List.of();
        Instant timestampTime = null;
        try {
            for (TimeStampToken token : PdfSignatures.signatureTimestamps(signer)) {
                Optional<List<X509Certificate>> checked = checkToken(token, signer.getSignature(), pool);
                if (checked.isPresent()) {
                    timestampTime = token.getTimeStampInfo().getGenTime().toInstant();
                    tsaChain = checked.get();
                    break;
                }
                r.notes.add("a signature timestamp does not match or does not verify");
            }
        } catch (IOException | org.bouncycastle.tsp.TSPException e) {
            r.notes.add("a signature timestamp is unreadable");
        }
        r.timestampTime = timestampTime;
        Instant at = timestampTime != null ? timestampTime : clock.instant();
        Chain chain = chain(certificate, pool, at, evidence);
        r.status = chain.status();
        if (!r.intact() || !baselineAttributes) {
            r.level = PadesLevel.NONE;
            return;
        }
        r.level = PadesLevel.B_B;
        if (timestampTime != null) {
            r.level = PadesLevel.B_T;
            Chain tsa = tsaChain.isEmpty() ? null : chain(tsaChain.get(0), pool, at, evidence);
            if (chain.revocationComplete() && tsa != null && tsa.revocationComplete()) {
                r.level = PadesLevel.B_LT;
            }
        }
    }

    private void verifyDocumentTimestamp(CMSSignedData cms, byte[] signedContent, Report r,
                                         Set<X509Certificate> pool, Evidence evidence) {
        try {
            TimeStampToken token = new TimeStampToken(cms);
            X509Certificate tsa = signerCertificate(cms, token.toCMSSignedData().getSignerInfos().iterator().next());
            if (tsa == null) {
                r.status = CertificateStatus.NO_CERTIFICATE;
                r.notes.add("the TSA's certificate is not in the timestamp");
                return;
            }
            r.certificate(tsa);
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build()
                    .get(token.getTimeStampInfo().getHashAlgorithm());
            try (var out = digest.getOutputStream()) {
                out.write(signedContent);
            }
            r.digestMatches = MessageDigest.isEqual(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest());
            r.signatureValid = tokenSignatureValid(token, tsa);
            r.timestampTime = token.getTimeStampInfo().getGenTime().toInstant();
            Chain chain = chain(tsa, pool, r.timestampTime, evidence);
            r.status = chain.status();
            r.level = PadesLevel.NONE;
        } catch (IOException | org.bouncycastle.tsp.TSPException | RuntimeException
                 | org.bouncycastle.operator.OperatorCreationException e) {
            r.notes.add("the document timestamp is unreadable");
        }
    }

    /** The token's TSA chain if the token signs exactly this signature value. */
    private Optional<List<X509Certificate>> checkToken(TimeStampToken token, byte[] signatureValue,
                                                       Set<X509Certificate> pool) {
        try {
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build()
                    .get(token.getTimeStampInfo().getHashAlgorithm());
            try (var out = digest.getOutputStream()) {
                out.write(signatureValue);
            }
            if (!MessageDigest.isEqual(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest())) {
                return Optional.empty();
            }
            List<X509Certificate> tokenCertificates = PdfSignatures.certificates(token.getCertificates().getMatches(null));
            pool.addAll(tokenCertificates);
            for (X509Certificate candidate : pool) {
                if (token.getSID().match(new JcaX509CertificateHolder(candidate)) && tokenSignatureValid(token, candidate)) {
                    return Optional.of(List.of(candidate));
                }
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean tokenSignatureValid(TimeStampToken token, X509Certificate tsa) {
        try {
            // validate() also checks the ESS signing-certificate binding and the timeStamping key purpose
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            return true;
        } catch (org.bouncycastle.tsp.TSPException | org.bouncycastle.operator.OperatorCreationException
                 | RuntimeException e) {
            return false;
        }
    }

    private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation signer) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        List<X509Certificate> certificates = PdfSignatures.certificates(matches);
        return certificates.isEmpty() ? null : certificates.get(0);
    }

    private static boolean signingCertificateV2Matches(SignerInformation signer, X509Certificate certificate,
                                                       List<String> notes) {
        AttributeTable signed = signer.getSignedAttributes();
        if (signed == null || signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null) {
            notes.add("no signing-certificate-v2 attribute: not a PAdES baseline signature");
            return false;
        }
        try {
            ASN1Encodable value = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0);
            ESSCertIDv2 id = SigningCertificateV2.getInstance(value).getCerts()[0];
            MessageDigest digest = MessageDigest.getInstance(
                    new org.bouncycastle.operator.DefaultAlgorithmNameFinder().getAlgorithmName(id.getHashAlgorithm()));
            if (MessageDigest.isEqual(digest.digest(certificate.getEncoded()), id.getCertHash())) {
                return true;
            }
            notes.add("signing-certificate-v2 names a different certificate");
        } catch (GeneralSecurityException | RuntimeException e) {
            notes.add("signing-certificate-v2 is unreadable");
        }
        return false;
    }

    private record Chain(CertificateStatus status, boolean revocationComplete) {
    }

    /** Builds the chain to an anchor, checks validity at {@code at} and revocation from the embedded data. */
    private Chain chain(X509Certificate leaf, Set<X509Certificate> pool, Instant at, Evidence evidence) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = leaf;
        Set<X509Certificate> candidates = new LinkedHashSet<>(pool);
        candidates.addAll(trustAnchors);
        boolean anchored = false;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            chain.add(current);
            if (trustAnchors.contains(current)) {
                anchored = true;
                break;
            }
            current = PadesExtender.issuerOf(current, candidates).filter(c -> !chain.contains(c)).orElse(null);
        }
        if (!anchored) {
            return new Chain(CertificateStatus.NOT_TRUSTED, false);
        }
        Date when = Date.from(at);
        boolean complete = true;
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            try {
                certificate.checkValidity(when);
            } catch (GeneralSecurityException e) {
                return new Chain(CertificateStatus.EXPIRED, false);
            }
            if (i == chain.size() - 1) {
                break;
            }
            Revocation revocation = evidence.revocation(certificate, chain.get(i + 1), at);
            if (revocation == Revocation.REVOKED) {
                return new Chain(CertificateStatus.REVOKED, false);
            }
            complete &= revocation == Revocation.GOOD;
        }
        return new Chain(complete ? CertificateStatus.VALID : CertificateStatus.REVOCATION_UNKNOWN, complete);
    }

    private enum Revocation { GOOD, REVOKED, UNKNOWN }

    /** Certificates and revocation data in /DSS. */
    private record Evidence(List<X509Certificate> certificates, List<X509CRL> crls, List<BasicOCSPResp> ocsps) {

        static Evidence of(PDDocument document) {
            COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            List<X509Certificate> certificates = new ArrayList<>();
            List<X509CRL> crls = new ArrayList<>();
            List<BasicOCSPResp> ocsps = new ArrayList<>();
            if (dss != null) {
                java.security.cert.CertificateFactory factory;
                try {
                    factory = java.security.cert.CertificateFactory.getInstance("X.509");
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
                for (byte[] der : streams(dss, "Certs")) {
                    try {
                        certificates.add((X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(der)));
                    } catch (GeneralSecurityException | RuntimeException skipped) {
                        // an unreadable entry cannot vouch for anything
                    }
                }
                for (byte[] der : streams(dss, "CRLs")) {
                    try {
                        crls.add((X509CRL) factory.generateCRL(new java.io.ByteArrayInputStream(der)));
                    } catch (GeneralSecurityException | RuntimeException skipped) {
                        // as above
                    }
                }
                for (byte[] der : streams(dss, "OCSPs")) {
                    try {
                        Object response = new OCSPResp(der).getResponseObject();
                        if (response instanceof BasicOCSPResp basic) {
                            ocsps.add(basic);
                        }
                    } catch (IOException | org.bouncycastle.cert.ocsp.OCSPException | RuntimeException skipped) {
                        // as above
                    }
                }
            }
            return new Evidence(certificates, crls, ocsps);
        }

        /**
         * The status at {@code at}: revoked only if revoked at or before it (a signature timestamped before a
         * revocation stays valid); good only from data issued after it, as a status from before the signature
         * says nothing about the signing moment. CRL times have whole seconds, hence the second of slack.
         */
        Revocation revocation(X509Certificate certificate, X509Certificate issuer, Instant at) {
            Date revokedBy = Date.from(at);
            Date issuedFrom = Date.from(at.minusSeconds(1));
            boolean good = false;
            for (BasicOCSPResp ocsp : ocsps) {
                try {
                    for (SingleResp single : ocsp.getResponses()) {
                        if (!matches(single.getCertID(), issuer, certificate.getSerialNumber())) {
                            continue;
                        }
                        if (!ocspSignedFor(ocsp, issuer)) {
                            continue;
                        }
                        if (single.getCertStatus() instanceof RevokedStatus revoked
                                && !revoked.getRevocationTime().after(revokedBy)) {
                            return Revocation.REVOKED;
                        }
                        if (!single.getThisUpdate().before(issuedFrom)) {
                            good = true;
                        }
                    }
                } catch (Exception skipped) {
                    // an answer we cannot check says nothing
                }
            }
            for (X509CRL crl : crls) {
                if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    continue;
                }
                try {
                    crl.verify(issuer.getPublicKey());
                } catch (GeneralSecurityException notFromIssuer) {
                    continue;
                }
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null && !entry.getRevocationDate().after(revokedBy)) {
                    return Revocation.REVOKED;
                }
                if (!crl.getThisUpdate().before(issuedFrom)) {
                    good = true;
                }
            }
            return good ? Revocation.GOOD : Revocation.UNKNOWN;
        }

        private static boolean matches(CertificateID id, X509Certificate issuer, BigInteger serial) throws Exception {
            return id.getSerialNumber().equals(serial)
                    && id.matchesIssuer(new JcaX509CertificateHolder(issuer), new JcaDigestCalculatorProviderBuilder().build());
        }

        /** Signed by the issuer itself, or by a responder certificate the issuer made for OCSP signing. */
        private static boolean ocspSignedFor(BasicOCSPResp ocsp, X509Certificate issuer) throws Exception {
            var verifier = new JcaContentVerifierProviderBuilder().build(issuer);
            if (ocsp.isSignatureValid(verifier)) {
                return true;
            }
            for (X509CertificateHolder responder : ocsp.getCerts()) {
                if (responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer))
                        && responder.getExtensions() != null
                        && org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions()) != null
                        && org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions())
                        .hasKeyPurposeId(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_OCSPSigning)
                        && ocsp.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))) {
                    return true;
                }
            }
            return false;
        }

        private static List<byte[]> streams(COSDictionary dss, String key) {
            List<byte[]> items = new ArrayList<>();
            COSArray array = dss.getCOSArray(COSName.getPDFName(key));
            if (array == null) {
                return items;
            }
            for (int i = 0; i < Math.min(array.size(), 1000); i++) {
                COSBase item = array.getObject(i);
                if (item instanceof COSStream stream) {
                    try (InputStream in = stream.createInputStream()) {
                        items.add(in.readNBytes(MAX_CONTENTS_BYTES));
                    } catch (IOException skipped) {
                        // unreadable stream: no evidence
                    }
                }
            }
            return items;
        }
    }

    /** Compares each signed revision with the final document to say what was added after it. */
    private final class Revisions {
        private final byte[] pdf;
        private final PDDocument last;

        Revisions(byte[] pdf, PDDocument last) {
            this.pdf = pdf;
            this.last = last;
        }

        List<LaterChange> changesAfter(long end, List<Found> all) {
            List<LaterChange> changes = new ArrayList<>();
            if (end >= pdf.length) {
                return changes;
            }
            for (Found later : all) {
                if (later.byteRange() != null && later.end() > end) {
                    boolean ts = PdfSignatures.isDocumentTimestamp(later.signature());
                    changes.add(new LaterChange(ts ? ChangeKind.DOCUMENT_TIMESTAMP : ChangeKind.SIGNATURE,
                            later.fieldName()));
                }
            }
            try (PDDocument signed = load(Arrays.copyOf(pdf, Math.toIntExact(end)))) {
                COSName dss = COSName.getPDFName("DSS");
                COSBase before = signed.getDocumentCatalog().getCOSObject().getDictionaryObject(dss);
                COSBase after = last.getDocumentCatalog().getCOSObject().getDictionaryObject(dss);
                if (after != null && (before == null || !sameDss(before, after))) {
                    changes.add(new LaterChange(ChangeKind.VALIDATION_DATA, "/DSS"));
                }
                if (signed.getNumberOfPages() != last.getNumberOfPages()) {
                    changes.add(new LaterChange(ChangeKind.PAGES,
                            signed.getNumberOfPages() + " → " + last.getNumberOfPages() + " pages"));
                    return changes;
                }
                for (int i = 0; i < last.getNumberOfPages(); i++) {
                    PDPage was = signed.getPage(i);
                    PDPage is = last.getPage(i);
                    if (!Arrays.equals(contentDigest(was), contentDigest(is))) {
                        changes.add(new LaterChange(ChangeKind.PAGE_CONTENT, "page " + (i + 1)));
                    }
                    Map<String, Integer> added = annotationCounts(is);
                    annotationCounts(was).forEach((subtype, n) -> added.merge(subtype, -n, Integer::sum));
                    for (Map.Entry<String, Integer> entry : added.entrySet()) {
                        if (entry.getValue() > 0 && !"Widget".equals(entry.getKey())) {
                            changes.add(new LaterChange(ChangeKind.ANNOTATION, entry.getKey() + " on page " + (i + 1)));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the signed revision alone does not parse; the changes found so far are all we can say
            }
            return changes;
        }

        /** Whether the revision ending at {@code end} has a /DSS (validation data before a document timestamp). */
        boolean hasDss(long end) {
            if (end >= pdf.length) {
                return last.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("DSS")) != null;
            }
            try (PDDocument revision = load(Arrays.copyOf(pdf, Math.toIntExact(end)))) {
                return revision.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("DSS")) != null;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** /DSS is only ever extended: more entries means a later revision added validation data. */
        private boolean sameDss(COSBase before, COSBase after) {
            return before instanceof COSDictionary b && after instanceof COSDictionary a
                    && streamCount(b) == streamCount(a);
        }

        private int streamCount(COSDictionary dss) {
            int n = 0;
            for (String key : List.of("Certs", "CRLs", "OCSPs")) {
                COSArray array = dss.getCOSArray(COSName.getPDFName(key));
                n += array == null ? 0 : array.size();
            }
            return n;
        }

        private byte[] contentDigest(PDPage page) throws IOException {
            MessageDigest digest = Cms.sha256();
            try (InputStream in = page.getContents()) {
                byte[] buffer = new byte[16384];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return digest.digest();
        }

        private Map<String, Integer> annotationCounts(PDPage page) throws IOException {
            Map<String, Integer> counts = new HashMap<>();
            for (PDAnnotation annotation : page.getAnnotations()) {
                counts.merge(String.valueOf(annotation.getSubtype()), 1, Integer::sum);
            }
            return counts;
        }
    }

    private static boolean contentsSitInGap(byte[] pdf, long[] br) {
        int open = Math.toIntExact(br[1]);
        int close = Math.toIntExact(br[2]) - 1;
        if (pdf[open] != '<' || pdf[close] != '>') {
            return false;
        }
        for (int i = open + 1; i < close; i++) {
            byte b = pdf[i];
            boolean hex = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    private static long[] longs(COSArray array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            COSBase item = array.getObject(i);
            if (!(item instanceof org.apache.pdfbox.cos.COSNumber number)) {
                return null;
            }
            values[i] = number.longValue();
        }
        return values;
    }

    private static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        // the plain string: a name is shown to people, not parsed back as a DN
        return cn.length > 0 && cn[0].getFirst().getValue() instanceof org.bouncycastle.asn1.ASN1String text
                ? text.getString() : name.toString();
    }

    /** Mutable while one signature is checked, then frozen into a {@link SignatureReport}. */
    private static final class Report {
        final int revision;
        final Kind kind;
        final String fieldName;
        final String subFilter;
        final Instant claimed;
        final List<String> notes;
        String signerName;
        VerificationReport.Certificate certificate;
        Instant timestampTime;
        boolean digestMatches;
        boolean signatureValid;
        boolean coversWhole;
        List<LaterChange> laterChanges = List.of();
        CertificateStatus status = CertificateStatus.NO_CERTIFICATE;
        PadesLevel level = PadesLevel.NONE;

        Report(int revision, Kind kind, String fieldName, String subFilter, Instant claimed, List<String> notes) {
            this.revision = revision;
            this.kind = kind;
            this.fieldName = fieldName;
            this.subFilter = subFilter;
            this.claimed = claimed;
            this.notes = notes;
        }

        boolean intact() {
            return digestMatches && signatureValid;
        }

        void certificate(X509Certificate c) {
            signerName = commonName(c);
            certificate = new VerificationReport.Certificate(
                    c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                    c.getSerialNumber().toString(16), c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
        }

        SignatureReport build() {
            return new SignatureReport(revision, kind, fieldName, subFilter, signerName, certificate, claimed,
                    timestampTime, digestMatches, signatureValid, coversWhole, laterChanges, status, level, notes);
        }
    }
}
