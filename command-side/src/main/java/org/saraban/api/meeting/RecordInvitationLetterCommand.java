package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** The invitation letter {@code letterId} was drafted for this meeting (it then goes through the letter flow). */
public record RecordInvitationLetterCommand(@TargetAggregateIdentifier String meetingId, String letterId, Actor actor,
                                            Instant at) {
}
