package org.saraban.api.letter;

/**
 * The revisions of a letter's PDF of record, in the order they are made (ADR 0006). Each is an
 * incremental update of the one before, so every earlier signature stays valid.
 */
public enum PdfStep {
    /** The approved letter rendered as PDF/A-3b with its number, date and JSON metadata. */
    RENDERED,
    /** The approver's visa (ตรวจทาน), PAdES-B-T. */
    VISA,
    /** The signatory's signature (ลงนาม), PAdES-B-T. */
    SIGNATURE,
    /** The recipient's receipt stamp (agency, เลขรับ, date, time) as an annotation. */
    RECEIPT_STAMP,
    /** Validation data and a document timestamp at filing: PAdES-B-LTA. */
    PRESERVED,
    /** A new document timestamp over everything, before the last one's certificate expires (re-timestamping). */
    RETIMESTAMPED
}
