package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** The chair opens the session (เริ่มประชุม). */
public record OpenMeetingCommand(@TargetAggregateIdentifier String meetingId, Actor actor, Instant at) {
}
