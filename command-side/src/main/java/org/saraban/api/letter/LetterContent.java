package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.saraban.api.common.PersonRef;

/**
 * What a letter says, field by field as the regulation's forms print them (DOMAIN.md §1.3).
 * Lists are never null. The signatory is resolved from the directory before it gets here.
 */
public record LetterContent(
        LetterKind kind,
        boolean circular,
        Urgency urgency,
        Instant deliverBy,
        Secrecy secrecy,
        String subject,
        String salutation,
        List<Recipient> to,
        List<String> references,
        List<Enclosure> enclosures,
        List<String> body,
        String closing,
        PersonRef signatory,
        OwnerUnit ownerUnit,
        List<Recipient> copiesTo,
        StampedPurpose stampedPurpose) {

    public LetterContent {
        urgency = urgency == null ? Urgency.NORMAL : urgency;
        secrecy = secrecy == null ? Secrecy.NONE : secrecy;
        to = to == null ? List.of() : List.copyOf(to);
        references = references == null ? List.of() : List.copyOf(references);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
        body = body == null ? List.of() : List.copyOf(body);
        copiesTo = copiesTo == null ? List.of() : List.copyOf(copiesTo);
    }

    /** Every addressee and copy recipient, addressees first. */
    public List<Recipient> allRecipients() {
        return java.util.stream.Stream.concat(to.stream(), copiesTo.stream()).toList();
    }
}
