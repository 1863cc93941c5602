package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/**
 * The signatory, logged in, confirms the approved content. Until PAdES lands this is the typed-name
 * signature that ระเบียบสารบรรณ ฉบับที่ ๔ allows in an identity-verified system.
 */
public record SignLetterCommand(@TargetAggregateIdentifier String letterId,
                                @TargetAggregateVersion Long expectedVersion, Actor actor, Instant at) {
}
