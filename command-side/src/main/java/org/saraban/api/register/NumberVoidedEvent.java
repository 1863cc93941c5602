package org.saraban.api.register;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;
import org.saraban.api.letter.RegisterBookType;

/** A number was voided: it stays recorded in the book and is never issued again. */
@Revision("1")
public record NumberVoidedEvent(String bookId, String agencyCode, RegisterBookType book, int yearBE,
                                long registerNumber, String letterId, PersonRef by, String reason, Instant at) {
}
