package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** What the letter flow did with an invitation letter: dispatched (with its number), or delivered to an agency, or received there (with its เลขรับ). Idempotent. */
public record RecordInvitationProgressCommand(@TargetAggregateIdentifier String meetingId, String letterId,
                                              InvitationLetterProgressedEvent.Step step, String agencyCode,
                                              String number, Instant at) {
}
