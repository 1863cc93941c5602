package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** Send the draft to an approver. */
public record SubmitLetterCommand(@TargetAggregateIdentifier String letterId,
                                  @TargetAggregateVersion Long expectedVersion, Actor actor, PersonRef approver,
                                  Instant at) {
}
