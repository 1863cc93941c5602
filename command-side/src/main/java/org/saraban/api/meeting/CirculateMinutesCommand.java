package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/**
 * The secretary circulates the minutes to the members for certification by {@code deadline}.
 */
public record CirculateMinutesCommand(@TargetAggregateIdentifier String meetingId, Actor actor, Instant deadline,
                                      Instant at) {
}
