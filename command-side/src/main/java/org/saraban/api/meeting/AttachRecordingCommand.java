package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** The secretary attaches the session's recording, uploaded to the blob store, by its SHA-256. */
public record AttachRecordingCommand(@TargetAggregateIdentifier String meetingId, Actor actor, MeetingDocument recording, Instant at) {
}
