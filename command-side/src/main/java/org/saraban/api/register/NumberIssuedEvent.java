package org.saraban.api.register;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;
import org.saraban.api.letter.RegisterBookType;

/** The book issued {@code registerNumber} to {@code letterId}. Numbers are issued only at dispatch or receipt. */
@Revision("1")
public record NumberIssuedEvent(String bookId, String agencyCode, RegisterBookType book, int yearBE,
                                long registerNumber, String letterId, PersonRef by, Instant at) {
}
