package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/**
 * The signatory, logged in, signs the approved content: by typed name (ระเบียบ ฉบับที่ ๔, identity-verified
 * session), or on the PDF of record for a kind the agency signs digitally. With a key the server holds, the
 * server signs; with a key that never leaves the person's token, the web layer prepared the revision, the
 * token signed, and the web layer embedded the value: {@code externallySignedPdf} is that result, made from
 * the PDF of record {@code preparedFrom}.
 */
public record SignLetterCommand(@TargetAggregateIdentifier String letterId,
                                @TargetAggregateVersion Long expectedVersion, Actor actor, Instant at,
                                String externallySignedPdf, String preparedFrom) {

    /** The server signs (or the typed name stands). */
    public SignLetterCommand(String letterId, Long expectedVersion, Actor actor, Instant at) {
        this(letterId, expectedVersion, actor, at, null, null);
    }
}
