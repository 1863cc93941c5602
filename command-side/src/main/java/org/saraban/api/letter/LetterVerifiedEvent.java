package org.saraban.api.letter;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * The receiving agency verified the signed PDF that came with the copy (SHA-256 {@code pdfSha256}) when it
 * received it. Recorded whatever the outcome: a failed verification is an auditable fact.
 */
@Revision("1")
public record LetterVerifiedEvent(String copyId, String pdfSha256, DocumentVerification verification, PersonRef by,
                                  Instant at) {
}
