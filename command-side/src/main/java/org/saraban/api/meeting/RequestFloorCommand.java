package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** A present participant asks to speak ({@code withdraw}: takes the request back). */
public record RequestFloorCommand(@TargetAggregateIdentifier String meetingId, Actor actor, boolean withdraw, Instant at) {
}
