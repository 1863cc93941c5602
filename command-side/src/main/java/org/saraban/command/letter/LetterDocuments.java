package org.saraban.command.letter;

import java.time.Instant;

import org.saraban.api.common.PersonRef;
import org.saraban.api.letter.DocumentVerification;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterException;
import org.saraban.api.letter.PdfStep;

/**
 * The PDF of record of a digitally signed letter (ADR 0006), as the command side needs it: every method
 * stores its result in the content-addressed blob store before returning its SHA-256, so an event never
 * names a PDF that is not there. The web layer implements it with the signing module; a call that cannot be
 * completed (a TSA that does not answer, a token that refuses) throws, and the command changes nothing.
 */
public interface LetterDocuments {

    /** What the form prints, as approved: the number and date are issued before the PDF is made. */
    record LetterOfRecord(String letterId, String agencyCode, String agencyName, LetterContent content,
                          String number, Instant letterDate) {
    }

    /** The receiving agency's stamp: its code, the เลขรับ and the time of receipt. */
    record Receipt(String agencyCode, String receivingNumber, Instant at) {
    }

    /** Renders the approved letter as PDF/A-3b with its JSON metadata and stores it. */
    String render(LetterOfRecord letter);

    /**
     * Adds {@code signer}'s PAdES-B-T signature to the stored PDF as a new revision: {@link PdfStep#VISA} (the
     * approver's, beside the signatory's box) or {@link PdfStep#SIGNATURE} (in the signatory's box, followed by
     * the validation data of every signature: PAdES-B-LT, so the letter dispatched can be verified anywhere),
     * and stores it. {@code letter} is what the PDF prints, for placing the visible signature.
     */
    String sign(String pdfSha256, LetterOfRecord letter, PersonRef signer, PdfStep step, Instant at);

    /** Verifies the stored PDF: every signature, its timestamp and its certificate. */
    DocumentVerification verify(String pdfSha256);

    /** Adds the receipt stamp as an incremental update that keeps every signature valid, and stores it. */
    String stampReceipt(String pdfSha256, Receipt receipt);

    /** Adds validation data and a document timestamp (PAdES-B-LTA) and stores it. */
    String preserve(String pdfSha256);

    /** When the certificate of the stored PDF's latest document timestamp expires; empty if it has none. */
    default java.util.Optional<Instant> timestampExpiry(String pdfSha256) {
        return java.util.Optional.empty();
    }

    /** Adds fresh validation data and a new document timestamp over the whole stored PDF, and stores it. */
    default String retimestamp(String pdfSha256) {
        throw new UnsupportedOperationException("re-timestamping needs the signing services");
    }

    /** For deployments and tests with no digital signatures: every call is refused. */
    LetterDocuments NONE = new LetterDocuments() {
        @Override
        public String render(LetterOfRecord letter) {
            throw unavailable();
        }

        @Override
        public String sign(String pdfSha256, LetterOfRecord letter, PersonRef signer, PdfStep step, Instant at) {
            throw unavailable();
        }

        @Override
        public DocumentVerification verify(String pdfSha256) {
            throw unavailable();
        }

        @Override
        public String stampReceipt(String pdfSha256, Receipt receipt) {
            throw unavailable();
        }

        @Override
        public String preserve(String pdfSha256) {
            throw unavailable();
        }

        private LetterException unavailable() {
            return new LetterException("SIGNING_UNAVAILABLE", LetterException.Kind.UNAVAILABLE,
                    "digital signatures are not configured here");
        }
    };
}
