package org.saraban.api.letter;

import java.time.LocalDate;
import java.util.List;

/**
 * The metadata of a letter that arrived outside Saraban (paper or e-mail), as the clerk confirmed it, and
 * {@code bodyText}: the letter's text as recognised from the scan (OCR) or extracted from its PDF, for search.
 */
public record ImportedLetter(LetterKind kind, String number, LocalDate letterDate, String fromAgency,
                             String subject, String salutation, List<Recipient> to, List<String> references,
                             List<String> enclosures, String signatoryName, String signatoryPosition,
                             OwnerUnit ownerUnit, Urgency urgency, Secrecy secrecy, String channel,
                             String bodyText) {

    public ImportedLetter {
        to = to == null ? List.of() : List.copyOf(to);
        references = references == null ? List.of() : List.copyOf(references);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
        urgency = urgency == null ? Urgency.NORMAL : urgency;
        secrecy = secrecy == null ? Secrecy.NONE : secrecy;
    }
}
