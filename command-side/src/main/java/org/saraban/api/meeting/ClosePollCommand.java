package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** The chair closes a poll; it is counted. */
public record ClosePollCommand(@TargetAggregateIdentifier String meetingId, String pollId, Actor actor, Instant at) {
}
