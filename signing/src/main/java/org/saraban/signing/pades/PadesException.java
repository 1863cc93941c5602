package org.saraban.signing.pades;

/** A PDF could not be signed, extended or stamped; {@link #code()} is stable for callers to map. */
public class PadesException extends RuntimeException {

    public enum Code {
        /** the input is not a PDF PDFBox can read, or is encrypted */
        UNREADABLE_PDF,
        /** the CMS did not fit into the space reserved for /Contents */
        SIGNATURE_TOO_LARGE,
        /** the signature value does not verify with the certificate: wrong key or corrupted value */
        SIGNATURE_VALUE_MISMATCH,
        /** the prepared PDF was changed between prepare and embed */
        PREPARED_PDF_CHANGED,
        /** a PDF/A conversion was asked of a document that cannot be made conformant here */
        NOT_CONVERTIBLE
    }

    private final Code code;

    public PadesException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public PadesException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
