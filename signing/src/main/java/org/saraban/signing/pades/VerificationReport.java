package org.saraban.signing.pades;

import java.time.Instant;
import java.util.List;

/**
 * What {@link PdfVerifier} found in a PDF: one entry per signature or document timestamp, oldest first.
 *
 * @param status   whether the file could be read at all
 * @param problem  why not, in plain words, when {@code status} is not READ
 */
public record VerificationReport(DocumentStatus status, String problem, long length, List<SignatureReport> signatures) {

    public VerificationReport {
        signatures = List.copyOf(signatures);
    }

    public enum DocumentStatus {
        /** parsed; see the signatures (there may be none) */
        READ,
        /** not a PDF we can parse: broken structure, encrypted, or cut off */
        MALFORMED,
        /** larger than the verifier accepts */
        TOO_LARGE
    }

    /** True if there is at least one signature and every signature and timestamp is intact and trusted. */
    public boolean allValid() {
        return status == DocumentStatus.READ && !signatures.isEmpty()
                && signatures.stream().allMatch(s -> s.intact() && s.certificateStatus() == CertificateStatus.VALID);
    }

    public enum Kind { SIGNATURE, DOCUMENT_TIMESTAMP }

    public enum PadesLevel {
        /** not a PAdES baseline signature (e.g. adbe.pkcs7.detached) or not intact */
        NONE, B_B, B_T, B_LT, B_LTA
    }

    public enum CertificateStatus {
        /** chains to a trust anchor, valid at the signing time, and embedded revocation data says not revoked */
        VALID,
        /** chains to a trust anchor and was valid, but the PDF carries no revocation data for some certificate */
        REVOCATION_UNKNOWN,
        /** a certificate in the chain was revoked before the signing time */
        REVOKED,
        /** outside its validity period at the signing time */
        EXPIRED,
        /** no chain to any trust anchor: the signature may be intact, but who made it is not vouched for */
        NOT_TRUSTED,
        /** the signer's certificate is not in the signature */
        NO_CERTIFICATE
    }

    public enum ChangeKind {
        SIGNATURE, DOCUMENT_TIMESTAMP,
        /** /DSS validation data (certificates, CRLs, OCSP answers) */
        VALIDATION_DATA,
        /** an annotation other than a signature widget, e.g. a receipt stamp */
        ANNOTATION,
        /** the drawn content of a page: this changes what a reader sees */
        PAGE_CONTENT,
        /** pages added or removed */
        PAGES
    }

    /** Something added in a revision after a signature: {@code detail} says what, e.g. "Stamp on page 1". */
    public record LaterChange(ChangeKind kind, String detail) {
    }

    public record Certificate(String subject, String issuer, String serialNumber, Instant notBefore, Instant notAfter) {
    }

    /**
     * @param revision            1 for the first signature in the file, 2 for the next, …
     * @param signerName          the CN of the signer's (or the TSA's) certificate
     * @param claimedTime         /M: what the signer's computer claimed; not evidence
     * @param timestampTime       genTime of the signature timestamp, or of the document timestamp itself
     * @param digestMatches       the digest over /ByteRange equals the one that was signed
     * @param signatureValid      the CMS signature (or timestamp token) verifies with its certificate
     * @param coversWholeDocument no bytes were appended after this signature
     * @param laterChanges        what later revisions added (empty if the signature covers everything)
     * @param notes               anything else a reader should know (unsupported sub-filter, broken timestamp …)
     */
    public record SignatureReport(int revision, Kind kind, String fieldName, String subFilter, String signerName,
                                  Certificate certificate, Instant claimedTime, Instant timestampTime,
                                  boolean digestMatches, boolean signatureValid, boolean coversWholeDocument,
                                  List<LaterChange> laterChanges, CertificateStatus certificateStatus,
                                  PadesLevel level, List<String> notes) {
        public SignatureReport {
            laterChanges = List.copyOf(laterChanges);
            notes = List.copyOf(notes);
        }

        /** Integrity: the signed bytes are unchanged and the signature over them verifies. */
        public boolean intact() {
            return digestMatches && signatureValid;
        }
    }
}
