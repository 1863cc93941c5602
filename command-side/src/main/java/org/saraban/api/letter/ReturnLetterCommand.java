package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** The designated approver returns the draft to its author with a reason. */
public record ReturnLetterCommand(@TargetAggregateIdentifier String letterId,
                                  @TargetAggregateVersion Long expectedVersion, Actor actor, String reason,
                                  Instant at) {
}
