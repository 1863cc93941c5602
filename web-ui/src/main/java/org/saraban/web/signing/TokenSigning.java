package org.saraban.web.signing;

import static com.mongodb.client.model.Filters.eq;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.types.Binary;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.letter.LetterException;
import org.saraban.command.store.BlobStore;
import org.saraban.signing.pades.PadesException;
import org.saraban.signing.pades.PadesExtender;
import org.saraban.signing.pades.PadesSigner;
import org.saraban.signing.pades.PdfVerifier;
import org.saraban.signing.pades.PreparedSignature;
import org.saraban.signing.pades.VerificationReport;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.web.config.StorageConfig;
import org.springframework.stereotype.Component;

/**
 * Signing with a key that never leaves the person's token (smart card, USB token, a CA's remote signing
 * service): step 1 prepares the revision on the PDF of record and hands out the data to sign; the token
 * signs it wherever it is; step 3 embeds the value, timestamped, with validation data. Between the steps the
 * prepared revision waits in {@code signature_requests} for at most {@link #VALID_FOR}.
 */
@Component
public class TokenSigning {

    static final Duration VALID_FOR = Duration.ofMinutes(15);

    private final SignedLetterDocuments documents;
    private final PadesSigner signer;
    private final PadesExtender extender;
    private final PdfVerifier verifier;
    private final BlobStore blobs;
    private final Clock clock;
    private final MongoCollection<Document> requests;

