package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** Cancel a dispatched letter: its number is voided and stays in the register, never reissued. */
public record CancelLetterCommand(@TargetAggregateIdentifier String letterId,
                                  @TargetAggregateVersion Long expectedVersion, Actor actor, String reason,
                                  Instant at) {
}
