package org.saraban.api.letter;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * A new revision of the letter's PDF of record, stored by its SHA-256 (content-addressed blob store):
 * from here on, {@code sha256} is the letter (or the received copy) of record. {@code previousSha256} is
 * the revision it was made from, null for the first.
 */
@Revision("1")
public record LetterPdfRecordedEvent(String letterId, PdfStep step, String sha256, String previousSha256,
                                     PersonRef by, Instant at) {
}
