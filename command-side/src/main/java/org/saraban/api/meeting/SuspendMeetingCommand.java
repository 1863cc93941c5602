package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** The chair suspends ({@code suspend}) or resumes the session; polls wait while it is suspended. */
public record SuspendMeetingCommand(@TargetAggregateIdentifier String meetingId, Actor actor, boolean suspend, String reason, Instant at) {
}
