package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * The number was issued (ออกเลข) and the letter sent: {@code deliveries} records the method and the
 * recipient for each addressee, and {@code content} is exactly what was sent. {@code book}, {@code registerNumber} and {@code number} are null for
 * kinds without a register number (minutes, memos). {@code letterDate} is the date printed on the letter: the
 * dispatch time, or the approval time for a letter numbered at approval. {@code pdfSha256} is the signed PDF of
 * record that goes to every recipient, null for a letter signed by typed name.
 */
@Revision("1")
public record LetterDispatchedEvent(String letterId, String agencyCode, String agencyName, PersonRef by,
                                    RegisterBookType book, Integer yearBE, Long registerNumber, String number,
                                    List<Dispatch> deliveries, LetterContent content, List<PersonRef> signedBy,
                                    Instant at, Instant letterDate, String pdfSha256) {

    public LetterDispatchedEvent {
        letterDate = letterDate == null ? at : letterDate;
    }

    /** A dispatch that issued its number now and carries no signed PDF. */
    public LetterDispatchedEvent(String letterId, String agencyCode, String agencyName, PersonRef by,
                                 RegisterBookType book, Integer yearBE, Long registerNumber, String number,
                                 List<Dispatch> deliveries, LetterContent content, List<PersonRef> signedBy,
                                 Instant at) {
        this(letterId, agencyCode, agencyName, by, book, yearBE, registerNumber, number, deliveries, content, signedBy,
                at, at, null);
    }

    /** One recipient of a dispatch; {@code copyId} is set for electronic delivery. */
    public record Dispatch(Recipient recipient, boolean copyOnly, DeliveryMethod method, String copyId) {
    }
}
