package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** Draft a new outgoing letter at the actor's agency; the owner unit is the actor's unit. */
public record CreateDraftLetterCommand(@TargetAggregateIdentifier String letterId, Actor actor, String agencyName,
                                       LetterContent content, Instant at) {
}
