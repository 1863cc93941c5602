package org.saraban.api.letter;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * ออกเลข at approval, for a kind the agency signs digitally (ADR 0006): the number and date are printed
 * in the PDF before anyone signs it, and dispatch later sends with them. {@code at} is the letter's date.
 */
@Revision("1")
public record LetterNumberedEvent(String letterId, String agencyCode, String agencyName, PersonRef by,
                                  RegisterBookType book, int yearBE, long registerNumber, String number,
                                  LetterContent content, Instant at) {
}
