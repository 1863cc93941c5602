package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The copy reached the recipient agency's inbox (No.4: the sender checks the result every time). */
@Revision("1")
public record LetterDeliveryRecordedEvent(String letterId, String recipientAgencyCode, String copyId, Instant at) {
}
