package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** A participant reports a problem with the meeting system (MDES process 7). */
public record ReportProblemCommand(@TargetAggregateIdentifier String meetingId, Actor actor, String text, Instant at) {
}
