package org.saraban.signing.pki;

/** A key, certificate or timestamp could not be had; {@link #code()} is stable for callers to map. */
public class PkiException extends RuntimeException {

    public enum Code {
        /** a keystore has no key entry under the requested alias */
        KEY_ENTRY_NOT_FOUND,
        /** the caller did not say which of several key entries to use */
        KEY_ENTRY_AMBIGUOUS,
        /** the certificate may not be used for signing documents (key usage) */
        KEY_USAGE_NOT_FOR_SIGNING,
        /** a keystore, token or stored state could not be opened (wrong password, broken file) */
        KEYSTORE_UNREADABLE,
        /** a PKCS#11 provider could not be configured from the given file */
        PKCS11_CONFIGURATION,
        /** the timestamp authority refused, could not be reached or answered something invalid */
        TIMESTAMP_FAILED,
        /** the signing device refused or failed */
        SIGNING_FAILED,
        /** the key algorithm is not one we sign with */
        UNSUPPORTED_KEY
    }

    private final Code code;

    public PkiException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public PkiException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
