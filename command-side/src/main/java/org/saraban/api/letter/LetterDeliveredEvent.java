package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A received copy came into being in the inbox of {@code agencyCode}, linked to the sender's letter. */
@Revision("1")
public record LetterDeliveredEvent(String copyId, String sourceLetterId, String fromAgencyCode,
                                   String fromAgencyName, String agencyCode, List<Recipient> addressees,
                                   boolean copyOnly, LetterContent content, String number, Instant letterDate,
                                   List<PersonRef> signedBy, Instant at, String pdfSha256) {

    /** A copy of a letter signed by typed name: no PDF of record travels with it. */
    public LetterDeliveredEvent(String copyId, String sourceLetterId, String fromAgencyCode, String fromAgencyName,
            String agencyCode, List<Recipient> addressees, boolean copyOnly, LetterContent content, String number,
            Instant letterDate, List<PersonRef> signedBy, Instant at) {
        this(copyId, sourceLetterId, fromAgencyCode, fromAgencyName, agencyCode, addressees, copyOnly, content, number,
                letterDate, signedBy, at, null);
    }
}
