package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/**
 * The secretary, then the chair, signs the certified minutes with their own key; the last signature files them
 * under {@code fileCode} with the retention (default: ten years).
 */
public record SignMinutesCommand(@TargetAggregateIdentifier String meetingId, Actor actor, String fileCode,
                                 Integer retentionYears, Boolean permanent, Instant at) {
}
