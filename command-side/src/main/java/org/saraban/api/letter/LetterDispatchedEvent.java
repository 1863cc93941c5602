package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * The number was issued (ออกเลข) and the letter sent: {@code deliveries} records the method and the
 * recipient for each addressee, and {@code content} is exactly what was sent. {@code book}, {@code registerNumber} and {@code number} are null for
 * kinds without a register number (minutes, memos).
 */
@Revision("1")
public record LetterDispatchedEvent(String letterId, String agencyCode, String agencyName, PersonRef by,
                                    RegisterBookType book, Integer yearBE, Long registerNumber, String number,
                                    List<Dispatch> deliveries, LetterContent content, List<PersonRef> signedBy,
                                    Instant at) {

    /** One recipient of a dispatch; {@code copyId} is set for electronic delivery. */
    public record Dispatch(Recipient recipient, boolean copyOnly, DeliveryMethod method, String copyId) {
    }
}
