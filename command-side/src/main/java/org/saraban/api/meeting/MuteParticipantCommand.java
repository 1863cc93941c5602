package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** The chair mutes (or unmutes) a participant's audio and video (MDES process 5). */
public record MuteParticipantCommand(@TargetAggregateIdentifier String meetingId, Actor actor, String personId, boolean muted, Instant at) {
}
