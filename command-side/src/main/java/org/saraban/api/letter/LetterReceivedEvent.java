package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** ลงรับ: the receiving number (เลขรับ) of the agency's received register, with the stamp time. */
@Revision("1")
public record LetterReceivedEvent(String copyId, String sourceLetterId, String agencyCode, PersonRef by, int yearBE, long registerNumber,
                                  String receivingNumber, Instant at) {
}
