package org.saraban.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.saraban.signing.pki.RevocationSource;
import org.saraban.signing.pki.TimestampSource;

/**
 * Takes signed PDFs to the long-term levels: {@link #addValidationData} writes a /DSS with every certificate,
 * CRL and OCSP answer needed to validate the signatures and their timestamps (PAdES-B-LT);
 * {@link #addDocumentTimestamp} adds an ETSI.RFC3161 document timestamp over all of it (PAdES-B-LTA), and
 * {@link #addTimestampValidationData} a last revision with the revocation data of that timestamp's own TSA.
 * Calling {@link #extendToLta} again years later adds the data for the previous document timestamp and a new
 * one, which is how an archive renews its evidence.
 */
public final class PadesExtender {

    private static final int DOCUMENT_TIMESTAMP_RESERVE = 12 * 1024;

    private final TimestampSource tsa;
    private final List<RevocationSource> revocationSources;
    private final List<X509Certificate> extraCertificates;

    /**
     * @param revocationSources asked in order for each certificate; the internal PKI answers for its own
     * @param extraCertificates certificates the signatures may not carry but their chains need (trust anchors)
     */
    public PadesExtender(TimestampSource tsa, List<RevocationSource> revocationSources,
                         Collection<X509Certificate> extraCertificates) {
        this.tsa = tsa;
        this.revocationSources = List.copyOf(revocationSources);
        this.extraCertificates = List.copyOf(extraCertificates);
    }

    /**
     * B-LT, a document timestamp, then the timestamp's own validation data: the filed letter's form. The TSA's
     * revocation data in the first /DSS was issued before the timestamp, so it cannot show that the TSA's
     * certificate was good when it stamped; only data issued after it can, and only a revision after the
     * timestamp can carry that.
     */
    public byte[] extendToLta(byte[] pdf) {
        return addTimestampValidationData(addDocumentTimestamp(addValidationData(pdf)));
    }

