package org.saraban.api.letter;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * The approved (possibly signed) letter was changed before dispatch, so its approval and every signature
 * no longer hold: it is a draft again, its PDF of record is dropped, and a number issued at approval is
 * voided ({@code voidedNumber}, null when there was none). It must be submitted and approved again.
 */
@Revision("1")
public record LetterApprovalInvalidatedEvent(String letterId, PersonRef by, String reason, String voidedNumber,
                                             Instant at) {
}
