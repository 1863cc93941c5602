package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** The chair gives the floor to the next speaker, or to {@code personId}. */
public record GiveFloorCommand(@TargetAggregateIdentifier String meetingId, Actor actor, String personId, Instant at) {
}
