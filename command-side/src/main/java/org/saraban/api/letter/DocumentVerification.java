package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

/**
 * What verifying a delivered PDF found, as recorded on the received copy: whether every signature holds,
 * the lowest PAdES level among them, a one-line summary in Thai, and each signature.
 *
 * @param level PAdES level name (B_B, B_T, B_LT, B_LTA) of the weakest signature, null without signatures
 */
public record DocumentVerification(boolean valid, String level, String summaryThai, List<Signature> signatures) {

    public DocumentVerification {
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    /**
     * One signature or document timestamp.
     *
     * @param kind              SIGNATURE or DOCUMENT_TIMESTAMP
     * @param intact            the signed bytes are unchanged and the cryptography holds
     * @param certificateStatus VALID, REVOKED, EXPIRED, UNTRUSTED, ... as the verifier names it
     */
    public record Signature(String kind, String signerName, String level, boolean intact, String certificateStatus,
                            Instant signingTime, Instant timestampTime) {
    }
}
