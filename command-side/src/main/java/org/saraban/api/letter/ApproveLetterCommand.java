package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** The designated approver approves; the content is frozen from here on. */
public record ApproveLetterCommand(@TargetAggregateIdentifier String letterId,
                                   @TargetAggregateVersion Long expectedVersion, Actor actor, String comment,
                                   Instant at) {
}
