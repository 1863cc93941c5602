package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** A participant leaves (or the chair removes them: {@code personId} differs from the actor). */
public record LeaveMeetingCommand(@TargetAggregateIdentifier String meetingId, Actor actor, String personId, String reason, Instant at) {
}
