package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** A member answers the invitation for themself. */
public record AnswerInvitationCommand(@TargetAggregateIdentifier String meetingId, Actor actor, RsvpResponse response,
                                      String reason, String delegateName, String delegatePosition, Instant at) {
}