    public TokenSigning(SignedLetterDocuments documents, PadesSigner signer, PadesExtender extender,
                        PdfVerifier verifier, BlobStore blobs, Clock clock, StorageConfig.Store store) {
        this.documents = documents;
        this.signer = signer;
        this.extender = extender;
        this.verifier = verifier;
        this.blobs = blobs;
        this.clock = clock;
        this.requests = store.database().getCollection("signature_requests");
        // MongoDB removes the requests nobody completed; the expiry is also checked on use
        requests.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** What the token must sign, and the request that will embed it. */
    public record Prepared(String requestId, String dataToSign, String signatureAlgorithm, Instant expiresAt) {
    }

    /** Step 1, for the letter's signatory, on its current PDF of record, with their certificate chain. */
    public Prepared prepare(Document view, Actor actor, List<String> certificateChain) {
        String pdfSha256 = requireSignable(view, actor);
        List<X509Certificate> chain = certificates(certificateChain);
        PreparedSignature prepared;
        try {
            prepared = signer.prepare(documents.load(pdfSha256),
                    documents.signatoryRequest(view, actor.ref(), chain, clock.instant()));
        } catch (PadesException e) {
            throw invalid("certificateChain", e.getMessage());
        }
        String preparedSha256 = blobs.put(new ByteArrayInputStream(prepared.preparedPdf()), "application/pdf",
                "prepared.pdf").sha256();
        String requestId = UUID.randomUUID().toString();
        Instant expiresAt = clock.instant().plus(VALID_FOR);
        List<Binary> encodedChain = new ArrayList<>();
        for (X509Certificate c : chain) {
            try {
                encodedChain.add(new Binary(c.getEncoded()));
            } catch (CertificateException e) {
                throw invalid("certificateChain", "cannot encode the certificate");
            }
        }
        requests.insertOne(new Document("_id", requestId).append("letterId", view.getString("id"))
                .append("personId", actor.personId()).append("preparedFrom", pdfSha256)
                .append("preparedSha256", preparedSha256)
                .append("byteRange", java.util.Arrays.stream(prepared.byteRange()).boxed().toList())
                .append("dataToSign", new Binary(prepared.dataToSign())).append("chain", encodedChain)
                .append("expiresAt", Date.from(expiresAt)));
        return new Prepared(requestId, Base64.getEncoder().encodeToString(prepared.dataToSign()),
                KeyAlgorithm.of(chain.get(0).getPublicKey()).signatureAlgorithm(), expiresAt);
    }

    /** What step 3 produced: the signed PDF, stored, and the revision it was prepared on. */
    public record Embedded(String signedSha256, String preparedFrom) {
    }

    /**
     * Step 3: embeds the token's signature value in the prepared revision, adds the timestamp and the
     * validation data, and checks that the signature verifies and that its certificate is one this server
     * trusts. The request is used up either way.
     */
    public Embedded embed(Document view, Actor actor, String requestId, String signatureValue) {
        requireSignable(view, actor);
        Document request = requestId == null ? null : requests.findOneAndDelete(eq("_id", requestId));
        if (request == null || !view.getString("id").equals(request.getString("letterId"))
                || !actor.personId().equals(request.getString("personId"))
                || request.getDate("expiresAt").toInstant().isBefore(clock.instant())) {
            throw invalid("requestId", "no open signature request of yours for this letter: prepare again");
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(signatureValue == null ? "" : signatureValue);
        } catch (IllegalArgumentException e) {
            throw invalid("signatureValue", "must be base64");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Binary b : request.getList("chain", Binary.class)) {
            chain.add(certificate(b.getData(), "certificateChain"));
        }
        long[] byteRange = request.getList("byteRange", Long.class).stream().mapToLong(Long::longValue).toArray();
        PreparedSignature prepared = new PreparedSignature(documents.load(request.getString("preparedSha256")),
                byteRange, request.get("dataToSign", Binary.class).getData(), chain);
        byte[] signed;
        try {
            signed = extender.addValidationData(signer.embed(prepared, value));
        } catch (PadesException e) {
            throw invalid("signatureValue", e.getMessage());
        }
        List<VerificationReport.SignatureReport> signatures = verifier.verify(signed).signatures();
        VerificationReport.SignatureReport mine = signatures.get(signatures.size() - 1);
        boolean trusted = mine.certificateStatus() == VerificationReport.CertificateStatus.VALID
                || mine.certificateStatus() == VerificationReport.CertificateStatus.REVOCATION_UNKNOWN;
        if (!mine.intact() || !trusted) {
            throw invalid("certificateChain", "the signature does not verify here: " + mine.certificateStatus());
        }
        String sha256 = blobs.put(new ByteArrayInputStream(signed), "application/pdf", "signed.pdf").sha256();
        return new Embedded(sha256, request.getString("preparedFrom"));
    }

    /** The PDF of record the actor may sign now: they are the signatory and the letter awaits them. */
    static String requireSignable(Document view, Actor actor) {
        Document signatory = view.get("signatory", Document.class);
        if (signatory == null || !actor.personId().equals(signatory.getString("id"))) {
            throw LetterException.forbidden("NOT_THE_SIGNATORY", "only the letter's signatory may sign it");
        }
        String pdfSha256 = view.getString("pdfSha256");
        if (pdfSha256 == null || !"APPROVED".equals(view.getString("status"))) {
            throw LetterException.conflict("NO_PDF_TO_SIGN",
                    "only an approved letter the agency signs digitally has a PDF to sign");
        }
        return pdfSha256;
    }

    private static List<X509Certificate> certificates(List<String> encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw invalid("certificateChain", "required: the signer's certificate first, then its CA certificates");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 0; i < encoded.size(); i++) {
            String field = "certificateChain[" + i + "]";
            try {
                chain.add(certificate(Base64.getDecoder().decode(encoded.get(i) == null ? "" : encoded.get(i)), field));
            } catch (IllegalArgumentException e) {
                throw invalid(field, "must be a base64 DER certificate");
            }
        }
        return chain;
    }

    private static X509Certificate certificate(byte[] der, String field) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw invalid(field, "must be a base64 DER X.509 certificate");
        }
    }

    private static InvalidFieldsException invalid(String field, String reason) {
        return new InvalidFieldsException("SIGNATURE_REQUEST_INVALID", List.of(new FieldError(field, reason)));
    }
}
