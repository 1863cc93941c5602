package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** A member declares a conflict of interest in an item and is recused from it. */
public record DeclareConflictCommand(@TargetAggregateIdentifier String meetingId, String itemId, Actor actor, String reason, Instant at) {
}
