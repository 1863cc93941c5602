package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/**
 * Put a copy of a dispatched letter into one recipient agency's inbox. Idempotent: a copy that exists
 * is left as it is, so the delivery policy may safely deliver again after a restart.
 */
public record DeliverLetterCommand(@TargetAggregateIdentifier String copyId, String sourceLetterId,
                                   String fromAgencyCode, String fromAgencyName, String agencyCode,
                                   List<Recipient> addressees, boolean copyOnly, LetterContent content,
                                   String number, Instant letterDate, List<PersonRef> signedBy, Instant at, String pdfSha256) {

    /** A copy of a letter signed by typed name: no PDF of record travels with it. */
    public DeliverLetterCommand(String copyId, String sourceLetterId, String fromAgencyCode, String fromAgencyName,
            String agencyCode, List<Recipient> addressees, boolean copyOnly, LetterContent content, String number,
            Instant letterDate, List<PersonRef> signedBy, Instant at) {
        this(copyId, sourceLetterId, fromAgencyCode, fromAgencyName, agencyCode, addressees, copyOnly, content, number,
                letterDate, signedBy, at, null);
    }
}
