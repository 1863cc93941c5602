package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** A present, eligible member votes once. */
public record CastVoteCommand(@TargetAggregateIdentifier String meetingId, String pollId, Actor actor, String choice, Instant at) {
}
