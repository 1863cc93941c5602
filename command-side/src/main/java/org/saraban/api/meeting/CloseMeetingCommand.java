package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** The chair closes the session (เลิกประชุม). */
public record CloseMeetingCommand(@TargetAggregateIdentifier String meetingId, Actor actor, Instant at) {
}