    /** An incremental revision with a document timestamp over everything before it. */
    public byte[] addDocumentTimestamp(byte[] pdf) {
        PDSignature timestamp = new PDSignature();
        timestamp.setType(COSName.DOC_TIME_STAMP);
        timestamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        timestamp.setSubFilter(COSName.getPDFName(PdfSignatures.RFC3161));
        try {
            PdfRevisions.Reserved reserved = PdfRevisions.reserve(pdf, timestamp, DOCUMENT_TIMESTAMP_RESERVE, null, null);
            return PdfRevisions.embed(reserved.pdf(), reserved.byteRange(), tsa.timestamp(reserved.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the document timestamp", e);
        }
    }

    /**
     * When the certificate of the PDF's latest document timestamp expires, if it has one: before then a new
     * document timestamp must cover the whole file again (re-timestamping, so the archive stays verifiable).
     */
    public Optional<java.time.Instant> documentTimestampExpiry(byte[] pdf) {
        try (PDDocument document = PdfRevisions.load(pdf)) {
            java.time.Instant latestGen = null;
            java.time.Instant expiry = null;
            for (PDSignature signature : document.getSignatureDictionaries()) {
                if (!PdfSignatures.isDocumentTimestamp(signature)) {
                    continue;
                }
                org.bouncycastle.tsp.TimeStampToken token = new org.bouncycastle.tsp.TimeStampToken(
                        PdfSignatures.cms(signature.getContents()));
                java.time.Instant gen = token.getTimeStampInfo().getGenTime().toInstant();
                for (Object holder : token.getCertificates().getMatches(token.getSID())) {
                    java.time.Instant notAfter = ((org.bouncycastle.cert.X509CertificateHolder) holder).getNotAfter()
                            .toInstant();
                    if (latestGen == null || gen.isAfter(latestGen)) {
                        latestGen = gen;
                        expiry = notAfter;
                    }
                }
            }
            return Optional.ofNullable(expiry);
        } catch (Exception e) {
            throw new PadesException(PadesException.Code.UNREADABLE_PDF, "cannot read the PDF's document timestamps", e);
        }
    }

    /** An incremental revision whose /DSS holds the certificates and revocation data of every signature. */
    public byte[] addValidationData(byte[] pdf) {
        return addValidationData(pdf, document -> {
            Set<X509Certificate> certificates = new LinkedHashSet<>();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                certificates.addAll(certificatesOf(signature));
            }
            return certificates;
        });
    }

    /**
     * An incremental revision whose /DSS adds fresh revocation data for the chain of the latest document
     * timestamp only (issued now, so after the timestamp); the signatures' data is already there.
     */
    public byte[] addTimestampValidationData(byte[] pdf) {
        return addValidationData(pdf, document -> {
            PDSignature latest = null;
            long latestEnd = -1;
            for (PDSignature signature : document.getSignatureDictionaries()) {
                int[] range = signature.getByteRange();
                if (PdfSignatures.isDocumentTimestamp(signature) && range != null && range.length == 4
                        && (long) range[2] + range[3] > latestEnd) {
                    latest = signature;
                    latestEnd = (long) range[2] + range[3];
                }
            }
            return latest == null ? List.of() : certificatesOf(latest);
        });
    }

    private byte[] addValidationData(byte[] pdf, Function<PDDocument, Collection<X509Certificate>> signersOf) {
        try (PDDocument document = PdfRevisions.load(pdf)) {
            Set<X509Certificate> pool = new LinkedHashSet<>(signersOf.apply(document));
            pool.addAll(extraCertificates);

            Map<String, byte[]> certificates = new LinkedHashMap<>();
            Map<String, byte[]> crls = new LinkedHashMap<>();
            Map<String, byte[]> ocsps = new LinkedHashMap<>();
            Set<String> crlIssuers = new LinkedHashSet<>();
            for (X509Certificate certificate : pool) {
                put(certificates, certificate.getEncoded());
                Optional<X509Certificate> issuer = issuerOf(certificate, pool);
                if (issuer.isEmpty()) {
                    continue;
                }
                for (RevocationSource source : revocationSources) {
                    Optional<byte[]> ocsp = source.ocsp(certificate, issuer.get());
                    ocsp.ifPresent(answer -> put(ocsps, answer));
                    // one CRL per issuer covers every certificate it issued
                    String issuerKey = HexFormat.of().formatHex(issuer.get().getEncoded());
                    if (!crlIssuers.contains(issuerKey)) {
                        Optional<byte[]> crl = source.crl(certificate, issuer.get());
                        if (crl.isPresent()) {
                            put(crls, crl.get());
                            crlIssuers.add(issuerKey);
                        }
                    }
                    if (ocsp.isPresent() || crlIssuers.contains(issuerKey)) {
                        break;
                    }
                }
            }
            writeDss(document, certificates.values(), crls.values(), ocsps.values());
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the validation data", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<X509Certificate> certificatesOf(PDSignature signature) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CMSSignedData cms = PdfSignatures.cms(signature.getContents());
            certificates.addAll(PdfSignatures.certificates(cms.getCertificates().getMatches(null)));
            if (!PdfSignatures.isDocumentTimestamp(signature)) {
                for (SignerInformation signer : cms.getSignerInfos()) {
                    for (TimeStampToken token : PdfSignatures.signatureTimestamps(signer)) {
                        certificates.addAll(PdfSignatures.certificates(token.getCertificates().getMatches(null)));
                    }
                }
            }
        } catch (CMSException | TSPException | IOException unreadable) {
            // a signature we cannot parse contributes nothing; the validator will report it as broken
        }
        return certificates;
    }

    static Optional<X509Certificate> issuerOf(X509Certificate certificate, Collection<X509Certificate> pool) {
        if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return Optional.empty();
        }
        for (X509Certificate candidate : pool) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return Optional.of(candidate);
                } catch (GeneralSecurityException otherKey) {
                    // same name, different key: keep looking
                }
            }
        }
        return Optional.empty();
    }

    private static void put(Map<String, byte[]> byContent, byte[] der) {
        byContent.putIfAbsent(HexFormat.of().formatHex(Cms.sha256(der)), der);
    }

    /** Merges into an existing /DSS (a renewal) so earlier entries stay referenced. */
    private static void writeDss(PDDocument document, Collection<byte[]> certificates, Collection<byte[]> crls,
                                 Collection<byte[]> ocsps) throws IOException {
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        COSDictionary dss = catalog.getCOSDictionary(COSName.getPDFName("DSS"));
        if (dss == null) {
            dss = new COSDictionary();
            dss.setItem(COSName.TYPE, COSName.getPDFName("DSS"));
        }
        addStreams(document, dss, "Certs", certificates);
        addStreams(document, dss, "CRLs", crls);
        addStreams(document, dss, "OCSPs", ocsps);
        dss.setNeedToBeUpdated(true);
        catalog.setItem(COSName.getPDFName("DSS"), dss);
        catalog.setNeedToBeUpdated(true);
    }

    private static void addStreams(PDDocument document, COSDictionary dss, String key, Collection<byte[]> items)
            throws IOException {
        COSArray existing = dss.getCOSArray(COSName.getPDFName(key));
        Set<String> present = new LinkedHashSet<>();
        COSArray array = new COSArray();
        if (existing != null) {
            for (int i = 0; i < existing.size(); i++) {
                COSBase item = existing.get(i);
                array.add(item);
                COSBase resolved = item instanceof COSObject object ? object.getObject() : item;
                if (resolved instanceof COSStream stream) {
                    try (var in = stream.createInputStream()) {
                        present.add(HexFormat.of().formatHex(Cms.sha256(in.readAllBytes())));
                    }
                }
            }
        }
        for (byte[] item : items) {
            if (present.add(HexFormat.of().formatHex(Cms.sha256(item)))) {
                COSStream stream = document.getDocument().createCOSStream();
                try (OutputStream out = stream.createOutputStream()) {
                    out.write(item);
                }
                array.add(stream);
            }
        }
        if (array.size() > 0) {
            array.setNeedToBeUpdated(true);
            dss.setItem(COSName.getPDFName(key), array);
        }
    }
}
