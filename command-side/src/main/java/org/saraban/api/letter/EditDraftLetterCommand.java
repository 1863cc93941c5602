package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** Replace the content of a draft (refused once approved). */
public record EditDraftLetterCommand(@TargetAggregateIdentifier String letterId,
                                     @TargetAggregateVersion Long expectedVersion, Actor actor,
                                     LetterContent content, Instant at) {
}
