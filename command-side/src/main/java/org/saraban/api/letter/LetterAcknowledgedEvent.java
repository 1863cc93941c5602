package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The recipient agency received the copy and reported back its receiving number (No.4). */
@Revision("1")
public record LetterAcknowledgedEvent(String letterId, String recipientAgencyCode, String copyId,
                                      String receivingNumber, PersonRef receivedBy, Instant at) {
}
