package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/**
 * A member asks for a change to circulated minutes before the deadline.
 */
public record ObjectToMinutesCommand(@TargetAggregateIdentifier String meetingId, Actor actor, String text, Instant at) {
}
