package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/**
 * The secretary replaces the minutes' text; {@code revision} is the one the edit was made from.
 */
public record EditMinutesCommand(@TargetAggregateIdentifier String meetingId, Actor actor, String text, int revision,
                                 Instant at) {
}
